package gov.exports.portal.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.account.AccountService;
import gov.exports.portal.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Public home page, accessibility statement, and the sign-in entry point that sends each role to its landing page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance accessibility();

        static native TemplateInstance help();
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @GET
    @PermitAll
    public TemplateInstance home() {
        return Templates.home().data("navSection", "home");
    }

    @GET
    @Path("accessibility")
    @PermitAll
    public TemplateInstance accessibility() {
        return Templates.accessibility();
    }

    /** How each kind of user works with the portal, step by step. */
    @GET
    @Path("help")
    @PermitAll
    public TemplateInstance help() {
        return Templates.help();
    }

    /** Requires a session: anonymous users are sent to Keycloak's login page and come back here. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        accounts.bindMembershipOnFirstLogin();
        return Response.seeOther(URI.create(currentUser.landingPath())).build();
    }
}
