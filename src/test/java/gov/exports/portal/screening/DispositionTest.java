package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.exports.portal.audit.AuditRecord;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hits block clearance until an officer decides: an open hit or a true match blocks; a false positive clears
 * and is remembered for the same party description and entry version, but not once either changes.
 */
@QuarkusTest
class DispositionTest {

    static final String TYPE = "APPLICATION_PARTY";

    @Inject
    ListImporter importer;

    @Inject
    ScreeningService screening;

    @AfterEach
    void restore() {
        ScreeningTestSupport.demoListInForce(importer);
    }

    @Test
    void falsePositiveClearsAndIsRememberedUntilThePartyChanges() {
        ScreeningTestSupport.demoListInForce(importer);
        ScreeningSubject party = new ScreeningSubject(TYPE, 7001L, "Dahua Technology Company", List.of(), "No. 8 Harbour Road",
                "Wanchai", "Hong Kong");
        ScreeningService.Outcome first = screening.screen(party);
        assertEquals(1, first.hits().size());
        long hitId = first.hits().get(0).id;
        ScreeningService.Clearance blocked = screening.clearanceFor(TYPE, List.of(7001L));
        assertTrue(blocked.blocked());
        assertTrue(blocked.reasons().get(0).contains("has not been dispositioned"), blocked.reasons().toString());
        // never screened: not cleared either
        assertTrue(screening.clearanceFor(TYPE, List.of(7999L)).blocked());

        PortalSession officer = PortalSession.of("officer");
        // no decision, no reason: refused with messages, nothing recorded
        Response bad = post(officer, hitId, null, "", 0);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("Choose whether the party is the listed entry"));
        assertTrue(bad.asString().contains("Give the reason for your decision"));
        // a stale form: 409
        assertEquals(409, post(officer, hitId, "FALSE_POSITIVE", "Different company in Hong Kong", 5).statusCode());

