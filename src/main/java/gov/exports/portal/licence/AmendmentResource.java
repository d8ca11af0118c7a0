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

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Amendments of a licence and its version history: vendors request, officers recommend, senior officers countersign. */
@Path("/licences/{id: [0-9]+}/amendments")
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
public class AmendmentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance amendments(Licence licence, String consignee, List<LicenceAmendment> amendments,
                List<AmendmentService.VersionView> history, boolean vendor, AmendmentService.RequestForm form, FormErrors errors,
                Long failed, String notice);
    }

    @Inject
    AmendmentService amendments;

    @Inject
    LicenceService licences;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("notice") String notice) {
        return page(id, AmendmentService.RequestForm.empty(), FormErrors.none(), null, notice);
    }

    /** failed: the amendment whose recommendation or countersignature was refused; its form shows the errors. */
    TemplateInstance page(long id, AmendmentService.RequestForm form, FormErrors errors, Long failed, String notice) {
        Licence l = licences.visible(id);
        return Templates.amendments(l, amendments.consigneeOf(l), LicenceAmendment.list("licenceId = ?1 order by id desc", l.id),
                amendments.history(l), currentUser.organisation() != null, form, errors, failed, notice).data("navSection", "licences");
    }

    @POST
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
    @Produces(MediaType.TEXT_HTML)
    public Response request(@PathParam("id") long id, @RestForm String lineId, @RestForm String extraQuantity, @RestForm String extraValue,
            @RestForm String newValidTo, @RestForm String newConsignee, @RestForm String justification) {
        AmendmentService.RequestForm form = new AmendmentService.RequestForm(lineId, extraQuantity, extraValue, newValidTo, newConsignee,
                justification);
        try {
            amendments.request(id, form);
            return see(id, "requested");
        } catch (FormValidationException e) {
            return Response.status(400).entity(page(id, form, e.errors(), null, null)).build();
        }
    }

    @POST
    @Path("{amendmentId}/recommendation")
    @RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
    @Produces(MediaType.TEXT_HTML)
    public Response recommend(@PathParam("id") long id, @PathParam("amendmentId") long amendmentId, @RestForm String outcome,
            @RestForm String reasons, @RestForm String version) {
        try {
            amendments.recommend(id, amendmentId, outcome, reasons, version);
            return see(id, "recommended");
        } catch (FormValidationException e) {
            return Response.status(400).entity(page(id, AmendmentService.RequestForm.empty(), e.errors(), amendmentId, null)).build();
        }
    }

    @POST
    @Path("{amendmentId}/countersignature")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    @Produces(MediaType.TEXT_HTML)
    public Response countersign(@PathParam("id") long id, @PathParam("amendmentId") long amendmentId, @RestForm String decision,
            @RestForm String version) {
        try {
            LicenceAmendment a = amendments.countersign(id, amendmentId, decision, version);
            return see(id, a.status == LicenceAmendment.Status.REQUESTED ? "sent-back" : a.status.name().toLowerCase());
        } catch (FormValidationException e) {
            return Response.status(400).entity(page(id, AmendmentService.RequestForm.empty(), e.errors(), amendmentId, null)).build();
        }
    }

    private static Response see(long id, String notice) {
        return Response.seeOther(URI.create("/licences/" + id + "/amendments?notice=" + notice)).build();
    }
}
