package gov.exports.portal.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.PortalConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo organisations and memberships matching the demo users of src/main/keycloak/export-portal-realm.json.
 * Loaded only when {@code portal.demo-data=true} (dev and test); idempotent.
 */
@ApplicationScoped
public class AccountDemoData {

    private static final Logger LOG = Logger.getLogger(AccountDemoData.class);

    /** Demo-data loaders of other features run after this one (higher priority values). */
    public static final int PRIORITY = 100;

    @Inject
    PortalConfig config;

    @Inject
    AuditLog audit;

    @Transactional
    void load(@Observes @Priority(PRIORITY) StartupEvent start) {
        if (!config.demoData()) {
            return;
        }
        Organisation nvidia = organisation("nvidia", "NVIDIA Corporation", "2788 San Tomas Expressway, Santa Clara, CA 95051",
                "export-compliance@nvidia.example");
        Organisation amd = organisation("amd", "Advanced Micro Devices, Inc.", "2485 Augustine Drive, Santa Clara, CA 95054",
                "trade-compliance@amd.example");
        Organisation intel = organisation("intel", "Intel Corporation", "2200 Mission College Blvd., Santa Clara, CA 95054",
                "export.compliance@intel.example");
        member(nvidia, "nvidia-vendor@demo.example", "Nora Vance", Membership.OrgRole.MEMBER);
        member(nvidia, "nvidia-admin@demo.example", "Nate Alvarez", Membership.OrgRole.ADMIN);
        member(amd, "amd-vendor@demo.example", "Amelia Diaz", Membership.OrgRole.MEMBER);
        member(amd, "amd-admin@demo.example", "Arjun Mehta", Membership.OrgRole.ADMIN);
        member(intel, "intel-vendor@demo.example", "Irene Lopez", Membership.OrgRole.MEMBER);
    }

    private Organisation organisation(String slug, String legalName, String address, String email) {
        return Organisation.findBySlug(slug).orElseGet(() -> {
            Organisation o = new Organisation();
            o.slug = slug;
            o.legalName = legalName;
            o.address = address;
            o.contactEmail = email;
            o.persist();
            o.flush();
            audit.recordSystem("organisation.created", "organisation", o.id, null,
                    AuditLog.state("slug", slug, "legalName", legalName, "source", "demo-data"));
            LOG.infof("Demo organisation %s created", legalName);
            return o;
        });
    }

    private void member(Organisation org, String email, String name, Membership.OrgRole role) {
        if (Membership.count("email", email) > 0) {
            return;
        }
        Membership m = new Membership();
        m.organisation = org;
        m.email = email;
        m.displayName = name;
        m.orgRole = role;
        m.persist();
        m.flush();
        audit.recordSystem("membership.created", "membership", m.id, null,
                AuditLog.state("organisation", org.slug, "email", email, "orgRole", role.name(), "source", "demo-data"));
    }
}
