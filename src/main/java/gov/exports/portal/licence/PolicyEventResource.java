package gov.exports.portal.licence;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import gov.exports.portal.account.Roles;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Officials see what a policy event affects; senior officers suspend every affected licence in one action. */
@Path("/licences/policy-events")
@RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
public class PolicyEventResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(List<PolicyEvents.Event> events);

        static native TemplateInstance impact(PolicyEvents.Impact impact, String reason, FormErrors errors,
                List<BulkSuspensionJob> jobs);

        static native TemplateInstance job(BulkSuspensionJob job, List<Licence> licences);
    }

    @Inject
    PolicyEvents events;

    @Inject
    BulkSuspensions bulk;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.events(events.events()).data("navSection", "licences");
    }

    @GET
    @Path("{kind}/{id: [0-9]+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance impact(@PathParam("kind") String kind, @PathParam("id") long id) {
        PolicyEvents.Event event = events.event(kind, id);
        return Templates.impact(events.impact(event), null, FormErrors.none(), bulk.jobsOf(event)).data("navSection", "licences");
    }

    /** The bulk suspension's progress ("n of m licences"), refreshing itself without JavaScript until it is done. */
    @GET
    @Path("jobs/{id: [0-9]+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance job(@PathParam("id") long id) {
        BulkSuspensionJob job = bulk.job(id);
        return Templates.job(job, bulk.licencesOf(job)).data("navSection", "licences");
    }

    @POST
    @Path("{kind}/{id: [0-9]+}/suspension")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    @Produces(MediaType.TEXT_HTML)
    public Response suspend(@PathParam("kind") String kind, @PathParam("id") long id, @RestForm String reason,
            @RestForm String licenceIds) {
        try {
            Long jobId = events.suspendAffected(kind, id, reason, licenceIds);
            bulk.start(jobId);
            return Response.seeOther(URI.create("/licences/policy-events/jobs/" + jobId)).build();
        } catch (FormValidationException e) {
            PolicyEvents.Event event = events.event(kind, id);
            return Response.status(400).entity(Templates.impact(events.impact(event), reason, e.errors(), bulk.jobsOf(event))
                    .data("navSection", "licences")).build();
        }
    }
}
