package gov.exports.portal.licence;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The list of licences (the vendor's own, or all for officials) and senior officers' suspend / reinstate / revoke. */
@Path("/licences")
@Authenticated
public class LicenceStatusResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Licence> licences, boolean official);

        static native TemplateInstance status(Licence licence, String action, String reason, FormErrors errors);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    LicenceService licences;

    @Inject
    LicenceActions actions;

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        boolean official = currentUser.isOfficer();
        List<Licence> list;
        if (official) {
            list = Licence.list("order by id desc");
        } else if (currentUser.organisation() != null) {
            list = Licence.list("organisation.id = ?1 order by id desc", currentUser.organisation().id);
        } else {
            throw new ForbiddenException();
        }
        return Templates.list(list, official).data("navSection", "licences");
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance statusForm(@PathParam("id") long id) {
        return Templates.status(licences.visible(id), null, null, FormErrors.none()).data("navSection", "licences");
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    @Produces(MediaType.TEXT_HTML)
    public Response changeStatus(@PathParam("id") long id, @RestForm String action, @RestForm String reason, @RestForm String version) {
        LicenceActions.Action a;
        try {
            a = action == null ? null : LicenceActions.Action.valueOf(action);
        } catch (IllegalArgumentException e) {
            a = null;
        }
        try {
            if (a == null) {
                FormErrors errors = new FormErrors().add("action", "Choose to suspend, reinstate or revoke the licence");
                LicenceActions.reason(reason);
                throw new FormValidationException(errors);
            }
            actions.apply(id, a, reason, version);
            return Response.seeOther(URI.create("/licences/" + id + "?notice=" + a.done)).build();
        } catch (FormValidationException e) {
            FormErrors errors = e.errors();
            if (a == null && !errors.has("action")) {
                errors.add("action", "Choose to suspend, reinstate or revoke the licence");
            }
            return Response.status(400).entity(Templates.status(licences.visible(id), action, reason, errors).data("navSection", "licences"))
                    .build();
        }
    }
}
