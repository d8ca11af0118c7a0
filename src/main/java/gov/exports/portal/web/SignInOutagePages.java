package gov.exports.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.security.AuthenticationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A signed-in visitor whose session must be refreshed or re-established while Keycloak is down fails authentication
 * before any resource runs (proactive authentication), and Quarkus would answer with a redirect to the dead sign-in page
 * or a bare 401. Such failures get the portal's "sign-in is temporarily unavailable" page (503, JSON under /api) with a
 * request id instead. Failures while Keycloak answers keep Quarkus' own handling (a new sign-in).
 */
@ApplicationScoped
public class SignInOutagePages {

    private static final Logger LOG = Logger.getLogger(SignInOutagePages.class);

    @Inject
    SignInService signIn;

    void install(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        boolean authentication = failure instanceof AuthenticationException;
        if (!authentication || ctx.response().headWritten() || (signIn.available() && !ErrorPages.isSignInServiceUnavailable(failure))) {
            ctx.next();
            return;
        }
        String requestId = RequestIds.newId();
        MDC.put("requestId", requestId);
        String path = ctx.request().path();
        LOG.warnf("Sign-in service unavailable while authenticating %s: %s", path, ErrorPages.rootMessage(failure));
        String title = ErrorPages.titleFor(503);
        // the failed refresh may already have started a new sign-in (a redirect to the dead login page): not sent
        ctx.response().headers().remove(HttpHeaders.LOCATION);
        var response = ctx.response().setStatusCode(503).putHeader("X-Request-Id", requestId).putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Retry-After", "30");
        if (path.startsWith("/api/")) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject().put("status", 503).put("error", title)
                    .put("message", ErrorPages.SIGN_IN_UNAVAILABLE).put("requestId", requestId).encode());
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end(ErrorPages.plainPage(503, title,
                    ErrorPages.SIGN_IN_UNAVAILABLE, requestId));
        }
    }
}
