package gov.exports.portal.audit;

import static gov.exports.portal.audit.AuditCoverageApplications.PDF;
import static gov.exports.portal.audit.AuditCoverageApplications.seeOther;
import static gov.exports.portal.audit.AuditCoverageApplications.version;
import static gov.exports.portal.audit.AuditProbe.Change.CREATE;
import static gov.exports.portal.audit.AuditProbe.Change.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import gov.exports.portal.licence.Licence;
import gov.exports.portal.licence.LicenceFixtures;
import gov.exports.portal.licence.RevenueShare;
import gov.exports.portal.support.PortalSession;

/** After the licence: shipments and their correction, an amendment, suspension, the US shipment figures, a payment. */
final class AuditCoverageAftercare {

    private final AuditProbe probe;
    private final LicenceFixtures licences;

    AuditCoverageAftercare(AuditProbe probe, LicenceFixtures licences) {
        this.probe = probe;
        this.licences = licences;
    }

    static Map<String, String> shipment(long lineId, LocalDate shippedOn, int quantity, String value, String reference) {
        return Map.of("lineId", String.valueOf(lineId), "shippedOn", shippedOn.toString(), "quantity", String.valueOf(quantity), "value",
                value, "consignee", "Shanghai Example Computing Co., Ltd.", "carrierReference", reference);
    }

    @SuppressWarnings("unchecked")
    static Object remaining(AuditProbe.Audit a, boolean before, String key) {
        return ((Map<String, Object>) (before ? a.before("balance") : a.after("balance"))).get(key);
    }

    void run() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        PortalSession officer = PortalSession.of("officer");
        PortalSession senior = PortalSession.of("senior");
        PortalSession senior2 = PortalSession.of("senior2");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Licence l = licences.issued("nvidia", 10, "300000.00");
        String base = "/licences/" + l.id;
        long line = probe.number("SELECT id FROM licence_line WHERE licence_id = ?", l.id);

        var reported = probe.perform("POST /licences/{id}/shipments", vendor, "licence", UPDATE, () -> {
            seeOther(vendor.postMultipart(base + "/shipments", shipment(line, today, 4, "120000.00", "AWB 176-11111111"),
                    Map.of("certificate", Map.entry("lab-certificate.pdf", PDF))), "report a shipment");
            return l.id;
        }).before("status", "ACTIVE").after("quantity", 4).after("status", "ACTIVE");
        assertEquals(10, remaining(reported, true, "remainingQuantity"), "balance before");
        assertEquals(6, remaining(reported, false, "remainingQuantity"), "balance after");
        long shipment = probe.number("SELECT max(id) FROM shipment WHERE licence_id = ?", l.id);
        assertEquals(String.valueOf(shipment), String.valueOf(reported.after("shipment")));

        var corrected = probe.perform("POST /licences/{id}/shipments/{shipmentId}/correction", vendor, "licence", UPDATE, () -> {
            seeOther(vendor.postForm(base + "/shipments/" + shipment + "/correction", "shippedOn", today, "quantity", 3, "value",
                    "90000.00", "consignee", "Shanghai Example Computing Co., Ltd.", "carrierReference", "AWB 176-11111111", "reason",
                    "One unit was returned to the dock before loading."), "correct the shipment");
            return l.id;
        }).before("shipment", shipment).before("quantity", 4).after("quantity", 3).after("reason",
                "One unit was returned to the dock before loading.");
        assertEquals(6, remaining(corrected, true, "remainingQuantity"), "balance before the correction");
        assertEquals(7, remaining(corrected, false, "remainingQuantity"), "balance after the correction");

        LocalDate newEnd = l.validTo.plusYears(1);
        probe.perform("POST /licences/{id}/amendments", vendor, "licence", CREATE, () -> {
            seeOther(vendor.postForm(base + "/amendments", "lineId", line, "extraQuantity", 5, "extraValue", "150000.00", "newValidTo",
                    newEnd, "justification", "The customer's second data hall opens next year."), "request an amendment");
            return l.id;
        }).after("extraQuantity", 5).after("newValidTo", newEnd);
        long amendment = probe.number("SELECT id FROM licence_amendment WHERE licence_id = ?", l.id);
        String a = base + "/amendments/" + amendment;
        probe.perform("POST /licences/{id}/amendments/{amendmentId}/recommendation", officer, "licence", UPDATE, () -> {
            seeOther(officer.postForm(a + "/recommendation", "outcome", "APPROVE", "reasons", "Same customer and end use; within the caps.",
                    "version", probe.number("SELECT version FROM licence_amendment WHERE id = ?", amendment)), "recommend the amendment");
            return l.id;
        }).before("status", "REQUESTED").after("status", "RECOMMENDED").after("amendment", amendment);
        var amended = probe.perform("POST /licences/{id}/amendments/{amendmentId}/countersignature", senior2, "licence", UPDATE, () -> {
            seeOther(senior2.postForm(a + "/countersignature", "decision", "agree", "version",
                    probe.number("SELECT version FROM licence_amendment WHERE id = ?", amendment)), "countersign the amendment");
            return l.id;
        });
        assertEquals("licence.amended", amended.action());
        amended.before("Valid to", l.validTo).after("Valid to", newEnd).before("amendment", amendment).after("amendment", amendment)
                .after("status", "APPROVED");
        // a second request, recommended for refusal and refused: the licence stays as it is, the record is about the amendment
        seeOther(vendor.postForm(base + "/amendments", "newValidTo", newEnd.plusYears(1), "justification",
                "The customer wants a longer window again."), "request a second amendment");
        long refusedId = probe.number("SELECT max(id) FROM licence_amendment WHERE licence_id = ?", l.id);
        String r = base + "/amendments/" + refusedId;
        seeOther(officer.postForm(r + "/recommendation", "outcome", "REFUSE", "reasons", "Five years is longer than the policy allows.",
                "version", probe.number("SELECT version FROM licence_amendment WHERE id = ?", refusedId)), "recommend refusal");
        var refused = probe.perform("POST /licences/{id}/amendments/{amendmentId}/countersignature", senior2, "licence", UPDATE, () -> {
            seeOther(senior2.postForm(r + "/countersignature", "decision", "agree", "version",
                    probe.number("SELECT version FROM licence_amendment WHERE id = ?", refusedId)), "countersign the refusal");
            return l.id;
        }).before("amendment", refusedId).before("status", "RECOMMENDED").after("amendment", refusedId).after("status", "REFUSED");
        assertEquals("licence.amendment.refused", refused.action());

