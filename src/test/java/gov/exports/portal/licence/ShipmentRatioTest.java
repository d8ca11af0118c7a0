package gov.exports.portal.licence;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The China/US shipment ratio page: China units from the ledger (corrections count once), US units declared by the vendor
 * (corrections are new entries), the policy's 50% cap, flags; vendors see only their own, officials everyone.
 */
@QuarkusTest
class ShipmentRatioTest {

    static final String PAGE = "/licences/shipment-ratio";

    @Inject
    LicenceFixtures fixtures;

    @Inject
    EntityManager em;

    /** A licence whose only line is a product of its own, so other tests' shipments do not count here. */
    Licence licenceForOwnProduct(String org, String model) {
        Licence l = fixtures.issued(org, 100, "3000000.00");
        QuarkusTransaction.requiringNew().run(() -> {
            long product = ((Number) em.createNativeQuery("""
                    INSERT INTO product (maker, model, architecture, eccn, tpp, dram_bandwidth_gbps)
                    VALUES ('NVIDIA', :model, 'Hopper', '3A090.a', 15000, 4800) RETURNING id""").setParameter("model", model)
                    .getSingleResult()).longValue();
            em.createNativeQuery("UPDATE licence_line SET product_id = :p WHERE licence_id = :l").setParameter("p", product)
                    .setParameter("l", l.id).executeUpdate();
        });
        return l;
    }

