package gov.exports.portal.licence;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Shipments against a licence: balances, overdraw refused (also under 50 concurrent reports), corrections, exhaustion. */
@QuarkusTest
class ShipmentTest {

    static final byte[] PDF = "%PDF-1.4\n% lab certificate\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    LicenceFixtures fixtures;

    @Inject
    EntityManager em;

    static Response report(PortalSession s, long licenceId, long lineId, String qty, String value, byte[] certificate) {
        return report(s, licenceId, lineId, LocalDate.now(), qty, value, certificate);
    }

    static Response report(PortalSession s, long licenceId, long lineId, LocalDate shippedOn, String qty, String value, byte[] certificate) {
        var r = s.given().multiPart("csrf-token", s.csrfToken()).multiPart("lineId", String.valueOf(lineId))
                .multiPart("shippedOn", shippedOn.toString()).multiPart("quantity", qty).multiPart("value", value)
                .multiPart("consignee", "Shanghai Example Computing Co., Ltd.").multiPart("carrierReference", "AWB 176-12345675");
        if (certificate != null) {
            r = r.multiPart("certificate", "lab-certificate.pdf", certificate, "application/pdf");
        }
        return r.post("/licences/" + licenceId + "/shipments");
    }

    static Response correct(PortalSession s, String path, String qty, String value, String reason) {
        return s.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken())
                .formParam("shippedOn", LocalDate.now().toString()).formParam("quantity", qty).formParam("value", value)
                .formParam("consignee", "Shanghai Example Computing Co., Ltd.").formParam("carrierReference", "AWB 176-99999999")
                .formParam("reason", reason).post(path);
    }

    LicenceLine line(long licenceId) {
        return QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> find("licenceId", licenceId).firstResult());
    }

    LicenceStatus status(long licenceId) {
        return QuarkusTransaction.requiringNew().call(() -> Licence.<Licence> findById(licenceId).status);
    }

    @Test
    void aShipmentLowersTheBalanceAndAnOverdrawIsRefusedWithAClearMessage() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        Licence l = fixtures.issued("nvidia", 10, "300000.00");
        long lineId = line(l.id).id;
        report(vendor, l.id, lineId, "4", "120000.00", PDF).then().statusCode(303);
        assertEquals(6, line(l.id).remainingQuantity);
        assertEquals(new BigDecimal("180000.00"), line(l.id).remainingValueUsd);

        report(vendor, l.id, lineId, "7", "1000.00", PDF).then().statusCode(400)
                .body(containsString("Only 6 units remain")).body(containsString("would overdraw the licence"));
        report(vendor, l.id, lineId, "1", "180000.01", PDF).then().statusCode(400).body(containsString("Only $180000.00 remains"));
        report(vendor, l.id, lineId, "1", "1000.00", null).then().statusCode(400).body(containsString("test certificate"));
        report(vendor, l.id, lineId, "1", "1000.00", "not a pdf".getBytes()).then().statusCode(400).body(containsString("must be a PDF"));
        assertEquals(6, line(l.id).remainingQuantity, "nothing written by refused reports");

        // another organisation sees nothing and cannot report
        report(PortalSession.of("amd-vendor"), l.id, lineId, "1", "1000.00", PDF).then().statusCode(404);
        // officials read the ledger and certificate but do not report
        PortalSession officer = PortalSession.of("officer");
        String page = officer.given().get("/licences/" + l.id + "/shipments").then().statusCode(200).extract().asString();
        assertTrue(page.contains("AWB 176-12345675") && !page.contains("Report the shipment"), page);
        long shipmentId = QuarkusTransaction.requiringNew().call(() -> Shipment.<Shipment> find("licenceId", l.id).firstResult().id);
        byte[] cert = officer.given().get("/licences/" + l.id + "/shipments/" + shipmentId + "/certificate").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals(new String(PDF, StandardCharsets.ISO_8859_1), new String(cert, StandardCharsets.ISO_8859_1));
        report(officer, l.id, lineId, "1", "1000.00", PDF).then().statusCode(403);

        // the database refuses an overdraw whatever the code does
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE licence_line SET remaining_quantity = -1 WHERE licence_id = :id").setParameter("id", l.id)
                .executeUpdate()));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("licence_line_remaining_never_overdrawn"), root.getMessage());
    }

    @Test
    void fiftyConcurrentReportsNeverOverdrawAndTheLicenceIsThenExhausted() throws Exception {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        Licence l = fixtures.issued("nvidia", 20, "2000000.00");
        long lineId = line(l.id).id;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> report(vendor, l.id, lineId, "1", "100000.00", PDF).statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(20, codes.stream().filter(c -> c == 303).count(), codes.toString());
        assertEquals(30, codes.stream().filter(c -> c == 400 || c == 409).count(), codes.toString());
        assertEquals(0, line(l.id).remainingQuantity);
        long shipped = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT coalesce(sum(quantity), 0) FROM shipment WHERE licence_id = :id").setParameter("id", l.id).getSingleResult()).longValue());
        assertEquals(20, shipped);
        assertEquals(LicenceStatus.EXHAUSTED, status(l.id));
        report(vendor, l.id, lineId, "1", "1.00", PDF).then().statusCode(409).body(containsString("exhausted"));
    }

    @Test
    void aCorrectionIsAReversalAndAReplacementAndCanReopenAnExhaustedLicence() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        Licence l = fixtures.issued("nvidia", 5, "500000.00");
        long lineId = line(l.id).id;
        report(vendor, l.id, lineId, "5", "500000.00", PDF).then().statusCode(303);
        assertEquals(LicenceStatus.EXHAUSTED, status(l.id));
        long original = QuarkusTransaction.requiringNew().call(() -> Shipment.<Shipment> find("licenceId", l.id).firstResult().id);
        String path = "/licences/" + l.id + "/shipments/" + original + "/correction";
        vendor.given().get(path).then().statusCode(200).body(containsString("reversed"));
        correct(vendor, path, "3", "300000.00", "").then().statusCode(400).body(containsString("reason for the correction"));
        correct(vendor, path, "3", "300000.00", "Two units were returned to the dock before loading.").then().statusCode(303);

        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT kind, quantity, value_usd, corrects_id FROM shipment WHERE licence_id = :id ORDER BY id").setParameter("id", l.id)
                .getResultList());
        assertEquals(3, rows.size());
        assertEquals("REPORT", rows.get(0)[0]);
        assertEquals(5, ((Number) rows.get(0)[1]).intValue(), "the original entry is never edited");
        assertEquals("REVERSAL", rows.get(1)[0]);
        assertEquals(-5, ((Number) rows.get(1)[1]).intValue());
        assertEquals("REPLACEMENT", rows.get(2)[0]);
        assertEquals(3, ((Number) rows.get(2)[1]).intValue());
        assertEquals(2, line(l.id).remainingQuantity);
        assertEquals(new BigDecimal("200000.00"), line(l.id).remainingValueUsd);
        assertEquals(LicenceStatus.ACTIVE, status(l.id), "balance freed: active again");
        // the reversed entry cannot be corrected twice
        correct(vendor, path, "1", "1.00", "Second try at the same entry").then().statusCode(409);
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE action = 'licence.shipment.corrected' AND target_id = :id")
                .setParameter("id", String.valueOf(l.id)).getSingleResult()).longValue());
        assertEquals(1, audited);
    }

    @Test
    void noShipmentAfterExpiryOrSuspension() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        LocalDate today = LocalDate.now();
        Licence expired = fixtures.issued("nvidia", 5, "500000.00", today.minusYears(2), today.minusDays(1));
        report(vendor, expired.id, line(expired.id).id, "1", "1000.00", PDF).then().statusCode(409).body(containsString("expired"));
        Licence suspended = fixtures.issued("nvidia", 5, "500000.00");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE licence SET status = 'SUSPENDED' WHERE id = :id")
                .setParameter("id", suspended.id).executeUpdate());
        report(vendor, suspended.id, line(suspended.id).id, "1", "1000.00", PDF).then().statusCode(409).body(containsString("suspended"));
        assertEquals(5, line(suspended.id).remainingQuantity);
    }
}
