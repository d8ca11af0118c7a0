package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/**
 * The shipment ledger. Every write locks the licence row (SELECT ... FOR UPDATE) before reading balances, so concurrent
 * reports on one licence queue up; the CHECK on licence_line.remaining_* is the database's last word on overdrawing.
 */
@ApplicationScoped
public class ShipmentService {

    static final int MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;

    @Inject
    CurrentUser currentUser;

    @Inject
    LicenceService licences;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** What the vendor reports; the certificate is the third-party US laboratory's test certificate (PDF). */
    public record ShipmentForm(String lineId, String shippedOn, String quantity, String value, String consignee,
            String carrierReference, String reason) {

        public static ShipmentForm empty() {
            return new ShipmentForm(null, null, null, null, null, null, null);
        }
    }

    public record Certificate(String fileName, byte[] content) {
    }

    /** Only the licensee's own staff report shipments (officials read them). */
    Licence lockedForVendor(long licenceId) {
        var org = currentUser.organisation();
        Licence l = org == null ? null : Licence.findById(licenceId, LockModeType.PESSIMISTIC_WRITE);
        if (l == null || !org.id.equals(l.organisation.id)) {
            throw new NotFoundException();
        }
        return l;
    }

    @Transactional
    public Shipment report(long licenceId, ShipmentForm form, Certificate certificate) {
        Licence licence = lockedForVendor(licenceId);
        refuseUnlessShippable(licence);
        FormErrors errors = new FormErrors();
        Parsed p = parse(licence, form, errors, true);
        byte[] pdf = certificate(errors, certificate);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        Object balanceBefore = balance(p.line);
        refuseOverdraw(p, errors);
        Shipment s = entry(licence, p, Shipment.Kind.REPORT, null, null, certificate.fileName(), pdf, p.quantity, p.value);
        BalanceChange change = settle(licence);
        audit.record("licence.shipment.reported", "licence", licence.id, AuditLog.state("status", change.before(), "balance",
                balanceBefore), AuditLog.state("shipment", s.id, "line", p.line.id, "shippedOn", p.shippedOn, "quantity", p.quantity,
                "valueUsd", p.value, "consignee", p.consignee, "carrierReference", p.carrier, "status", licence.status.name(), "balance",
                balance(p.line)));
        return s;
    }

    /** A correction: the original entry is reversed (its amounts restored) and a replacement entry booked. */
    @Transactional
    public Shipment correct(long licenceId, long shipmentId, ShipmentForm form) {
        Licence licence = lockedForVendor(licenceId);
        if (licence.status != LicenceStatus.ACTIVE && licence.status != LicenceStatus.EXHAUSTED) {
            throw new PortalConflictException("Licence " + licence.number + " is " + licence.status.name().toLowerCase()
                    + ": its shipment records can no longer be corrected. Contact the licensing office.");
        }
        List<Shipment> ledger = Shipment.ofLicence(licence.id);
        Shipment original = ledger.stream().filter(s -> s.id.equals(shipmentId)).findFirst().orElseThrow(NotFoundException::new);
        if (!original.isCorrectable(ledger)) {
            throw new PortalConflictException("Entry " + original.id + " has already been corrected or is itself a reversal; correct its replacement instead.");
        }
        FormErrors errors = new FormErrors();
        Parsed p = parse(licence, form, errors, false);
        String reason = Forms.required(errors, "reason", form.reason(), "the reason for the correction", 5, 1000);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        LicenceLine originalLine = LicenceLine.findById(original.licenceLineId);
        Object balanceBefore = balance(originalLine);
        originalLine.remainingQuantity += original.quantity;
        originalLine.remainingValueUsd = originalLine.remainingValueUsd.add(original.valueUsd);
        Parsed replacement = new Parsed(originalLine, p.shippedOn, p.quantity, p.value, p.consignee, p.carrier);
        refuseOverdraw(replacement, errors);
        Shipment reversal = entry(licence, new Parsed(originalLine, original.shippedOn, 0, null, original.consignee,
                original.carrierReference), Shipment.Kind.REVERSAL, original.id, reason, original.certificateName, original.certificate,
                -original.quantity, original.valueUsd.negate());
        Shipment s = entry(licence, replacement, Shipment.Kind.REPLACEMENT, original.id, reason, original.certificateName,
                original.certificate, p.quantity, p.value);
        settle(licence);
        audit.record("licence.shipment.corrected", "licence", licence.id,
                AuditLog.state("shipment", original.id, "shippedOn", original.shippedOn, "quantity", original.quantity, "valueUsd",
                        original.valueUsd, "consignee", original.consignee, "carrierReference", original.carrierReference, "balance",
                        balanceBefore),
                AuditLog.state("reversal", reversal.id, "replacement", s.id, "shippedOn", p.shippedOn, "quantity", p.quantity,
                        "valueUsd", p.value, "consignee", p.consignee, "carrierReference", p.carrier, "reason", reason, "status",
                        licence.status.name(), "balance", balance(originalLine)));
        return s;
    }

