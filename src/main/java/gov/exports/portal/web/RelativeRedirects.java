package gov.exports.portal.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * JAX-RS turns every {@code seeOther("/path")} into an absolute address built from the request's Host header, so a
 * forged Host (or a cache poisoned with one) would send users to another site. Redirects within the portal are
 * therefore sent as the relative path the code asked for (RFC 9110 allows a relative Location).
 */
public class RelativeRedirects {

    @ServerResponseFilter
    public void relative(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI target = location instanceof URI u ? u : URI.create(location.toString());
        URI base = request.getUriInfo().getBaseUri();
        if (target.isAbsolute() && target.getRawAuthority() != null && target.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            // "//host" would be read by browsers as another site: keep a single leading slash
            path = "/" + path.replaceFirst("^/+", "");
            String relative = path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                    + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
            response.getHeaders().putSingle(HttpHeaders.LOCATION, relative);
        }
    }
}
