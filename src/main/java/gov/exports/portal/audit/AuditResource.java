package gov.exports.portal.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit trail for administrators: browse newest first, filter by target, verify the hash chain. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    public record AuditPage(List<AuditRecord> records, String nextUrl, String prevUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AuditPage page, String targetType, String targetId,
                AuditChain.Verification verification);
    }

    @Inject
    AuditChain chain;

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance list(@QueryParam("before") Long before, @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId) {
        return Templates.list(page(before, targetType, targetId), blankToNull(targetType), blankToNull(targetId), null)
                .data("navSection", "audit");
    }

    /** Verification is itself recorded: who checked the trail, when, and what they found. */
    @POST
    @Path("verify")
    @Transactional
    public TemplateInstance verify() {
        AuditChain.Verification v = chain.verify();
        audit.record("audit.verified", "audit_trail", "chain", null,
                AuditLog.state("intact", v.intact(), "checked", v.checked(), "brokenId", v.brokenId()));
        return Templates.list(page(null, null, null), null, null, v).data("navSection", "audit");
    }

    AuditPage page(Long before, String targetType, String targetId) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (before != null) {
            q.append(" and id < :before");
            p.and("before", before);
        }
        if (blankToNull(targetType) != null) {
            q.append(" and targetType = :tt");
            p.and("tt", targetType.strip());
        }
        if (blankToNull(targetId) != null) {
            q.append(" and targetId = :tid");
            p.and("tid", targetId.strip());
        }
        List<AuditRecord> rows = AuditRecord.<AuditRecord> find(q.toString(), Sort.descending("id"), p)
                .page(Page.ofSize(PAGE_SIZE + 1)).list();
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = "/admin/audit?before=" + rows.get(rows.size() - 1).id
                    + (blankToNull(targetType) != null ? "&targetType=" + enc(targetType) : "")
                    + (blankToNull(targetId) != null ? "&targetId=" + enc(targetId) : "");
        }
        String prev = before != null ? "/admin/audit" : null;
        return new AuditPage(rows, next, prev);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
