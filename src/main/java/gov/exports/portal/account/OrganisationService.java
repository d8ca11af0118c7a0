package gov.exports.portal.account;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;
import io.quarkus.security.ForbiddenException;

/** A compliance lead (vendor-admin) maintains their own organisation's profile and members; never another's. */
@ApplicationScoped
public class OrganisationService {

    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    Organisation own() {
        Organisation org = currentUser.organisation();
        if (org == null || !currentUser.isVendorAdmin()) {
            throw new ForbiddenException();
        }
        return org;
    }

    @Transactional
    public void updateProfile(String legalName, String address, String contactEmail, String version) {
        Organisation org = Organisation.findById(own().id);
        if (Forms.version(version) != org.version) {
            throw new PortalConflictException("Someone else changed the organisation's profile while you were editing it. "
                    + "Reload the profile to see their change, then make yours again.");
        }
        FormErrors errors = new FormErrors();
        String name = Forms.required(errors, "legalName", legalName, "the legal name", 2, 200);
        String addr = Forms.optional(errors, "address", address, "the address", 500);
        String email = Forms.text(contactEmail);
        if (email != null && !email.matches(EMAIL)) {
            errors.add("contactEmail", "Enter an e-mail address in the correct format, like name@example.com");
        }
        if (name != null && !errors.has("legalName")
                && Organisation.count("lower(legalName) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT), org.id) > 0) {
            errors.add("legalName", "Another organisation is registered under this name");
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        Object before = AuditLog.state("legalName", org.legalName, "address", org.address, "contactEmail", org.contactEmail);
        org.legalName = name;
        org.address = addr;
        org.contactEmail = email;
        org.flush();
        audit.record("organisation.updated", "organisation", org.id, before,
                AuditLog.state("legalName", org.legalName, "address", org.address, "contactEmail", org.contactEmail));
    }

    @Transactional
    public void addMember(String email, String displayName) {
        Organisation org = own();
        FormErrors errors = new FormErrors();
        String mail = Forms.text(email);
        mail = mail == null ? null : mail.toLowerCase(Locale.ROOT);
        if (mail == null || !mail.matches(EMAIL)) {
            errors.add("email", "Enter the member's e-mail address, like name@example.com");
        } else if (Membership.count("email", mail) > 0) {
            // Same message whether the address is in this or another organisation: no leak about other vendors.
            errors.add("email", "This e-mail address cannot be added: it already has a membership");
        }
        String name = Forms.optional(errors, "displayName", displayName, "the name", 200);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        Membership m = new Membership();
        m.organisation = org;
        m.email = mail;
        m.displayName = name;
        m.persist();
        m.flush();
        audit.record("membership.created", "membership", m.id, null,
                AuditLog.state("organisation", org.slug, "email", mail, "orgRole", m.orgRole.name()));
    }

    @Transactional
    public void setMemberActive(long membershipId, boolean active) {
        Organisation org = own();
        Membership m = Membership.<Membership> find("id = ?1 and organisation.id = ?2", membershipId, org.id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        if (!active && currentUser.membership().map(x -> x.id.equals(m.id)).orElse(false)) {
            throw new PortalConflictException("You cannot deactivate your own membership. Ask another compliance lead.");
        }
        if (m.active == active) {
            return;
        }
        m.active = active;
        m.flush();
        audit.record(active ? "membership.reactivated" : "membership.deactivated", "membership", m.id,
                AuditLog.state("active", !active), AuditLog.state("active", active, "email", m.email));
    }
}
