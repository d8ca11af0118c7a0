package gov.exports.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

/** JSON API: who the bearer token belongs to. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeApiResource {

    @Inject
    CurrentUser currentUser;

    @GET
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", currentUser.username());
        me.put("name", currentUser.displayName());
        me.put("roles", currentUser.roles());
        Organisation org = currentUser.organisation();
        me.put("organisation", org == null ? null : Map.of("slug", org.slug, "legalName", org.legalName));
        return me;
    }
}
