package gov.exports.portal.licence;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.account.Organisation;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Statements per vendor and quarter from reported shipments; payments recorded by officials; overdue flags; CSV. */
@QuarkusTest
class RevenueStatementTest {

    @Inject
    LicenceFixtures fixtures;

    @Test
    void aClosedQuarterIsOwedPerLicenceRoundedAndOfficialsRecordThePayment() {
        LocalDate today = LocalDate.now();
        RevenueShare.Quarter past = RevenueShare.Quarter.of(today.minusDays(200));
        LocalDate shipped = past.firstDay().plusDays(3);
        PortalSession vendor = PortalSession.of("intel-vendor");
        Licence a = fixtures.issued("intel", 10, "1000000.00", today.minusYears(2), today.plusYears(1));
        Licence b = fixtures.issued("intel", 10, "1000000.00", today.minusYears(2), today.plusYears(1));
        for (Licence l : new Licence[] { a, b }) {
            long line = QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> find("licenceId", l.id).firstResult().id);
            ShipmentTest.report(vendor, l.id, line, shipped, "1", "100.02", ShipmentTest.PDF).then().statusCode(303);
        }
        long intel = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("intel").orElseThrow().id);
        String path = "/revenue/statements/" + intel + "/" + past;

        // 2 × round(100.02 × 25%) = 2 × 25.00 (not round(200.04 × 25%) = 50.01): the rule applies per licence
        String page = vendor.given().get(path).then().statusCode(200).extract().asString();
        assertTrue(page.contains("$200.04") && page.contains("$50.00") && !page.contains("$50.01"), page);
        assertTrue(page.contains("Overdue"), "due 30 days after the quarter, long past");
        assertTrue(!page.contains("Record the payment"), "vendors do not record payments");
        vendor.given().get("/revenue").then().statusCode(200).body(containsString(past.toString())).body(containsString("Overdue"));
        PortalSession.of("nvidia-vendor").given().get(path).then().statusCode(404);

        PortalSession officer = PortalSession.of("officer");
        officer.given().get("/revenue").then().statusCode(200).body(containsString("Revenue share owed by quarter"))
                .body(containsString("<svg")).body(containsString("Intel Corporation"));
        String csv = officer.given().get("/revenue/export.csv").then().statusCode(200).contentType(containsString("text/csv")).extract()
                .asString();
        assertTrue(csv.contains("\"" + a.number + "\",0.2500,100.02,25.00"), csv);

        var form = officer.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", officer.csrfToken());
        form.formParam("paymentReference", "").post(path + "/payment").then().statusCode(400).body(containsString("payment reference"));
        officer.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", officer.csrfToken())
                .formParam("paymentReference", "TREAS-2026-0042").post(path + "/payment").then().statusCode(303);
        String paid = officer.given().get(path).then().statusCode(200).extract().asString();
        assertTrue(paid.contains("TREAS-2026-0042") && !paid.contains("Overdue") && paid.contains("Paid"), paid);
        officer.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", officer.csrfToken())
                .formParam("paymentReference", "TREAS-2026-0043").post(path + "/payment").then().statusCode(409)
                .body(containsString("already marked paid"));
        // the current quarter cannot be settled before it ends
        long line = QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> find("licenceId", a.id).firstResult().id);
        ShipmentTest.report(vendor, a.id, line, today, "1", "10.00", ShipmentTest.PDF).then().statusCode(303);
        officer.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", officer.csrfToken())
                .formParam("paymentReference", "TREAS-EARLY").post("/revenue/statements/" + intel + "/" + RevenueShare.Quarter.of(today)
                        + "/payment").then().statusCode(409).body(containsString("has not ended"));
    }
}
