package gov.exports.portal.web;

import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Friendly error pages (HTML) and error bodies (JSON under /api). They never carry stack traces,
 * SQL or class names; the request id links what the user sees to the log line with the details.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    static final String SIGN_IN_UNAVAILABLE = "Sign-in is temporarily unavailable, so signed-in pages cannot be shown. "
            + "Public pages (bills, members, licence verification) still work; try again in a few minutes.";

    @jakarta.inject.Inject
    SignInService signIn;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String requestId);
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri) {
        return page(uri, 403, null);
    }

    /**
     * Not signed in: the sign-in challenge (a redirect to Keycloak for pages, 401 for the API), as Quarkus would answer,
     * except when Keycloak does not answer: then pages say so (503) instead of sending the visitor to a dead sign-in page
     * or answering a bare 401, and the API gets a JSON 401.
     */
    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext rc, UriInfo uri) {
        boolean api = uri.getPath().startsWith("/api/");
        if (!api && !signIn.available()) {
            return Uni.createFrom().item(signInUnavailable(uri, "no answer from the sign-in service"));
        }
        HttpAuthenticator authenticator = rc.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(render(uri, 401, null));
        }
        return authenticator.getChallenge(rc).map(challenge -> challengeResponse(uri, challenge))
                .onFailure().recoverWithItem(t -> api ? render(uri, 401, null) : signInUnavailable(uri, rootMessage(t)));
    }

    private static Response challengeResponse(UriInfo uri, ChallengeData challenge) {
        if (challenge == null) {
            return render(uri, 401, null);
        }
        Response.ResponseBuilder b = challenge.status == 401 ? Response.fromResponse(render(uri, 401, null)) : Response.status(challenge.status);
        challenge.getHeaders().forEach((name, value) -> b.header(name.toString(), value));
        return b.build();
    }

    static Response signInUnavailable(UriInfo uri, String why) {
        LOG.warnf("Sign-in service unavailable on %s: %s", uri.getPath(), why);
        return render(uri, 503, SIGN_IN_UNAVAILABLE);
    }

    @ServerExceptionMapper
    public Uni<Response> conflict(PortalConflictException e, UriInfo uri) {
        return page(uri, 409, e.getMessage());
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Uni<Response> staleState(RuntimeException e, UriInfo uri) {
        return page(uri, 409, "Someone else changed this record while you were working on it. "
                + "Reload the page to see the current version, then make your change again.");
    }

    @ServerExceptionMapper
    public Uni<Response> web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return Uni.createFrom().item(e.getResponse());
        }
        if (status >= 500) {
            LOG.errorf(e, "HTTP %d on %s", status, uri.getPath());
        }
        return page(uri, status, null);
    }

    @ServerExceptionMapper
    public Uni<Response> unexpected(Exception e, UriInfo uri) {
        if (isSignInServiceUnavailable(e)) {
            return Uni.createFrom().item(signInUnavailable(uri, rootMessage(e)));
        }
        if (isDatabaseUnavailable(e)) {
            // a restart or outage of PostgreSQL: temporary, and the pool reconnects by itself
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), rootMessage(e));
            return page(uri, 503, "The service is briefly unavailable. Nothing you sent was saved; "
                    + "wait a moment and try again.", true);
        }
        if (isDataException(e)) {
            // PostgreSQL refused a value the user sent (a NUL character, an impossible number): their input, not our fault
            LOG.warnf("Input refused by the database on %s: %s", uri.getPath(), rootMessage(e));
            return page(uri, 400, "Something you entered contains a character or value that cannot be stored "
                    + "(for example an invisible control character). Check what you entered and try again.");
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return page(uri, 500, null);
    }

    /**
     * The error page, rendered where the database may be used: its header shows the signed-in user's organisation
     * (account/CurrentUser reads it from the database). Security failures (403) and requests no route matches (404, 405,
     * 415) are mapped on the I/O thread, before the request reaches a worker; their page is rendered on a worker thread,
     * in the request's own request context and with its request id, and answered back on the request's Vert.x context.
     */
    static Uni<Response> page(UriInfo uri, int status, String detail) {
        return page(uri, status, detail, false);
    }

    /** withoutDatabase: the page for a database that does not answer, without the layout (its header would read it). */
    static Uni<Response> page(UriInfo uri, int status, String detail, boolean withoutDatabase) {
        String requestId = RequestIds.current();
        String path = uri == null ? "" : uri.getPath();
        if (BlockingOperationControl.isBlockingAllowed()) {
            return Uni.createFrom().item(render(path, status, detail, requestId, withoutDatabase));
        }
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState state = requestContext.isActive() ? requestContext.getState() : null;
        Context vertx = Vertx.currentContext();
        Uni<Response> rendered = Uni.createFrom().item(() -> {
            MDC.put("requestId", requestId);
            if (state != null) {
                requestContext.activate(state);
            }
            try {
                return render(path, status, detail, requestId, withoutDatabase);
            } finally {
                if (state != null) {
                    requestContext.deactivate();
                }
                MDC.remove("requestId");
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return vertx == null ? rendered : rendered.emitOn(task -> vertx.runOnContext(v -> task.run()));
    }

    /** Keycloak does not answer (its keys or metadata cannot be fetched). */
    static boolean isSignInServiceUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof io.quarkus.oidc.OIDCException || t instanceof io.quarkus.security.AuthenticationFailedException)
                    && String.valueOf(t.getMessage()).contains("OIDC Server is not available")) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (SQLSTATE class 08), a server shutting down or starting (57P01-57P03), or no pooled connection. */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof java.sql.SQLException && String.valueOf(t.getMessage()).contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 22, "data exception": the value itself is invalid (bad encoding, out of range, too long). */
    static boolean isDataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static Response render(UriInfo uri, int status, String detail) {
        return render(uri == null ? "" : uri.getPath(), status, detail, RequestIds.current(), false);
    }

    /**
     * The page as a finished string: nothing of it is left to render later, on whatever thread writes the answer. The
     * layout's header reads the signed-in vendor's organisation from the database: a page about the database not
     * answering goes without the layout, and so does any page whose layout fails (the database going away meanwhile).
     */
    static Response render(String path, int status, String detail, String requestId, boolean withoutDatabase) {
        String title = titleFor(status);
        String message = detail != null ? detail : messageFor(status);
        if (path.startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", status, "error", title, "message", message, "requestId", requestId))
                    .build();
        }
        String html;
        if (withoutDatabase) {
            html = plainPage(status, title, message, requestId);
        } else {
            try {
                html = Templates.error(status, title, message, requestId).render();
            } catch (RuntimeException e) {
                LOG.warnf("Error page %d for %s shown without the layout, which failed: %s", status, path, rootMessage(e));
                html = plainPage(status, title, message, requestId);
            }
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /**
     * An error page without the layout: it needs neither the signed-in user nor the database (nor a request that reached
     * a route). Without a request id it carries no reference line.
     */
    static String plainPage(int status, String title, String message, String requestId) {
        String reference = requestId == null ? ""
                : "<p>Error " + status + ". Reference: <code>" + escape(requestId) + "</code> — quote it if you contact the help desk.</p>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                + " – Export Licensing Portal</title>\n<link rel=\"stylesheet\" href=\"/static/portal.css\">\n</head>\n<body>\n"
                + "<main id=\"main\" class=\"wrap\">\n<h1>" + escape(title) + "</h1>\n<p class=\"lead\">" + escape(message) + "</p>\n"
                + reference + "<div class=\"actions\"><a class=\"button\" href=\"/\">Go to the home page</a></div>\n</main>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood";
            case 401 -> "Please sign in";
            case 403 -> "You do not have access to this page";
            case 404 -> "Page not found";
            case 405 -> "This action is not available here";
            case 409 -> "This record has changed";
            case 413 -> "The file or form is too large";
            case 415 -> "This type of content is not accepted";
            case 429 -> "Too many requests";
            case 503 -> "The service is temporarily unavailable";
            default -> status >= 500 ? "Sorry, something went wrong on our side" : "The request could not be completed";
        };
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "Check what you entered and try again. If you submitted a form, reload it first: "
                    + "forms expire after a while for your security.";
            case 403 -> "Your account's role does not allow this. If you think you should have access, "
                    + "contact your organisation's compliance lead or the portal administrators.";
            case 404 -> "If you typed the web address, check it is correct. If you followed a link, "
                    + "the page may have moved or you may not have access to it.";
            case 409 -> "Reload the page to see the current version, then try again.";
            case 413 -> "Files may be at most 20 MB.";
            case 429 -> "Wait a minute and try again.";
            case 503 -> "Try again in a few minutes.";
            default -> status >= 500 ? "The problem has been logged. Try again later; if it keeps happening, "
                    + "contact the portal's help desk and quote the reference below." : "Go back and try again.";
        };
    }
}
