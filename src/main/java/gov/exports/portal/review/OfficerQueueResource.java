package gov.exports.portal.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Roles;
import gov.exports.portal.application.ApplicationQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The licensing officers' landing page: submitted applications, newest first (to become the review queues). */
@Path("/officer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
public class OfficerQueueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(ApplicationQueries.Page page);
    }

    @Inject
    ApplicationQueries queries;

    /** The officers' landing page is the review queues (issue 4); the list above stays for the applications pages' use. */
    @GET
    public jakarta.ws.rs.core.Response queue(@QueryParam("page") Integer page) {
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/review")).build();
    }
}
