package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.NotificationService;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationSnapshot;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/**
 * Amendments follow the application's two-person rule: an officer recommends approval or refusal with reasons, a
 * senior officer who is not the recommender agrees (the decision takes effect) or sends it back. An approved amendment
 * changes the licence and records a new licence version; each version is diffed field by field against the previous.
 */
@ApplicationScoped
public class AmendmentService {

    @Inject
    CurrentUser currentUser;

    @Inject
    LicenceService licences;

    @Inject
    ApplicationService applications;

    @Inject
    NotificationService notifications;

    @Inject
    AuditLog audit;

    public record RequestForm(String lineId, String extraQuantity, String extraValue, String newValidTo, String newConsignee,
            String justification) {

        public static RequestForm empty() {
            return new RequestForm(null, null, null, null, null, null);
        }
    }

    /** One field that changed between two versions. */
    public record Change(String field, String before, String after) {
    }

    public record VersionView(LicenceVersion version, List<Change> changes) {
    }

    /** The consignee in force: as amended, else the ultimate consignee of the application. */
    public String consigneeOf(Licence l) {
        if (l.consignee != null) {
            return l.consignee;
        }
        ApplicationSnapshot s = applications.snapshotOf(Application.findById(l.applicationId));
        return s == null ? "" : s.parties().stream().filter(p -> "ULTIMATE_CONSIGNEE".equals(p.role())).map(ApplicationSnapshot.Party::name)
                .findFirst().orElse("");
    }

    LinkedHashMap<String, String> fields(Licence l) {
        LinkedHashMap<String, String> f = new LinkedHashMap<>();
        f.put("Valid from", l.validFrom.toString());
        f.put("Valid to", l.validTo.toString());
        f.put("Consignee", consigneeOf(l));
        for (LicenceLine line : l.getLines()) {
            f.put(line.description + ": authorised quantity", String.valueOf(line.authorisedQuantity));
            f.put(line.description + ": authorised value (USD)", line.authorisedValueUsd.toPlainString());
        }
        return f;
    }

    public static List<Change> diff(LinkedHashMap<String, String> before, LinkedHashMap<String, String> after) {
        List<Change> out = new ArrayList<>();
        for (var e : after.entrySet()) {
            String b = before == null ? null : before.get(e.getKey());
            if (before != null && !Objects.equals(b, e.getValue())) {
                out.add(new Change(e.getKey(), b, e.getValue()));
            }
        }
        return out;
    }

    public List<VersionView> history(Licence l) {
        List<VersionView> out = new ArrayList<>();
        LinkedHashMap<String, String> previous = null;
        for (LicenceVersion v : LicenceVersion.of(l.id)) {
            LinkedHashMap<String, String> fields = v.getFieldMap();
            out.add(new VersionView(v, diff(previous, fields)));
            previous = fields;
        }
        return out;
    }

