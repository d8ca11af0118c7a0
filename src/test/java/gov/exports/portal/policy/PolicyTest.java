package gov.exports.portal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The versioned policy as data: which version is in force when, and the pre-check it drives. */
@QuarkusTest
class PolicyTest {

    static final Set<String> ALL_CERTS = Set.of("REVENUE_SHARE", "NO_REEXPORT", "NO_MILITARY_END_USE", "KYC_REMOTE_ACCESS",
            "US_THIRD_PARTY_TESTING", "SUFFICIENT_US_SUPPLY", "SHIPMENT_RATIO");

    @Inject
    PolicyService policies;

    @Inject
    PolicyCheck check;

    @Inject
    EntityManager em;

    PolicyVersion january() {
        return QuarkusTransaction.requiringNew().call(() -> policies.inForceOn(LocalDate.of(2026, 1, 15)).orElseThrow());
    }

    static PolicyCheck.Line line(long id, String model, String architecture, int tpp, int bandwidth) {
        return new PolicyCheck.Line(id, "Maker", model, architecture, tpp, bandwidth, new BigDecimal("1000.00"));
    }

    static PolicyCheck.Party consignee(String status) {
        return new PolicyCheck.Party("ULTIMATE_CONSIGNEE", "Example Co.", "CN", 1L, status, null);
    }

    @Test
    void theJanuary2026RuleIsInForceFromTheFifteenthOnly() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(policies.inForceOn(LocalDate.of(2026, 1, 14)).isEmpty());
            PolicyVersion v = policies.inForceOn(LocalDate.of(2026, 1, 15)).orElseThrow();
            assertEquals("2026-01-H200", v.code);
            assertEquals("Federal Register 2026-00789", v.legalBasis);
            assertEquals(21000, v.tppBelow);
            assertEquals(6500, v.dramBandwidthBelowGbps);
            assertEquals(0, new BigDecimal("0.25").compareTo(v.revenueShareRate));
            assertEquals(0, new BigDecimal("0.50").compareTo(v.maxChinaToUsShipmentRatio));
            assertEquals(List.of("CN", "MO"), v.destinations);
            assertEquals(List.of("Blackwell", "Rubin"), v.excludedArchitectures);
            assertEquals(v.code, policies.inForceOn(LocalDate.of(2030, 6, 1)).orElseThrow().code);
        });
    }

    @Test
    void theDatabaseRefusesOverlappingPolicyPeriods() {
        Exception e = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("INSERT INTO policy_version (code, title, legal_basis, effective_from, destinations, revenue_share_rate) "
                        + "VALUES ('OVERLAP-TEST', 'Overlapping rule', 'Test', DATE '2026-06-01', ARRAY['CN'], 0.2)")
                .executeUpdate()));
        String causes = gov.exports.portal.customer.ApprovedCustomerTest.causes(e);
        assertTrue(causes.contains("policy_version_no_overlap"), causes);
    }

    @Test
    void blackwellAndRubinAreExcludedByArchitectureWithTheReason() {
        PolicyCheck.Result r = check.evaluate(january(), new PolicyCheck.Input(
                List.of(line(1, "B200", "Blackwell", 36000, 8000), line(2, "VR200", "rubin", 100000, 13000)),
                List.of(consignee("APPROVED")), ALL_CERTS, new BigDecimal("0.40")), LocalDate.of(2026, 2, 1));
        assertTrue(r.isBlocking());
        assertEquals(PolicyCheck.Outcome.EXCLUDED, r.aboutLine(1L).get(0).outcome());
        assertTrue(r.aboutLine(1L).get(0).reason().contains("excludes the Blackwell architecture"));
        assertEquals(PolicyCheck.Outcome.EXCLUDED, r.aboutLine(2L).get(0).outcome(), "architecture names compare case-insensitively");
    }

    @Test
    void anH200ClassChipUnderBothThresholdsMeetsEveryItem() {
        PolicyCheck.Result r = check.evaluate(january(), new PolicyCheck.Input(List.of(line(1, "H200", "Hopper", 15832, 4800)),
                List.of(consignee("APPROVED"), new PolicyCheck.Party("END_USER", "Example Co.", "MO", 1L, "APPROVED", null)),
                ALL_CERTS, new BigDecimal("0.50")), LocalDate.of(2026, 2, 1));
        assertTrue(r.isAllMet(), r.items().toString());
        assertFalse(r.isBlocking());
    }

    @Test
    void thresholdsAreStrictAndEachFailureIsExplained() {
        PolicyCheck.Result r = check.evaluate(january(), new PolicyCheck.Input(
                List.of(line(1, "Edge", "Hopper", 21000, 6499), line(2, "Wide", "CDNA 3", 20999, 6500), line(3, "X1", "Other", 1, 1)),
                List.of(consignee("SUSPENDED"), new PolicyCheck.Party("END_USER", "Hong Kong Co.", "HK", null, null, null)),
                Set.of("REVENUE_SHARE"), new BigDecimal("0.60")), LocalDate.of(2026, 2, 1));
        assertFalse(r.isBlocking(), "over-threshold products go to the officer, they are not excluded");
        assertTrue(r.items().stream().anyMatch(i -> i.reason().equals("TPP 21,000 is not under the threshold of 21,000.")));
        assertTrue(r.items().stream().anyMatch(i -> i.reason().equals("DRAM bandwidth 6,500 GB/s is not under the threshold of 6,500 GB/s.")));
        assertTrue(r.items().stream().anyMatch(i -> i.reason().startsWith("Neither the Other architecture nor Maker X1")));
        assertTrue(r.items().stream().anyMatch(i -> i.reason().equals("The approved customer's status is suspended, not approved.")));
        assertTrue(r.items().stream().anyMatch(i -> i.reason().startsWith("The country HK is not a destination covered")));
        assertTrue(r.items().stream().anyMatch(i -> i.reason().startsWith("Not yet certified: No re-export or transfer")));
        assertTrue(r.items().stream().anyMatch(i -> i.reason().equals("Declared ratio 60% exceeds the cap of 50%.")));
    }

    @Test
    void thePolicyPageShowsTheVersionInForceToVendorsAndOfficials() {
        for (String user : List.of("nvidia-vendor", "officer")) {
            String html = PortalSession.of(user).given().get("/policy").then().statusCode(200).extract().asString();
            assertTrue(html.contains("Case-by-case review of H200-class chips for China and Macau"));
            assertTrue(html.contains("Federal Register 2026-00789"));
            assertTrue(html.contains("Under 21,000") && html.contains("Under 6,500 GB/s") && html.contains("25% of revenue"));
            assertTrue(html.contains("<strong>In force</strong>"));
        }
    }
}
