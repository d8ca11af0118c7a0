package gov.exports.portal.application;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.screening.CustomerScreening;
import gov.exports.portal.screening.PartyScreening;
import gov.exports.portal.screening.ScreeningService;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Submission screens every party; a listed intermediary blocks approval until an officer decides the hit. */
@QuarkusTest
class SubmissionScreeningTest {

    @Inject
    PartyScreening partyScreening;

    @Inject
    ScreeningService screening;

    @Test
    void aListedIntermediaryIsFlaggedAtSubmissionAndBlocksUntilDecided() {
        DraftDriver nvidia = new DraftDriver("nvidia-vendor");
        long id = nvidia.completeDraft("H200");
        // a forwarder whose name is a reordered, suffix-varied form of a listed entity (demo list: Huawei Technologies Co., Ltd.)
        var added = nvidia.post("/applications/" + id + "/intermediaries", "version", nvidia.version(id, "intermediaries"),
                "name", "HUAWEI TECHNOLOGIES CO LTD", "nameChinese", "华为技术有限公司", "address", "Bantian, Longgang District",
                "city", "Shenzhen", "country", "CN", "partyFunction", "Freight forwarder");
        assertEquals(303, added.statusCode(), () -> java.util.regex.Pattern.compile("error-message[^>]*>(.*?)</p>", java.util.regex.Pattern.DOTALL)
                .matcher(added.asString()).results().map(m -> m.group(1)).toList().toString());
        assertEquals(303, nvidia.post("/applications/" + id + "/intermediaries", "version", nvidia.version(id, "intermediaries"),
                "action", "done").statusCode());
        assertEquals(303, nvidia.submit(id).statusCode());

        Application app = QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id));
        record HitRef(long id, int version, String party, String entry) {
        }
        List<HitRef> hits = QuarkusTransaction.requiringNew().call(() -> {
            List<PartyScreening.PartyResult> results = partyScreening.resultsFor(app);
            assertEquals(3, results.size(), "consignee, end user and intermediary were screened");
            return results.stream().flatMap(r -> r.hits().stream()
                    .map(h -> new HitRef(h.id, h.version, r.party().name, h.entry.name))).toList();
        });
        HitRef forwarderHit = hits.stream().filter(h -> h.party().startsWith("HUAWEI")).findFirst()
                .orElseThrow(() -> new AssertionError("the listed forwarder is a hit: " + hits));
        assertTrue(forwarderHit.entry().startsWith("Huawei Technologies"), forwarderHit.entry());
        ScreeningService.Clearance before = QuarkusTransaction.requiringNew().call(() -> partyScreening.clearanceFor(app));
        assertTrue(before.blocked(), "an undecided hit blocks approval");

        // the officer sees it on the application, with the reason and a link to decide
        PortalSession officer = PortalSession.of("officer");
        String page = officer.given().get("/officer/applications/" + id).then().statusCode(200)
                .body(containsString("Approval is blocked by screening")).extract().asString();
        assertTrue(page.contains("Huawei Technologies Co., Ltd."));
        assertTrue(page.contains("/screening/hits/" + forwarderHit.id()));

        // the open queue filtered on screening hits lists it, flagged
        String queue = officer.given().get("/review?queue=open&flag=screening").then().statusCode(200).extract().asString();
        assertTrue(queue.contains(app.reference) && queue.contains("Screening hit"), "flagged in the queue");

        // the review case page shows the hits, and approval is refused while a hit is undecided (the screening gate)
        assertEquals(303, FormPost.post(officer, "/review/cases/" + id + "/take", "version", caseVersion(officer, id)).statusCode());
        var refused = FormPost.post(officer, "/review/cases/" + id + "/recommendation", "version", caseVersion(officer, id),
                "outcome", "APPROVE", "reasons", "Looks eligible.");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Approval is blocked") && refused.asString().contains("Huawei Technologies"));

        // false-positive decisions on every hit clear it
        for (HitRef h : hits) {
            assertEquals(303, FormPost.post(officer, "/screening/hits/" + h.id() + "/disposition", "decision", "FALSE_POSITIVE",
                    "reason", "Different company: registered forwarder with its own licence", "version", h.version()).statusCode());
        }
        ScreeningService.Clearance after = QuarkusTransaction.requiringNew().call(() -> partyScreening.clearanceFor(app));
        assertFalse(after.blocked(), () -> "cleared after decisions: " + after.reasons());
        String cleared = officer.given().get("/review?queue=open&flag=screening").then().statusCode(200).extract().asString();
        assertFalse(cleared.contains(app.reference), "no longer flagged once decided");
        assertEquals(303, FormPost.post(officer, "/review/cases/" + id + "/recommendation", "version", caseVersion(officer, id),
                "outcome", "APPROVE", "reasons", "Eligible; the forwarder is not the listed Huawei entity.").statusCode());
    }

    static int caseVersion(PortalSession s, long id) {
        String html = s.given().get("/review/cases/" + id).then().statusCode(200).extract().asString();
        var m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), "the case forms carry the case version");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void approvedCustomersAreScreenedWhenSaved() {
        long customerId = DraftDriver.customerId("Shanghai Example");
        var customer = QuarkusTransaction.requiringNew().call(
                () -> gov.exports.portal.customer.ApprovedCustomer.<gov.exports.portal.customer.ApprovedCustomer> findById(customerId));
        // the customer was screened (at start-up re-screening, or when saved): a run exists
        QuarkusTransaction.requiringNew().run(() -> screening.screen(
                new gov.exports.portal.screening.ScreeningSubject(CustomerScreening.SUBJECT_TYPE, customer.id, customer.nameLatin,
                        List.of(), customer.address, customer.city, customer.country)));
        ScreeningService.Clearance c = QuarkusTransaction.requiringNew()
                .call(() -> screening.clearanceFor(CustomerScreening.SUBJECT_TYPE, List.of(customerId)));
        assertFalse(c.blocked(), () -> "a legitimate approved customer is clear: " + c.reasons());
    }
}
