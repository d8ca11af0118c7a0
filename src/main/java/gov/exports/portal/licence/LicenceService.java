package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.NotificationService;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationSnapshot;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.policy.PolicyService;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.review.ReviewDecision;
import gov.exports.portal.review.ReviewService;
import gov.exports.portal.review.Rider;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/** Issues the licence on an approved application, once: number, validity, authorised amounts, conditions. */
@ApplicationScoped
public class LicenceService {

    public static final int DEFAULT_VALIDITY_YEARS = 4;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ReviewService review;

    @Inject
    ApplicationService applications;

    @Inject
    PolicyService policies;

    @Inject
    NotificationService notifications;

    /** The issue form: validity and, per snapshot line (same order), the authorised quantity and value. */
    public record IssueForm(String validFrom, String validTo, List<String> lineId, List<String> quantity, List<String> value,
            String additionalCondition, String version) {

        public String quantityOf(Long id) {
            return at(quantity, id);
        }

        public String valueOf(Long id) {
            return at(value, id);
        }

        private String at(List<String> values, Long id) {
            int i = lineId == null ? -1 : lineId.indexOf(String.valueOf(id));
            return i < 0 || values == null || i >= values.size() ? "" : values.get(i);
        }
    }

    public IssueForm defaults(ApplicationSnapshot snapshot, int version) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        List<String> qty = new ArrayList<>();
        List<String> val = new ArrayList<>();
        for (ApplicationSnapshot.Line l : snapshot.lines()) {
            ids.add(String.valueOf(l.lineId()));
            qty.add(String.valueOf(l.quantity()));
            val.add(l.totalUsd().toPlainString());
        }
        // validity is inclusive of both days: four years end the day before the fourth anniversary
        return new IssueForm(today.toString(), today.plusYears(DEFAULT_VALIDITY_YEARS).minusDays(1).toString(), ids, qty, val, null,
                String.valueOf(version));
    }

    /** Officials, and members of the licensee organisation; everyone else gets 404. */
    public Licence visible(long id) {
        Licence l = Licence.findById(id);
        if (l == null) {
            throw new NotFoundException();
        }
        if (currentUser.isOfficer()) {
            return l;
        }
        var org = currentUser.organisation();
        if (org == null || !org.id.equals(l.organisation.id)) {
            throw new NotFoundException();
        }
        return l;
    }

    /** A US dollar amount of zero or more, in dollars and cents; null when not one. */
    static BigDecimal amount(String raw) {
        String s = Forms.text(raw);
        if (s == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(s.replace(",", "").replace("$", ""));
            return v.signum() < 0 || v.stripTrailingZeros().scale() > 2 ? null : v.setScale(2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Transactional
    public Licence issue(long applicationId, IssueForm form) {
        ReviewService.Locked locked = review.lock(applicationId, form.version());
        Application app = locked.app();
        if (app.status != ApplicationStatus.APPROVED && app.status != ApplicationStatus.APPROVED_WITH_CONDITIONS) {
            throw new PortalConflictException("A licence can only be issued on an approved application; " + app.reference + " is "
                    + app.status.name().toLowerCase().replace('_', ' ') + ".");
        }
        Licence existing = Licence.ofApplication(app.id);
        if (existing != null) {
            throw new PortalConflictException("Licence " + existing.number + " has already been issued on " + app.reference + ".");
        }
        ApplicationSnapshot snapshot = applications.snapshotOf(app);
        FormErrors errors = new FormErrors();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = Forms.date(errors, "validFrom", form.validFrom(), "the first day of validity", true);
        LocalDate to = Forms.date(errors, "validTo", form.validTo(), "the last day of validity", true);
        if (from != null && from.isBefore(today)) {
            errors.add("validFrom", "The licence cannot start before today");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add("validTo", "The licence must end after it starts");
        } else if (from != null && to != null && to.isAfter(from.plusYears(10))) {
            errors.add("validTo", "A licence is valid for at most 10 years");
        }
        Map<ApplicationSnapshot.Line, int[]> qty = new LinkedHashMap<>();
        Map<ApplicationSnapshot.Line, BigDecimal> val = new LinkedHashMap<>();
        boolean any = false;
        for (ApplicationSnapshot.Line l : snapshot.lines()) {
            String field = "quantity-" + l.lineId();
            Integer q = Forms.integer(errors, field, form.quantityOf(l.lineId()), "the authorised quantity", 0, l.quantity(), true);
            String vField = "value-" + l.lineId();
            BigDecimal v = amount(form.valueOf(l.lineId()));
            if (v == null) {
                errors.add(vField, "Enter the authorised value in US dollars, like 25000.00");
            } else if (v.compareTo(l.totalUsd()) > 0) {
                errors.add(vField, "The authorised value cannot exceed the " + l.totalUsd().toPlainString() + " USD asked for");
            }
            if (q != null && v != null && (q == 0) != (v.signum() == 0)) {
                errors.add(vField, "Authorise both a quantity and a value for " + l.model() + ", or neither");
            }
            if (q != null && v != null) {
                qty.put(l, new int[] { q });
                val.put(l, v);
                any |= q > 0;
            }
        }
        if (!errors.isAny() && !any) {
            errors.add("quantity-" + snapshot.lines().get(0).lineId(), "Authorise at least one product line");
        }
        String extra = Forms.optional(errors, "additionalCondition", form.additionalCondition(), "the additional condition", 2000);
        if (extra != null && extra.length() < 3) {
            errors.add("additionalCondition", "Write the additional condition in full");
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        PolicyVersion policy = policies.byCode(app.policyCode).orElseThrow();
        ReviewDecision decision = ReviewDecision.agreedOf(app.id);
        long n = ((Number) em.createNativeQuery("SELECT nextval('licence_number_seq')").getSingleResult()).longValue();
        Licence licence = new Licence();
        licence.number = String.format("CHX-%d-%06d", today.getYear(), n);
        licence.applicationId = app.id;
        licence.organisation = app.organisation;
        licence.validFrom = from;
        licence.validTo = to;
        licence.policyCode = policy.code;
        licence.revenueShareRate = policy.revenueShareRate;
        licence.issuedBySubject = currentUser.subject();
        licence.issuedByName = currentUser.displayName();
        licence.persist();
        em.flush();
        for (ApplicationSnapshot.Line l : snapshot.lines()) {
            LicenceLine line = new LicenceLine();
            line.licenceId = licence.id;
            line.productId = l.productId();
            line.description = l.maker() + " " + l.model() + " (" + l.architecture() + ", ECCN " + l.eccn() + ")";
            line.requestedQuantity = l.quantity();
            line.requestedValueUsd = l.totalUsd();
            line.authorisedQuantity = qty.get(l)[0];
            line.authorisedValueUsd = val.get(l);
            line.persist();
        }
        List<String[]> conditions = new ArrayList<>();
        conditions.add(new String[] { "REVENUE_SHARE", "Pay the United States government " + policy.getRevenueSharePercent()
                + " of the revenue from every sale under this licence, as set by licence policy " + policy.code + " ("
                + policy.legalBasis + ")." });
        List<String> riders = new ArrayList<>();
        for (Rider r : Rider.values()) {
            if (r.isAlways() || (decision != null && decision.standardConditions.contains(r.name()))) {
                riders.add(r.name());
                conditions.add(new String[] { r.name(), r.text });
            }
        }
        if (decision != null && decision.conditionText != null) {
            conditions.add(new String[] { "DECISION_CONDITION", decision.conditionText });
        }
        if (extra != null) {
            conditions.add(new String[] { "ADDITIONAL_CONDITION", extra });
        }
        for (String[] c : conditions) {
            LicenceCondition lc = new LicenceCondition();
            lc.licenceId = licence.id;
            lc.code = c[0];
            lc.text = c[1];
            lc.persist();
        }
        locked.review().updatedAt = OffsetDateTime.now();
        em.flush();
        review.event(app, "LICENCE_ISSUED", "Licence " + licence.number + " issued, valid from " + from + " to " + to + ".", true);
        notifications.notifyOrganisation(app.organisation, "Licence " + licence.number + " issued for " + app.reference,
                "Export licence " + licence.number + " has been issued on application " + app.reference + ", valid from " + from
                        + " to " + to + ". Read its conditions in the portal.",
                "/licences/" + licence.id);
        audit.record("licence.issued", "licence", licence.id, null, AuditLog.state("number", licence.number, "application",
                app.reference, "status", licence.status.name(), "validFrom", from, "validTo", to, "revenueShareRate",
                policy.revenueShareRate, "authorisedValueUsd", val.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                "riders", riders, "additionalCondition", extra));
        return licence;
    }
}
