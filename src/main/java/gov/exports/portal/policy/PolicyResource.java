package gov.exports.portal.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Read-only view of the licence policy versions and the one in force today. */
@Path("/policy")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
public class PolicyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PolicyVersion> versions, PolicyVersion inForce, LocalDate today);
    }

    @Inject
    PolicyService policies;

    @GET
    public TemplateInstance list() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Templates.list(PolicyVersion.newestFirst(), policies.inForceOn(today).orElse(null), today)
                .data("navSection", "policy");
    }
}