        var suspended = probe.perform("POST /licences/{id}/status", senior, "licence", UPDATE, () -> {
            seeOther(senior.postForm(base + "/status", "version", version(senior, base + "/status"), "action", "SUSPEND", "reason",
                    "End-use check pending."), "suspend");
            return l.id;
        }).before("status", "ACTIVE").after("status", "SUSPENDED").after("reason", "End-use check pending.");
        assertEquals("licence.suspended", suspended.action());
        var reinstated = probe.perform("POST /licences/{id}/status", senior, "licence", UPDATE, () -> {
            seeOther(senior.postForm(base + "/status", "version", version(senior, base + "/status"), "action", "REINSTATE", "reason",
                    "End-use check passed."), "reinstate");
            return l.id;
        }).before("status", "SUSPENDED").after("status", "ACTIVE");
        assertEquals("licence.reinstated", reinstated.action());

        // the China/US ratio: a first figure for a quarter (unless one was declared earlier in this run), then a correction
        long nvidia = probe.number("SELECT id FROM organisation WHERE slug = 'nvidia'");
        long h200 = probe.number("SELECT id FROM product WHERE model = 'H200' ORDER BY id LIMIT 1");
        // nine quarters back: still declarable, and not one of the quarters the demo data declares (AftercareDemoDataTest
        // loads it later into this same database and would collide with a figure declared here)
        RevenueShare.Quarter quarter = RevenueShare.Quarter.of(today.minusMonths(27));
        boolean declaredBefore = probe.number("SELECT count(*) FROM us_shipment_declaration WHERE organisation_id = ? AND product_id = ? "
                + "AND year = ? AND quarter = ?", nvidia, h200, quarter.year(), quarter.quarter()) > 0;
        probe.perform("POST /licences/shipment-ratio/us-shipments", vendor, "organisation", declaredBefore ? UPDATE : CREATE, () -> {
            seeOther(vendor.postForm("/licences/shipment-ratio/us-shipments", "productId", h200, "quarter", quarter, "quantity", 900,
                    "attestation", "From our ERP, checked by the compliance lead.", "reason", declaredBefore ? "Figure updated." : ""),
                    "declare US shipments");
            return nvidia;
        }).after("quantity", 900).after("quarter", quarter);
        var correction = probe.perform("POST /licences/shipment-ratio/us-shipments", vendor, "organisation", UPDATE, () -> {
            seeOther(vendor.postForm("/licences/shipment-ratio/us-shipments", "productId", h200, "quarter", quarter, "quantity", 950,
                    "attestation", "From our ERP, checked by the compliance lead.", "reason", "Late invoices of the quarter added."),
                    "correct US shipments");
            return nvidia;
        }).before("quantity", 900).after("quantity", 950);
        assertEquals("licence.us-shipments.corrected", correction.action());

        // a closed quarter's revenue share, paid
        PortalSession amdVendor = PortalSession.of("amd-vendor");
        Licence amd = licences.issued("amd", 10, "1000000.00", today.minusYears(2), today.plusYears(1));
        RevenueShare.Quarter past = RevenueShare.Quarter.of(today.minusDays(300));
        long amdLine = probe.number("SELECT id FROM licence_line WHERE licence_id = ?", amd.id);
        seeOther(amdVendor.postMultipart("/licences/" + amd.id + "/shipments", shipment(amdLine, past.firstDay().plusDays(3), 1, "1000.00",
                "AWB 176-22222222"), Map.of("certificate", Map.entry("lab-certificate.pdf", PDF))), "AMD's shipment in a closed quarter");
        long amdOrg = probe.number("SELECT id FROM organisation WHERE slug = 'amd'");
        probe.perform("POST /revenue/statements/{organisationId}/{quarter}/payment", officer, "organisation", UPDATE, () -> {
            seeOther(officer.postForm("/revenue/statements/" + amdOrg + "/" + past + "/payment", "paymentReference", "TREAS-AUDIT-0001"),
                    "record the payment");
            return amdOrg;
        }).before("paid", false).after("paid", true).after("paymentReference", "TREAS-AUDIT-0001").after("quarter", past);
    }
}
