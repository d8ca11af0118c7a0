package gov.exports.portal.review;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import gov.exports.portal.account.Roles;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationEvent;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationSnapshot;
import gov.exports.portal.policy.PolicyCheck;
import gov.exports.portal.screening.PartyScreening;
import gov.exports.portal.screening.ScreeningService;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Officials' read-only view of a submitted application: the frozen snapshot, documents, pre-check and timeline. */
@Path("/officer/applications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
public class OfficerApplicationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Application app, ApplicationSnapshot snapshot, PolicyCheck.Result precheck,
                List<ApplicationEvent> events, List<PartyScreening.PartyResult> screening, ScreeningService.Clearance clearance,
                String message, FormErrors errors, boolean sent);
    }

    @Inject
    ApplicationService applications;

    @Inject
    PartyScreening partyScreening;

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("sent") String sent) {
        Application app = applications.submittedForOfficial(id);
        return page(app, null, FormErrors.none(), sent != null);
    }

    /** A message to the exporter, shown on their application page and in the timeline. */
    @POST
    @Path("{id}/messages")
    public Response message(@PathParam("id") long id, @RestForm String message) {
        try {
            applications.postOfficialMessage(id, message);
            return Response.seeOther(URI.create("/officer/applications/" + id + "?sent=1")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(page(applications.submittedForOfficial(id), message, e.errors(), false)).build();
        }
    }

    TemplateInstance page(Application app, String message, FormErrors errors, boolean sent) {
        return Templates.show(app, applications.snapshotOf(app), applications.precheckOf(app), ApplicationEvent.of(app.id),
                partyScreening.resultsFor(app), partyScreening.clearanceFor(app), message, errors, sent).data("navSection", "officer");
    }
}
