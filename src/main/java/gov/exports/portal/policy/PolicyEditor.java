package gov.exports.portal.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.PortalConflictException;

/**
 * Senior officers write a new policy version as a draft, review what it would change, and publish it: the
 * version in force then ends the day the new one starts. Published versions are never edited.
 */
@ApplicationScoped
public class PolicyEditor {

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    PolicyService policies;

    @Transactional
    public PolicyVersion createDraft(PolicyForm form) {
        FormErrors errors = new FormErrors();
        PolicyVersion p = new PolicyVersion();
        p.status = PolicyVersion.Status.DRAFT;
        p.code = text(form.code) == null ? null : text(form.code).toUpperCase(Locale.ROOT);
        if (p.code == null || !p.code.matches("^[A-Z0-9][A-Z0-9-]{2,40}$")) {
            errors.add("code", "Enter a code of 3 to 41 capital letters, digits and hyphens, like 2026-07-SAFE-CHIPS");
        } else if (PolicyVersion.count("code", p.code) > 0) {
            errors.add("code", "A policy version with this code already exists: choose another code");
        }
        p.title = required(errors, "title", form.title, "a title", 5, 200);
        p.legalBasis = required(errors, "legalBasis", form.legalBasis, "the legal basis, like a Federal Register number", 3, 200);
        p.summary = text(form.summary);
        if (p.summary != null && p.summary.length() > 4000) {
            errors.add("summary", "The summary must be 4,000 characters or fewer");
        }
        p.effectiveFrom = date(errors, form.effectiveFrom);
        p.destinations = list(form.destinations).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        if (p.destinations.isEmpty() || p.destinations.stream().anyMatch(d -> !d.matches("[A-Z]{2}"))) {
            errors.add("destinations", "Enter the destinations as two-letter country codes separated by commas, like CN, MO");
        }
        p.eligibleArchitectures = list(form.eligibleArchitectures);
        p.eligibleProducts = list(form.eligibleProducts);
        p.excludedArchitectures = list(form.excludedArchitectures);
        p.excludedProducts = list(form.excludedProducts);
        p.tppBelow = positiveInt(errors, "tppBelow", form.tppBelow, "The TPP threshold");
        p.dramBandwidthBelowGbps = positiveInt(errors, "dramBandwidthBelowGbps", form.dramBandwidthBelowGbps, "The DRAM bandwidth threshold");
        BigDecimal share = percent(errors, "revenueSharePercent", form.revenueSharePercent, "The revenue share", true);
        p.revenueShareRate = share;
        p.maxChinaToUsShipmentRatio = percent(errors, "maxShipmentRatioPercent", form.maxShipmentRatioPercent, "The shipment ratio cap", false);
        p.capPerCustomerUsd = money(errors, "capPerCustomerUsd", form.capPerCustomerUsd, "The cap per customer");
        p.capPerVendorUsd = money(errors, "capPerVendorUsd", form.capPerVendorUsd, "The cap per vendor");
        List<String> certs = form.certification == null ? List.of() : form.certification;
        for (String c : certs) {
            if (Certification.fromCode(c).isEmpty()) {
                errors.add("certification", "Choose certifications from the list");
            }
        }
        p.requiredCertifications = List.copyOf(certs);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        p.createdBy = currentUser.username();
        p.persist();
        p.flush();
        audit.record("policy.draft.created", "policy_version", p.id, null, state(p));
        return p;
    }

    @Transactional
    public void discard(long id, int version) {
        PolicyVersion p = draft(id, version);
        Object before = state(p);
        p.delete();
        audit.record("policy.draft.discarded", "policy_version", id, before, null);
    }

