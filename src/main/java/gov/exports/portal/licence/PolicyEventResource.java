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
import jakarta.ws.rs.QueryParam;
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

        static native TemplateInstance impact(PolicyEvents.Impact impact, String reason, FormErrors errors, Integer suspended);
    }

    @Inject
    PolicyEvents events;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.events(events.events()).data("navSection", "licences");
    }

    @GET
    @Path("{kind}/{id: [0-9]+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance impact(@PathParam("kind") String kind, @PathParam("id") long id, @QueryParam("suspended") Integer suspended) {
        return Templates.impact(events.impact(events.event(kind, id)), null, FormErrors.none(), suspended).data("navSection", "licences");
    }

    @POST
    @Path("{kind}/{id: [0-9]+}/suspension")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    @Produces(MediaType.TEXT_HTML)
    public Response suspend(@PathParam("kind") String kind, @PathParam("id") long id, @RestForm String reason,
            @RestForm String licenceIds) {
        try {
            int n = events.suspendAffected(kind, id, reason, licenceIds);
            return Response.seeOther(URI.create("/licences/policy-events/" + kind + "/" + id + "?suspended=" + n)).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.impact(events.impact(events.event(kind, id)), reason, e.errors(), null)
                    .data("navSection", "licences")).build();
        }
    }
}
