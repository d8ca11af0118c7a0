package gov.exports.portal.account;

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

import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A vendor's own organisation: profile and members. Never another organisation's. Compliance leads edit both. */
@Path("/organisation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
public class OrganisationResource {

    /** The profile form as typed. */
    public record ProfileForm(String legalName, String address, String contactEmail, String version) {
    }

    /** The add-member form as typed. */
    public record MemberForm(String email, String displayName) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Organisation organisation, List<Membership> members, MemberForm memberForm,
                FormErrors errors, String notice);

        static native TemplateInstance edit(Organisation organisation, ProfileForm form, FormErrors errors);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    OrganisationService organisations;

    @GET
    public TemplateInstance show(@QueryParam("notice") String notice) {
        return showPage(new MemberForm(null, null), FormErrors.none(), notice);
    }

    TemplateInstance showPage(MemberForm form, FormErrors errors, String notice) {
        Organisation org = currentUser.organisation();
        List<Membership> members = org == null ? List.of() : Membership.ofOrganisation(org);
        return Templates.show(org, members, form, errors, notice).data("navSection", "organisation");
    }

    @GET
    @Path("edit")
    @RolesAllowed(Roles.VENDOR_ADMIN)
    public TemplateInstance edit() {
        Organisation org = organisations.own();
        return Templates.edit(org, new ProfileForm(org.legalName, org.address, org.contactEmail, String.valueOf(org.version)),
                FormErrors.none()).data("navSection", "organisation");
    }

    @POST
    @RolesAllowed(Roles.VENDOR_ADMIN)
    public Response update(@RestForm String legalName, @RestForm String address, @RestForm String contactEmail,
            @RestForm String version) {
        try {
            organisations.updateProfile(legalName, address, contactEmail, version);
            return Response.seeOther(URI.create("/organisation?notice=profile")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.edit(organisations.own(),
                    new ProfileForm(legalName, address, contactEmail, version), e.errors()).data("navSection", "organisation")).build();
        }
    }

    @POST
    @Path("members")
    @RolesAllowed(Roles.VENDOR_ADMIN)
    public Response addMember(@RestForm String email, @RestForm String displayName) {
        try {
            organisations.addMember(email, displayName);
            return Response.seeOther(URI.create("/organisation?notice=member")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(showPage(new MemberForm(email, displayName), e.errors(), null)).build();
        }
    }

    @POST
    @Path("members/{id}/active")
    @RolesAllowed(Roles.VENDOR_ADMIN)
    public Response setActive(@PathParam("id") long id, @RestForm String active) {
        organisations.setMemberActive(id, "true".equals(active));
        return Response.seeOther(URI.create("/organisation?notice=member")).build();
    }
}
