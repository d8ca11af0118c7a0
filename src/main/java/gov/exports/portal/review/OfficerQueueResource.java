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

/** The licensing officers' landing page: the unassigned review queue (issue 4). */
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

    @Inject
    ReviewQueueResource reviewQueues;

    /** The officers' landing page (issue 4): the unassigned review queue, the same page as /review?queue=unassigned. */
    @GET
    public TemplateInstance queue(@QueryParam("page") Integer page) {
        return reviewQueues.queue(Queue.UNASSIGNED.slug, null, null, null, null, null, null, null, null, null, null, null);
    }
}
