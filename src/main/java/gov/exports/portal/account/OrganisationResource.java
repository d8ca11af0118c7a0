package gov.exports.portal.account;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A vendor's own organisation: profile and members. Never another organisation's. */
@Path("/organisation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
public class OrganisationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Organisation organisation, List<Membership> members);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance show() {
        Organisation org = currentUser.organisation();
        List<Membership> members = org == null ? List.of() : Membership.ofOrganisation(org);
        return Templates.show(org, members).data("navSection", "organisation");
    }
}
