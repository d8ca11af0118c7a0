package gov.exports.portal.audit;

import static gov.exports.portal.audit.AuditCoverageApplications.seeOther;
import static gov.exports.portal.audit.AuditCoverageApplications.version;
import static gov.exports.portal.audit.AuditProbe.Change.CREATE;
import static gov.exports.portal.audit.AuditProbe.Change.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.exports.portal.support.PortalSession;

/** A compliance lead's organisation profile and members, a user's notifications, the administrator's chain verification. */
final class AuditCoverageAccounts {

    private final AuditProbe probe;

    AuditCoverageAccounts(AuditProbe probe) {
        this.probe = probe;
    }

    void run() {
        PortalSession lead = PortalSession.of("nvidia-admin");
        long nvidia = probe.number("SELECT id FROM organisation WHERE slug = 'nvidia'");
        String name = probe.text("SELECT legal_name FROM organisation WHERE id = ?", nvidia);
        String address = probe.text("SELECT coalesce(address, '') FROM organisation WHERE id = ?", nvidia);
        String email = probe.text("SELECT coalesce(contact_email, '') FROM organisation WHERE id = ?", nvidia);
        String changed = "export-compliance-audit@nvidia.example";
        probe.perform("POST /organisation", lead, "organisation", UPDATE, () -> {
            seeOther(lead.postForm("/organisation", "legalName", name, "address", address, "contactEmail", changed, "version",
                    version(lead, "/organisation/edit")), "change the contact address");
            return nvidia;
        }).before("contactEmail", email.isEmpty() ? null : email).after("contactEmail", changed).after("legalName", name);
        // and back, so that the organisation is as the other tests know it
        probe.perform("POST /organisation", lead, "organisation", UPDATE, () -> {
            seeOther(lead.postForm("/organisation", "legalName", name, "address", address, "contactEmail", email, "version",
                    version(lead, "/organisation/edit")), "change it back");
            return nvidia;
        }).before("contactEmail", changed);

        String member = "audit.analyst." + System.nanoTime() + "@nvidia.example";
        long membership = Long.parseLong(probe.perform("POST /organisation/members", lead, "membership", CREATE, () -> {
            seeOther(lead.postForm("/organisation/members", "email", member, "displayName", "Audit Analyst"), "add a member");
            return probe.number("SELECT id FROM membership WHERE email = ?", member);
        }).after("email", member).after("organisation", "nvidia").targetId());
        var deactivated = probe.perform("POST /organisation/members/{id}/active", lead, "membership", UPDATE, () -> {
            seeOther(lead.postForm("/organisation/members/" + membership + "/active", "active", "false"), "deactivate the member");
            return membership;
        }).before("active", true).after("active", false);
        assertEquals("membership.deactivated", deactivated.action());

        // reading one's own notifications changes nothing anyone else sees, and writes no record
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        probe.performExempt("POST /notifications/read", vendor, () -> seeOther(vendor.postForm("/notifications/read"), "mark read"));
        assertEquals(0, probe.number("SELECT count(*) FROM notification WHERE recipient_email = 'nvidia-vendor@demo.example' AND "
                + "read_at IS NULL"));

        PortalSession admin = PortalSession.of("admin");
        var verified = probe.perform("POST /admin/audit/verify", admin, "audit_trail", CREATE, () -> {
            assertEquals(200, admin.postForm("/admin/audit/verify").statusCode());
            return "chain";
        });
        assertEquals(Boolean.TRUE, verified.after("intact"));
        assertTrue(((Number) verified.after("checked")).longValue() > 0, "records checked");
    }
}
