package gov.exports.portal.policy;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.audit.AuditRecord;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Senior officers draft a policy version, see which open applications it would affect, and publish it. */
@QuarkusTest
class PolicyDraftTest {

    static final Pattern DRAFT = Pattern.compile("/policy/drafts/(\\d+)");

    @Inject
    PolicyService policies;

    @Inject
    DataSource dataSource;

    static Object[] form(String code, String from, String excludedArchitectures) {
        return new Object[] { "code", code, "title", "Test version " + code, "legalBasis", "Federal Register 2099-00001",
                "effectiveFrom", from, "destinations", "CN, MO", "eligibleArchitectures", "Hopper, CDNA 3, Gaudi",
                "excludedArchitectures", excludedArchitectures, "tppBelow", "21000", "dramBandwidthBelowGbps", "6500",
                "revenueSharePercent", "25", "maxShipmentRatioPercent", "50", "certification", java.util.List.of("REVENUE_SHARE",
                        "NO_REEXPORT", "NO_MILITARY_END_USE", "KYC_REMOTE_ACCESS", "US_THIRD_PARTY_TESTING", "SUFFICIENT_US_SUPPLY",
                        "SHIPMENT_RATIO") };
    }

    static long draftId(Response created) {
        assertEquals(303, created.statusCode(), created.asString());
        Matcher m = DRAFT.matcher(created.header("Location"));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    @Test
    void aDraftThatExcludesHopperShowsTheOpenH200ApplicationsItWouldAffect() {
        PortalSession senior = PortalSession.of("senior");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        long id = draftId(FormPost.post(senior, "/policy/drafts", form("TEST-NO-HOPPER", tomorrow, "Blackwell, Rubin, Hopper")));
        String page = senior.given().get("/policy/drafts/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("would be treated differently under this draft"), page);
        assertTrue(page.contains("ELA-"), "the demo NVIDIA H200 application is listed");
        assertTrue(page.contains("Excluded"), "its H200 line becomes excluded");
        assertTrue(page.contains("What changes for active licences"), "active licences are checked too");
        // nothing changed for anyone yet: today and tomorrow the published policy is still the January 2026 rule
        assertEquals("2026-01-H200", policies.inForceOn(LocalDate.now().plusDays(1)).orElseThrow().code);
        // discard it, so the draft list stays clean
        int version = QuarkusTransaction.requiringNew().call(() -> PolicyVersion.<PolicyVersion> findById(id).version);
        assertEquals(303, FormPost.post(senior, "/policy/drafts/" + id + "/discard", "version", version).statusCode());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> PolicyVersion.count("id", id)));
    }

    @Test
    void badInputIsShownNextToTheFieldsAndKept() {
        PortalSession senior = PortalSession.of("senior");
        Object[] f = form("bad code!", "2020-01-01", "Blackwell");
        f[5] = "";  // no legal basis
        Response r = FormPost.post(senior, "/policy/drafts", f);
        assertEquals(400, r.statusCode());
        String page = r.asString();
        assertTrue(page.contains("There is a problem"));
        assertTrue(page.contains("Enter a code of 3 to 41 capital letters"));
        assertTrue(page.contains("must be today or later"));
        assertTrue(page.contains("Enter the legal basis"));
        assertTrue(page.contains("value=\"BAD CODE!\"") || page.contains("value=\"bad code!\""), "input kept");
    }

    @Test
    void onlySeniorOfficersMayDraftPolicy() {
        PortalSession.of("officer").given().get("/policy/new").then().statusCode(403);
        PortalSession.of("nvidia-vendor").given().get("/policy/new").then().statusCode(403);
        PortalSession.of("senior").given().get("/policy/new").then().statusCode(200)
                .body(containsString("Blackwell, Rubin"));
    }

    @Test
    void publishingEndsTheVersionInForceAndTheDatabaseForbidsOverlaps() throws SQLException {
        PortalSession senior = PortalSession.of("senior");
        LocalDate start = LocalDate.of(2099, 1, 1);
        long id = draftId(FormPost.post(senior, "/policy/drafts", form("TEST-2099", start.toString(), "Blackwell, Rubin")));
        int version = QuarkusTransaction.requiringNew().call(() -> PolicyVersion.<PolicyVersion> findById(id).version);
        assertEquals(303, FormPost.post(senior, "/policy/drafts/" + id + "/publish", "version", version).statusCode());

        assertEquals("2026-01-H200", policies.inForceOn(start.minusDays(1)).orElseThrow().code);
        assertEquals("TEST-2099", policies.inForceOn(start).orElseThrow().code);
        PolicyVersion previous = QuarkusTransaction.requiringNew().call(() -> policies.byCode("2026-01-H200").orElseThrow());
        assertEquals(start, previous.effectiveTo);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action = ?1 and targetId = ?2",
                "policy.version.published", String.valueOf(id))) == 1);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action", "policy.version.superseded")) >= 1);

        // publishing twice is a conflict, not a second version
        FormPost.post(senior, "/policy/drafts/" + id + "/publish", "version", version).then().statusCode(404);

        // the database itself refuses two published versions in force on the same day
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("""
                    INSERT INTO policy_version (code, title, legal_basis, effective_from, destinations, revenue_share_rate, status)
                    VALUES ('TEST-OVERLAP', 'Overlapping version', 'none', DATE '2099-06-01', ARRAY['CN'], 0.25, 'PUBLISHED')"""));
            assertTrue(e.getMessage().contains("policy_version_no_overlap"), e.getMessage());
        }
    }
}
