package gov.exports.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A request declaring a body over quarkus.http.limits.max-body-size would otherwise get a bare, empty 413 from the HTTP
 * layer. It gets the portal's "too large" page (or JSON under /api) instead, before any of the body is read or stored.
 * The page is self-contained: the layout needs the signed-in user, unknown at this stage.
 */
@ApplicationScoped
public class TooLargeRequests {

    private static final Logger LOG = Logger.getLogger(TooLargeRequests.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared = -1;
            try {
                declared = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                // not ours to judge: the HTTP layer refuses a malformed length itself
            }
            if (declared <= limit) {
                ctx.next();
                return;
            }
            String path = ctx.request().path();
            LOG.infof("Refused a %d-byte request to %s (limit %d)", declared, path, limit);
            String title = ErrorPages.titleFor(413);
            String message = ErrorPages.messageFor(413);
            var response = ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close");
            if (path.startsWith("/api/")) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(new io.vertx.core.json.JsonObject().put("status", 413).put("error", title).put("message", message).encode());
            } else {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                        .end(ErrorPages.plainPage(413, title, message + " Nothing was saved. Go back, choose a smaller file and try again.", null));
            }
        });
    }
}