    long productId(String model) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT id FROM product WHERE model = :m")
                .setParameter("m", model).getSingleResult()).longValue());
    }

    /** The table row of the ratio page for this product (cells without tags). */
    static String row(String page, String model) {
        Matcher m = Pattern.compile("<tr><th scope=\"row\">[^<]*</th>(?:(?!</tr>).)*" + Pattern.quote(model) + "(?:(?!</tr>).)*</tr>",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "a row for " + model + " in " + page);
        return m.group().replaceAll("<[^>]+>", "|").replaceAll("\\|+", "|");
    }

    static Response declare(PortalSession s, long productId, String quarter, String quantity, String reason) {
        return FormPost.post(s, PAGE + "/us-shipments", "productId", String.valueOf(productId), "quarter", quarter, "quantity", quantity,
                "attestation", "From our ERP, checked by the compliance lead.", "reason", reason == null ? "" : reason);
    }

    @Test
    void theRatioFollowsShipmentsAndDeclarationsAgainstTheFiftyPercentCap() {
        String model = "Ratio Test " + System.nanoTime();
        Licence l = licenceForOwnProduct("nvidia", model);
        long product = productId(model);
        long lineId = QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> find("licenceId", l.id).firstResult().id);
        String quarter = RevenueShare.Quarter.of(LocalDate.now(ZoneOffset.UTC)).toString();
        PortalSession vendor = PortalSession.of("nvidia-vendor");

        ShipmentTest.report(vendor, l.id, lineId, "30", "900000.00", ShipmentTest.PDF).then().statusCode(303);
        String r = row(vendor.given().get(PAGE).then().statusCode(200).extract().asString(), model);
        assertTrue(r.contains("|30|not declared|—|50%|0|Over the cap: no US shipments declared|"), r);

        declare(vendor, product, quarter, "60", null).then().statusCode(303);
        r = row(vendor.given().get(PAGE + "?notice=declared").then().statusCode(200).extract().asString(), model);
        assertTrue(r.contains("|30|60|50.0%|50%|0|Near the cap|"), "exactly at the cap is allowed, and near it: " + r);

        // a correction of the shipment counts once: 20 units instead of 30
        long shipment = QuarkusTransaction.requiringNew().call(() -> Shipment.<Shipment> find("licenceId", l.id).firstResult().id);
        ShipmentTest.correct(vendor, "/licences/" + l.id + "/shipments/" + shipment + "/correction", "20", "600000.00",
                "The carrier split the consignment.").then().statusCode(303);
        r = row(vendor.given().get(PAGE).then().statusCode(200).extract().asString(), model);
        assertTrue(r.contains("|20|60|33.3%|50%|10|Within the cap|"), r);

        // changing a declared figure needs a reason; the input is kept
        Response refused = declare(vendor, product, quarter, "35", null);
        refused.then().statusCode(400).body(containsString("the reason for the correction (you declared 60 units"));
        assertTrue(refused.asString().contains("name=\"quantity\" type=\"text\" value=\"35\""), "input kept");
        declare(vendor, product, quarter, "35", "Returns from a US customer were counted twice.").then().statusCode(303);
        ShipmentTest.report(vendor, l.id, lineId, "1", "30000.00", ShipmentTest.PDF).then().statusCode(303);
        String page = vendor.given().get(PAGE).then().statusCode(200).extract().asString();
        r = row(page, model);
        assertTrue(r.contains("|21|35|60.0%|50%|0|Over the cap|"), "21 > 0.5 × 35 = 17.5: " + r);
        assertTrue(page.contains("Corrects entry") && page.contains("Returns from a US customer were counted twice."), "history kept");
        // the licence's shipment page warns too (the shipment was recorded: the US figure may come later)
        String ledger = vendor.given().get("/licences/" + l.id + "/shipments").then().statusCode(200).extract().asString();
        assertTrue(ledger.contains(model + ", " + quarter + ": Over the cap."), ledger);

        // audited, append-only
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT count(*) FROM audit_record WHERE action IN ('licence.us-shipments.declared', 'licence.us-shipments.corrected')
                AND after_state->>'product' = :p""").setParameter("p", "NVIDIA " + model).getSingleResult()).longValue());
        assertEquals(2, audited);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE us_shipment_declaration SET quantity = 1000 WHERE product_id = :p").setParameter("p", product).executeUpdate()));

        // officials see every vendor's row, vendors only their own
        String official = PortalSession.of("officer").given().get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(row(official, model).contains("NVIDIA Corporation|NVIDIA " + model + "|21|35|60.0%"), row(official, model));
        PortalSession amd = PortalSession.of("amd-vendor");
        assertFalse(amd.given().get(PAGE).then().statusCode(200).extract().asString().contains(model), "AMD sees nothing of NVIDIA's");
        declare(amd, product, quarter, "1000", null).then().statusCode(400).body(containsString("Choose one of the products on your licences"));
        FormPost.post(PortalSession.of("officer"), PAGE + "/us-shipments", "productId", String.valueOf(product), "quarter", quarter,
                "quantity", "5").then().statusCode(403);
    }

    @Test
    void tenPeopleDeclaringTheSameQuarterAtOnceRecordOneFigure() throws Exception {
        String model = "Ratio Race " + System.nanoTime();
        licenceForOwnProduct("nvidia", model);
        long product = productId(model);
        String quarter = RevenueShare.Quarter.of(LocalDate.now(ZoneOffset.UTC)).toString();
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int units = 100 + i;
            calls.add(() -> declare(vendor, product, quarter, String.valueOf(units), null).statusCode());
        }
        List<Integer> codes = new java.util.ArrayList<>();
        for (var f : pool.invokeAll(calls)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 303).count(), "one first figure: " + codes);
        assertTrue(codes.stream().allMatch(c -> c == 303 || c == 400 || c == 409), "the others are told (reason needed, or a race): " + codes);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> UsShipmentDeclaration.count("productId", product)));
    }

    @Test
    void badInputIsRefusedNextToTheFieldAndNothingIsWritten() {
        String model = "Ratio Input " + System.nanoTime();
        licenceForOwnProduct("nvidia", model);
        long product = productId(model);
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        declare(vendor, product, "2026-Q5", "-3", null).then().statusCode(400)
                .body(containsString("Choose a calendar quarter from the list")).body(containsString("id=\"quantity-error\""));
        String future = RevenueShare.Quarter.of(LocalDate.now(ZoneOffset.UTC).plusMonths(3)).toString();
        declare(vendor, product, future, "10", null).then().statusCode(400).body(containsString("Choose a calendar quarter from the list"));
        long written = QuarkusTransaction.requiringNew().call(() -> UsShipmentDeclaration.count("productId", product));
        assertEquals(0, written);
    }
}