    @Transactional
    public LicenceAmendment request(long licenceId, RequestForm form) {
        var org = currentUser.organisation();
        Licence l = org == null ? null : Licence.findById(licenceId, LockModeType.PESSIMISTIC_WRITE);
        if (l == null || !org.id.equals(l.organisation.id)) {
            throw new NotFoundException();
        }
        if (l.status != LicenceStatus.ACTIVE && l.status != LicenceStatus.EXHAUSTED) {
            throw new PortalConflictException("Licence " + l.number + " is " + l.status.name().toLowerCase() + ": it cannot be amended.");
        }
        if (LicenceAmendment.count("licenceId = ?1 and status in ?2", l.id,
                List.of(LicenceAmendment.Status.REQUESTED, LicenceAmendment.Status.RECOMMENDED)) > 0) {
            throw new PortalConflictException("An amendment of licence " + l.number + " is already under review; wait for its decision.");
        }
        FormErrors errors = new FormErrors();
        Integer qty = Forms.integer(errors, "extraQuantity", form.extraQuantity(), "the additional quantity", 0, 10_000_000, false);
        BigDecimal value = Forms.text(form.extraValue()) == null ? null
                : Forms.usd(errors, "extraValue", form.extraValue(), "the additional value", false);
        LocalDate validTo = Forms.date(errors, "newValidTo", form.newValidTo(), "the new last day of validity", false);
        String consignee = Forms.optional(errors, "newConsignee", form.newConsignee(), "the new consignee", 300);
        String justification = Forms.required(errors, "justification", form.justification(), "the justification", 10, 2000);
        LicenceLine line = null;
        boolean more = (qty != null && qty > 0) || value != null;
        if (more) {
            Long lineId = Forms.id(form.lineId());
            line = lineId == null ? null : LicenceLine.<LicenceLine> find("id = ?1 and licenceId = ?2", lineId, l.id).firstResult();
            if (line == null) {
                errors.add("lineId", "Choose the product line that needs more quantity or value");
            }
        }
        if (validTo != null && !validTo.isAfter(l.validTo)) {
            errors.add("newValidTo", "The new last day must be after the current one, " + l.validTo);
        } else if (validTo != null && validTo.isAfter(l.validFrom.plusYears(10))) {
            errors.add("newValidTo", "A licence is valid for at most 10 years from " + l.validFrom);
        }
        if (consignee != null && consignee.length() < 2) {
            errors.add("newConsignee", "Write the new consignee's full name");
        }
        if (!errors.isAny() && !more && validTo == null && consignee == null) {
            errors.add("extraQuantity", "Ask for at least one change: more quantity or value, a later end of validity or a new consignee");
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        LicenceAmendment a = new LicenceAmendment();
        a.licenceId = l.id;
        a.licenceLineId = line == null ? null : line.id;
        a.extraQuantity = qty == null ? 0 : qty;
        a.extraValueUsd = value == null ? BigDecimal.ZERO.setScale(2) : value;
        a.newValidTo = validTo;
        a.newConsignee = consignee;
        a.justification = justification;
        a.requestedBySubject = currentUser.subject();
        a.requestedByName = currentUser.displayName();
        a.persist();
        LicenceAmendment.getEntityManager().flush();
        audit.record("licence.amendment.requested", "licence", l.id, null, AuditLog.state("amendment", a.id, "line", a.licenceLineId,
                "extraQuantity", a.extraQuantity, "extraValueUsd", a.extraValueUsd, "newValidTo", validTo, "newConsignee", consignee,
                "justification", justification));
        return a;
    }

    private LicenceAmendment locked(long licenceId, long amendmentId, String version) {
        LicenceAmendment a = LicenceAmendment.findById(amendmentId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.licenceId.equals(licenceId)) {
            throw new NotFoundException();
        }
        if (Forms.version(version) != a.version) {
            throw new PortalConflictException("This amendment was changed by someone else while you were reading it. Reload the page.");
        }
        return a;
    }

    @Transactional
    public LicenceAmendment recommend(long licenceId, long amendmentId, String outcome, String rawReasons, String version) {
        LicenceAmendment a = locked(licenceId, amendmentId, version);
        if (a.status != LicenceAmendment.Status.REQUESTED) {
            throw new PortalConflictException("This amendment is " + a.status.name().toLowerCase() + ": it cannot be recommended now.");
        }
        FormErrors errors = new FormErrors();
        if (!"APPROVE".equals(outcome) && !"REFUSE".equals(outcome)) {
            errors.add("outcome", "Choose to recommend approval or refusal");
        }
        String reasons = Forms.required(errors, "reasons", rawReasons, "the reasons", 10, 4000);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        a.status = LicenceAmendment.Status.RECOMMENDED;
        a.recommendation = outcome;
        a.recommendationReasons = reasons;
        a.recommendedBySubject = currentUser.subject();
        a.recommendedByName = currentUser.displayName();
        LicenceAmendment.getEntityManager().flush();
        audit.record("licence.amendment.recommended", "licence", a.licenceId, AuditLog.state("amendment", a.id, "status", "REQUESTED"),
                AuditLog.state("amendment", a.id, "status", "RECOMMENDED", "recommendation", outcome, "reasons", reasons));
        return a;
    }

    /** agree: the recommendation takes effect; back: the amendment returns to the officers. */
    @Transactional
    public LicenceAmendment countersign(long licenceId, long amendmentId, String decision, String version) {
        LicenceAmendment a = locked(licenceId, amendmentId, version);
        if (a.status != LicenceAmendment.Status.RECOMMENDED) {
            throw new PortalConflictException("This amendment has no recommendation to countersign.");
        }
        if (currentUser.subject().equals(a.recommendedBySubject)) {
            throw new PortalConflictException("You recommended this amendment: another senior officer must countersign it.");
        }
        if (!"agree".equals(decision) && !"back".equals(decision)) {
            throw new FormValidationException(new FormErrors().add("decision", "Choose to agree or to send the amendment back"));
        }
        Licence l = Licence.findById(a.licenceId, LockModeType.PESSIMISTIC_WRITE);
        if ("back".equals(decision)) {
            a.status = LicenceAmendment.Status.REQUESTED;
            a.recommendation = null;
            a.recommendationReasons = null;
            a.recommendedBySubject = null;
            a.recommendedByName = null;
            LicenceAmendment.getEntityManager().flush();
            audit.record("licence.amendment.sent-back", "licence", l.id, AuditLog.state("amendment", a.id, "status", "RECOMMENDED"),
                    AuditLog.state("amendment", a.id, "status", "REQUESTED"));
            return a;
        }
        boolean approve = "APPROVE".equals(a.recommendation);
        if (approve && l.status != LicenceStatus.ACTIVE && l.status != LicenceStatus.EXHAUSTED) {
            throw new PortalConflictException("Licence " + l.number + " is now " + l.status.name().toLowerCase() + ": the amendment cannot take effect.");
        }
        a.status = approve ? LicenceAmendment.Status.APPROVED : LicenceAmendment.Status.REFUSED;
        a.decidedBySubject = currentUser.subject();
        a.decidedByName = currentUser.displayName();
        a.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        LinkedHashMap<String, String> before = fields(l);
        if (approve) {
            if (LicenceVersion.count("licenceId", l.id) == 0) {
                version(l, 1, before, "As issued");
            }
            if (a.licenceLineId != null) {
                LicenceLine line = LicenceLine.findById(a.licenceLineId);
                line.requestedQuantity += a.extraQuantity;
                line.requestedValueUsd = line.requestedValueUsd.add(a.extraValueUsd);
                line.authorisedQuantity += a.extraQuantity;
                line.authorisedValueUsd = line.authorisedValueUsd.add(a.extraValueUsd);
                line.remainingQuantity += a.extraQuantity;
                line.remainingValueUsd = line.remainingValueUsd.add(a.extraValueUsd);
            }
            if (a.newValidTo != null) {
                l.validTo = a.newValidTo;
            }
            if (a.newConsignee != null) {
                l.consignee = a.newConsignee;
            }
            Licence.getEntityManager().flush();
            if (l.status == LicenceStatus.EXHAUSTED && !l.getLines().stream().allMatch(LicenceLine::isUsedUp)) {
                l.status = LicenceStatus.ACTIVE;
            }
            int next = ((Number) Licence.getEntityManager().createQuery("select coalesce(max(v.versionNo), 0) from LicenceVersion v where v.licenceId = :id")
                    .setParameter("id", l.id).getSingleResult()).intValue() + 1;
            version(l, next, fields(l), "Amendment " + a.id + " approved by " + a.decidedByName);
        }
        LicenceAmendment.getEntityManager().flush();
        notifications.notifyOrganisation(l.organisation, "Amendment of licence " + l.number + (approve ? " approved" : " refused"),
                "Your request to amend export licence " + l.number + " has been " + (approve ? "approved" : "refused") + ". Reasons: "
                        + a.recommendationReasons,
                "/licences/" + l.id + "/amendments");
        if (approve) {
            // the licence as it was and as it is now, and the amendment that changed it
            LinkedHashMap<String, Object> was = new LinkedHashMap<>(before);
            was.put("amendment", a.id);
            LinkedHashMap<String, Object> now = new LinkedHashMap<>(fields(l));
            now.put("amendment", a.id);
            now.put("status", a.status.name());
            audit.record("licence.amended", "licence", l.id, was, now);
        } else {
            // the licence does not change: the record is about the amendment
            audit.record("licence.amendment.refused", "licence", l.id, AuditLog.state("amendment", a.id, "status", "RECOMMENDED",
                    "recommendation", a.recommendation), AuditLog.state("amendment", a.id, "status", a.status.name(), "reasons",
                    a.recommendationReasons));
        }
        return a;
    }

    private static void version(Licence l, int no, LinkedHashMap<String, String> fields, String cause) {
        LicenceVersion v = new LicenceVersion();
        v.licenceId = l.id;
        v.versionNo = no;
        v.setFieldMap(fields);
        v.cause = cause;
        v.persist();
    }
}