        Response ok = post(officer, hitId, "FALSE_POSITIVE", "Hong Kong trading firm, registration 1234567, not the Hangzhou maker", 0);
        assertEquals(303, ok.statusCode());
        assertTrue(screening.clearanceFor(TYPE, List.of(7001L)).cleared());
        String page = officer.given().get("/screening/hits/" + hitId).asString();
        assertTrue(page.contains("False positive"), page);
        assertTrue(page.contains("not the Hangzhou maker"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action = ?1 and targetId = ?2",
                "screening.hit.dispositioned", String.valueOf(hitId))));

        // screened again, unchanged: the decision is remembered
        ScreeningService.Outcome again = screening.screen(party);
        assertEquals(ScreeningHit.Status.FALSE_POSITIVE, again.hits().get(0).status);
        assertTrue(screening.clearanceFor(TYPE, List.of(7001L)).cleared());

        // the party's description changes: the hit is open again
        ScreeningSubject moved = new ScreeningSubject(TYPE, 7001L, "Dahua Technology Company", List.of(), "1199 Bin'an Road",
                "Hangzhou", "China");
        ScreeningService.Outcome changed = screening.screen(moved);
        assertEquals(ScreeningHit.Status.OPEN, changed.hits().get(0).status);
        assertTrue(screening.clearanceFor(TYPE, List.of(7001L)).blocked());
        // and the earlier hit can no longer be decided
        assertEquals(409, post(officer, hitId, "FALSE_POSITIVE", "Trying to decide an old hit", again.hits().get(0).version)
                .statusCode());

        // a true match blocks
        long newHit = changed.hits().get(0).id;
        assertEquals(303, post(officer, newHit, "TRUE_MATCH", "Same address as the listing in Hangzhou", 0).statusCode());
        ScreeningService.Clearance c = screening.clearanceFor(TYPE, List.of(7001L));
        assertTrue(c.blocked());
        assertEquals(1, c.trueMatches());
        assertTrue(c.reasons().get(0).contains("is the listed party \"Zhejiang Dahua Technology Co., Ltd.\""), c.reasons().toString());
    }

    @Test
    void falsePositiveIsAskedAgainWhenTheListedEntryChanges() {
        ScreeningTestSupport.demoListInForce(importer);
        ScreeningSubject party = new ScreeningSubject(TYPE, 7002L, "Sophgo Technologies Limited", List.of(), null, "Singapore", "SG");
        ScreeningService.Outcome first = screening.screen(party);
        ScreeningHit hit = first.hits().get(0);
        assertEquals(303, post(PortalSession.of("officer"), hit.id, "FALSE_POSITIVE", "Singapore company, unrelated", 0).statusCode());
        assertEquals(ScreeningHit.Status.FALSE_POSITIVE, screening.screen(party).hits().get(0).status);

        // the listed entry gains an alias: a new entry version, so the decision no longer applies
        String changed = ScreeningTestSupport.demoCsv().replace("Sophgo; 算能科技", "Sophgo; 算能科技; Sophgo Singapore");
        importer.importFile(changed.getBytes(StandardCharsets.UTF_8), "changed.csv", ScreeningTestSupport.TESTER, null);
        ScreeningService.Outcome after = screening.screen(party);
        assertEquals(ScreeningHit.Status.OPEN, after.hits().get(0).status);
        assertFalse(screening.clearanceFor(TYPE, List.of(7002L)).cleared());
    }

    @Test
    void reScreeningInBatchesKeepsDecisionsAsAScreeningDoes() {
        ScreeningTestSupport.demoListInForce(importer);
        ScreeningSubject decided = new ScreeningSubject(TYPE, 7003L, "Sophgo Technologies Limited", List.of(), null, "Singapore", "SG");
        ScreeningSubject matched = new ScreeningSubject(TYPE, 7004L, "Dahua Technology Company", List.of(), "No. 8 Harbour Road",
                "Wanchai", "Hong Kong");
        ScreeningSubject fresh = new ScreeningSubject(TYPE, 7005L, "Dahua Technology Company", List.of(), "No. 8 Harbour Road",
                "Wanchai", "Hong Kong");
        PortalSession officer = PortalSession.of("officer");
        assertEquals(303, post(officer, screening.screen(decided).hits().get(0).id, "FALSE_POSITIVE", "Singapore company, unrelated", 0)
                .statusCode());
        assertEquals(303, post(officer, screening.screen(matched).hits().get(0).id, "TRUE_MATCH", "Same company", 0).statusCode());

        // one batch, as a re-screening writes it: decisions carried over, hits new only for the party never screened
        int newHits = QuarkusTransaction.requiringNew().call(() -> screening.screenAll(List.of(decided, matched, fresh),
                ScreeningService.Trigger.RESCREEN, new java.util.HashMap<>()));
        assertEquals(1, newHits);
        ScreeningHit fp = screening.currentHits(TYPE, 7003L).get(0);
        assertEquals(ScreeningHit.Status.FALSE_POSITIVE, fp.status);
        assertFalse(fp.isNew);
        assertTrue(fp.disposition != null);
        ScreeningHit tm = screening.currentHits(TYPE, 7004L).get(0);
        assertEquals(ScreeningHit.Status.TRUE_MATCH, tm.status);
        ScreeningHit open = screening.currentHits(TYPE, 7005L).get(0);
        assertEquals(ScreeningHit.Status.OPEN, open.status);
        assertTrue(open.isNew);
        assertEquals("RESCREEN", ScreeningRun.latest(TYPE, 7005L).trigger);
        assertEquals(fresh.fingerprint(), ScreeningRun.latest(TYPE, 7005L).subjectFingerprint);
        assertTrue(screening.clearanceFor(TYPE, List.of(7003L)).cleared());
        assertEquals(1, screening.clearanceFor(TYPE, List.of(7004L)).trueMatches());
    }

    private static Response post(PortalSession s, long hitId, String decision, String reason, int version) {
        var req = s.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken())
                .formParam("reason", reason).formParam("version", version);
        if (decision != null) {
            req = req.formParam("decision", decision);
        }
        return req.post("/screening/hits/" + hitId + "/disposition");
    }
}
