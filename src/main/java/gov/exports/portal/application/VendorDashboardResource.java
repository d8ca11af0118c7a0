package gov.exports.portal.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.account.Roles;
import gov.exports.portal.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The vendor's landing page: their organisation's licence applications, filtered, searched and paginated. */
@Path("/vendor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
public class VendorDashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Organisation organisation, ApplicationQueries.Page page, String status, String q,
                ApplicationStatus[] statuses, String notice);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ApplicationQueries queries;

    @GET
    public TemplateInstance dashboard(@QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @QueryParam("notice") String notice) {
        Organisation org = currentUser.organisation();
        ApplicationStatus st = null;
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s.name().equals(status)) {
                st = s;
            }
        }
        String search = Forms.text(q);
        if (search != null && search.length() > 100) {
            search = search.substring(0, 100);
        }
        ApplicationQueries.Page result = org == null ? null : queries.forOrganisation(org.id, st, search, page == null ? 1 : page);
        return Templates.dashboard(org, result, st == null ? null : st.name(), search, ApplicationStatus.values(), notice)
                .data("navSection", "vendor");
    }
}