    /**
     * Publishes a draft: it comes into force on its effective date and the version in force then ends that
     * day. The database's exclusion constraint guarantees no two published versions overlap.
     */
    @Transactional
    public PolicyVersion publish(long id, int version) {
        PolicyVersion p = draft(id, version);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (p.effectiveFrom.isBefore(today)) {
            throw new PortalConflictException("A policy cannot take effect in the past: this draft starts on " + p.effectiveFrom
                    + ". Discard it and create one that starts today or later.");
        }
        List<PolicyVersion> later = PolicyVersion.list("status = ?1 and effectiveFrom >= ?2", PolicyVersion.Status.PUBLISHED, p.effectiveFrom);
        if (!later.isEmpty()) {
            throw new PortalConflictException("Version " + later.get(0).code + " already starts on " + later.get(0).effectiveFrom
                    + ", on or after this draft's date. Publish drafts in date order.");
        }
        PolicyVersion current = policies.inForceOn(p.effectiveFrom).orElse(null);
        if (current != null) {
            Object before = state(current);
            current.effectiveTo = p.effectiveFrom;
            current.flush();
            audit.record("policy.version.superseded", "policy_version", current.id, before, state(current));
        }
        Object before = state(p);
        p.status = PolicyVersion.Status.PUBLISHED;
        p.publishedAt = OffsetDateTime.now();
        p.publishedBy = currentUser.username();
        p.flush();
        audit.record("policy.version.published", "policy_version", p.id, before, state(p));
        return p;
    }

    public PolicyVersion findDraft(long id) {
        PolicyVersion p = PolicyVersion.findById(id);
        if (p == null || !p.isDraft()) {
            throw new NotFoundException();
        }
        return p;
    }

    private PolicyVersion draft(long id, int version) {
        PolicyVersion p = findDraft(id);
        if (p.version != version) {
            throw new PortalConflictException("Another senior officer changed this draft while you were looking at it. "
                    + "Reload the page to see it as it is now.");
        }
        return p;
    }

    static Object state(PolicyVersion p) {
        return AuditLog.state("code", p.code, "status", p.status, "effectiveFrom", p.effectiveFrom, "effectiveTo", p.effectiveTo,
                "destinations", p.destinations, "eligibleArchitectures", p.eligibleArchitectures, "excludedArchitectures",
                p.excludedArchitectures, "excludedProducts", p.excludedProducts, "tppBelow", p.tppBelow, "dramBandwidthBelowGbps",
                p.dramBandwidthBelowGbps, "revenueShareRate", p.revenueShareRate, "maxChinaToUsShipmentRatio",
                p.maxChinaToUsShipmentRatio, "requiredCertifications", p.requiredCertifications);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String required(FormErrors errors, String field, String value, String what, int min, int max) {
        String v = text(value);
        if (v == null || v.length() < min) {
            errors.add(field, "Enter " + what + " (at least " + min + " characters)");
        } else if (v.length() > max) {
            errors.add(field, "Shorten this to " + max + " characters or fewer");
        }
        return v;
    }

    private static LocalDate date(FormErrors errors, String value) {
        try {
            LocalDate d = LocalDate.parse(text(value) == null ? "" : text(value));
            if (d.isBefore(LocalDate.now(ZoneOffset.UTC))) {
                errors.add("effectiveFrom", "The date it takes effect must be today or later");
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add("effectiveFrom", "Enter the date it takes effect, like 2027-01-15");
            return null;
        }
    }

    private static List<String> list(String value) {
        if (text(value) == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList(value.split(","))) {
            if (!s.isBlank() && !out.contains(s.strip())) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static Integer positiveInt(FormErrors errors, String field, String value, String what) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.replace(",", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(field, what + " must be a whole number above 0, or empty for no threshold");
            return null;
        }
    }

    private static BigDecimal percent(FormErrors errors, String field, String value, String what, boolean required) {
        String v = text(value);
        if (v == null) {
            if (required) {
                errors.add(field, what + " is required: enter a percentage between 0 and 100, like 25");
            }
            return null;
        }
        try {
            BigDecimal pct = new BigDecimal(v.replace("%", "").strip());
            if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0 || pct.scale() > 2) {
                throw new NumberFormatException();
            }
            return pct.movePointLeft(2).setScale(4, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(field, what + " must be a percentage between 0 and 100 with at most 2 decimals, like 25");
            return null;
        }
    }

    private static BigDecimal money(FormErrors errors, String field, String value, String what) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal m = new BigDecimal(v.replace(",", "").replace("$", "").strip());
            if (m.signum() <= 0 || m.scale() > 2) {
                throw new NumberFormatException();
            }
            return m;
        } catch (NumberFormatException e) {
            errors.add(field, what + " must be an amount in US dollars above 0, like 50000000.00, or empty for no cap");
            return null;
        }
    }
}
