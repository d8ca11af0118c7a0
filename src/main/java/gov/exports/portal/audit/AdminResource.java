package gov.exports.portal.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Membership;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.account.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The system administrator's landing page: organisations, audit trail state, health. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Organisation> organisations, long memberships, long auditRecords);
    }

    @Inject
    AuditChain chain;

    @GET
    public TemplateInstance home() {
        return Templates.home(Organisation.listAll(Sort.by("legalName")), Membership.count(), AuditRecord.count())
                .data("navSection", "admin");
    }
}