    static void refuseUnlessShippable(Licence licence) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (licence.status == LicenceStatus.EXHAUSTED) {
            throw new PortalConflictException("Licence " + licence.number + " is exhausted: everything it authorises has been shipped.");
        }
        if (licence.status != LicenceStatus.ACTIVE) {
            throw new PortalConflictException("Licence " + licence.number + " is " + licence.status.name().toLowerCase()
                    + ": no shipment may be made under it.");
        }
        if (today.isAfter(licence.validTo)) {
            throw new PortalConflictException("Licence " + licence.number + " expired on " + licence.validTo + ": no shipment may be made under it.");
        }
    }

    record Parsed(LicenceLine line, LocalDate shippedOn, int quantity, BigDecimal value, String consignee, String carrier) {
    }

    private Parsed parse(Licence licence, ShipmentForm form, FormErrors errors, boolean pickLine) {
        LicenceLine line = null;
        if (pickLine) {
            Long lineId = Forms.id(form.lineId());
            line = lineId == null ? null : LicenceLine.<LicenceLine> find("id = ?1 and licenceId = ?2", lineId, licence.id).firstResult();
            if (line == null) {
                errors.add("lineId", "Choose the product line you shipped");
            }
        }
        LocalDate shippedOn = Forms.date(errors, "shippedOn", form.shippedOn(), "the shipment date", true);
        if (shippedOn != null && (shippedOn.isBefore(licence.validFrom) || shippedOn.isAfter(licence.validTo))) {
            errors.add("shippedOn", "The shipment date must be within the licence's validity, " + licence.validFrom + " to " + licence.validTo);
        } else if (shippedOn != null && shippedOn.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            errors.add("shippedOn", "Report a shipment once it has left: the date cannot be in the future");
        }
        Integer quantity = Forms.integer(errors, "quantity", form.quantity(), "the quantity shipped", 1, 10_000_000, true);
        BigDecimal value = Forms.usd(errors, "value", form.value(), "the invoice value", true);
        String consignee = Forms.required(errors, "consignee", form.consignee(), "the consignee", 2, 300);
        String carrier = Forms.required(errors, "carrierReference", form.carrierReference(), "the carrier reference", 2, 100);
        return new Parsed(line, shippedOn, quantity == null ? 0 : quantity, value, consignee, carrier);
    }

    private static byte[] certificate(FormErrors errors, Certificate c) {
        if (c == null || c.content() == null || c.content().length == 0) {
            errors.add("certificate", "Attach the third-party laboratory's test certificate (PDF)");
            return null;
        }
        if (c.content().length > MAX_CERTIFICATE_BYTES) {
            errors.add("certificate", "The test certificate must be at most 10 MB");
            return null;
        }
        if (!gov.exports.portal.web.PdfFiles.isPdf(c.content())) {
            errors.add("certificate", "The test certificate must be a PDF file");
            return null;
        }
        return c.content();
    }

    private static void refuseOverdraw(Parsed p, FormErrors errors) {
        LicenceLine line = p.line;
        if (p.quantity > line.remainingQuantity) {
            errors.add("quantity", "Only " + line.remainingQuantity + " units remain on " + line.description + "; this shipment of "
                    + p.quantity + " would overdraw the licence");
        }
        if (p.value.compareTo(line.remainingValueUsd) > 0) {
            errors.add("value", "Only $" + line.remainingValueUsd.toPlainString() + " remains on " + line.description
                    + "; this invoice value of $" + p.value.toPlainString() + " would overdraw the licence");
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        line.remainingQuantity -= p.quantity;
        line.remainingValueUsd = line.remainingValueUsd.subtract(p.value);
    }

    private Shipment entry(Licence licence, Parsed p, Shipment.Kind kind, Long corrects, String reason, String certificateName,
            byte[] certificate, int quantity, BigDecimal value) {
        Shipment s = new Shipment();
        s.licenceId = licence.id;
        s.licenceLineId = p.line.id;
        s.kind = kind;
        s.correctsId = corrects;
        s.shippedOn = p.shippedOn;
        s.quantity = quantity;
        s.valueUsd = value;
        s.consignee = p.consignee;
        s.carrierReference = p.carrier;
        s.certificateName = certificateName;
        s.certificate = certificate;
        s.reason = reason;
        s.reportedBySubject = currentUser.subject();
        s.reportedByName = currentUser.displayName();
        s.persist();
        return s;
    }

    /** The licence's status before a shipment entry settled it. */
    record BalanceChange(String before) {
    }

    /** What remains on a licence line, for the audit record's before and after. */
    static java.util.Map<String, Object> balance(LicenceLine line) {
        return AuditLog.state("line", line.id, "remainingQuantity", line.remainingQuantity, "remainingValueUsd", line.remainingValueUsd);
    }

    /** EXHAUSTED when no line has anything left; back to ACTIVE when a correction frees some balance. */
    private BalanceChange settle(Licence licence) {
        em.flush(); // the CHECK constraint speaks here, inside the lock
        String before = licence.status.name();
        boolean usedUp = licence.getLines().stream().allMatch(LicenceLine::isUsedUp);
        if (usedUp && licence.status == LicenceStatus.ACTIVE) {
            licence.status = LicenceStatus.EXHAUSTED;
        } else if (!usedUp && licence.status == LicenceStatus.EXHAUSTED && !LocalDate.now(ZoneOffset.UTC).isAfter(licence.validTo)) {
            licence.status = LicenceStatus.ACTIVE;
        }
        em.flush();
        return new BalanceChange(before);
    }

    /** The certificate of an entry the caller may see. */
    public Shipment certificateOf(long licenceId, long shipmentId) {
        licences.visible(licenceId);
        return Shipment.<Shipment> find("id = ?1 and licenceId = ?2", shipmentId, licenceId).firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }
}
