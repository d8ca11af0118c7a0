package gov.exports.portal.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id that appears in each log line (MDC {@code requestId}), in the
 * {@code X-Request-Id} response header and on error pages, so a user's report can be found in the logs.
 */
public class RequestIds {

    public static final String PROPERTY = "portal.requestId";
    private static final SecureRandom RANDOM = new SecureRandom();

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void assign(ContainerRequestContext request) {
        // Never trust an incoming id: it would let a client forge log lines.
        String id = newId();
        request.setProperty(PROPERTY, id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void expose(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle("X-Request-Id", id);
        }
    }

    /** A fresh id (also for answers given before the REST layer runs). */
    public static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String current() {
        Object id = MDC.get("requestId");
        return id == null ? "-" : id.toString();
    }
}
