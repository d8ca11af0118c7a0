package gov.exports.portal.application;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Membership;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.account.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The vendor's landing page: their organisation's licence applications. */
@Path("/vendor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
public class VendorDashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Organisation organisation, List<Membership> members);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance dashboard() {
        Organisation org = currentUser.organisation();
        return Templates.dashboard(org, org == null ? List.of() : Membership.ofOrganisation(org))
                .data("navSection", "vendor");
    }
}
