package gov.exports.portal.customer;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/** Maintains the register of approved customers: validated, audited, versioned, and announced to screening. */
@ApplicationScoped
public class CustomerService {

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<ApprovedCustomerSaved> saved;

    @Transactional
    public ApprovedCustomer create(CustomerForm form) {
        ApprovedCustomer c = new ApprovedCustomer();
        apply(form, c, null);
        c.updatedBy = currentUser.username();
        c.persist();
        c.flush();
        saved.fire(new ApprovedCustomerSaved(c.id));
        audit.record("customer.created", "approved_customer", c.id, null, state(c));
        return c;
    }

    @Transactional
    public ApprovedCustomer update(long id, CustomerForm form) {
        ApprovedCustomer c = ApprovedCustomer.<ApprovedCustomer> findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (Forms.version(form.version) != c.version) {
            throw new PortalConflictException("Someone else changed " + c.nameLatin
                    + " while you were editing it. Reload the customer to see their change, then make yours again.");
        }
        Object before = state(c);
        apply(form, c, c.id);
        c.updatedBy = currentUser.username();
        c.flush();
        saved.fire(new ApprovedCustomerSaved(c.id));
        audit.record("customer.updated", "approved_customer", c.id, before, state(c));
        return c;
    }

    void apply(CustomerForm form, ApprovedCustomer c, Long selfId) {
        FormErrors errors = new FormErrors();
        String nameLatin = Forms.required(errors, "nameLatin", form.nameLatin, "the legal name in Latin script", 2, 200);
        String nameChinese = Forms.optional(errors, "nameChinese", form.nameChinese, "the name in Chinese characters", 100);
        String uscc = UnifiedSocialCreditCode.normalise(Forms.text(form.uscc));
        String usccProblem = UnifiedSocialCreditCode.problem(uscc);
        if (usccProblem != null) {
            errors.add("uscc", usccProblem);
        } else {
            long dup = selfId == null ? ApprovedCustomer.count("uscc", uscc)
                    : ApprovedCustomer.count("uscc = ?1 and id <> ?2", uscc, selfId);
            if (dup > 0) {
                errors.add("uscc", "Another approved customer already has this Unified Social Credit Code");
            }
        }
        String address = Forms.required(errors, "address", form.address, "the address", 5, 500);
        String city = Forms.required(errors, "city", form.city, "the city", 2, 100);
        String country = Forms.text(form.country);
        if (country == null || !country.matches("CN|MO")) {
            errors.add("country", "Choose China or Macau");
        }
        CustomerStatus status = null;
        try {
            status = CustomerStatus.valueOf(Forms.text(form.status) == null ? "" : form.status.strip());
        } catch (IllegalArgumentException e) {
            errors.add("status", "Choose the customer's status");
        }
        LocalDate approvedOn = Forms.date(errors, "approvedOn", form.approvedOn, "the approval date", true);
        LocalDate expiresOn = Forms.date(errors, "expiresOn", form.expiresOn, "the expiry date", false);
        if (approvedOn != null && expiresOn != null && !expiresOn.isAfter(approvedOn)) {
            errors.add("expiresOn", "The expiry date must be after the approval date");
        }
        String notes = Forms.optional(errors, "notes", form.notes, "notes", 2000);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        c.nameLatin = nameLatin;
        c.nameChinese = nameChinese;
        c.uscc = uscc;
        c.address = address;
        c.city = city;
        c.country = country;
        c.status = status;
        c.approvedOn = approvedOn;
        c.expiresOn = expiresOn;
        c.notes = notes;
    }

    static Object state(ApprovedCustomer c) {
        return AuditLog.state("nameLatin", c.nameLatin, "nameChinese", c.nameChinese, "uscc", c.uscc, "address", c.address,
                "city", c.city, "country", c.country, "status", c.status.name(), "approvedOn", c.approvedOn,
                "expiresOn", c.expiresOn, "notes", c.notes);
    }
}
