package gov.exports.portal.review;

import static gov.exports.portal.review.ReviewTestSupport.casePage;
import static gov.exports.portal.review.ReviewTestSupport.post;
import static gov.exports.portal.review.ReviewTestSupport.version;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The review rules as officials and vendors meet them through the pages (REST Assured, real Keycloak sessions). */
@QuarkusTest
class ReviewRulesTest {

    @Inject
    ReviewFixtures fixtures;

    @Inject
    EntityManager em;

    static PortalSession officer;
    static PortalSession officer2;
    static PortalSession senior;
    static PortalSession senior2;
    static PortalSession vendor;

    @BeforeAll
    static void signIn() {
        officer = PortalSession.of("officer");
        officer2 = PortalSession.of("officer2");
        senior = PortalSession.of("senior");
        senior2 = PortalSession.of("senior2");
        vendor = PortalSession.of("nvidia-vendor");
        // officials become assignable once they have opened the review pages
        for (PortalSession s : List.of(officer, officer2, senior, senior2)) {
            s.get("/review");
        }
    }

    ApplicationStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).status);
    }

    long takenBy(PortalSession s) {
        long id = fixtures.submitted("nvidia");
        post(s, "/review/cases/" + id + "/take", "version", version(s, id)).then().statusCode(303);
        assertEquals(ApplicationStatus.UNDER_REVIEW, status(id));
        return id;
    }

    Response recommendApproval(PortalSession s, long id) {
        return ReviewTestSupport.form(s).formParam("version", version(s, id)).formParam("outcome", "APPROVE_WITH_CONDITIONS")
                .formParam("condition", "END_USE_CHECK").formParam("conditionText", "Ship no more than 50 units per month.")
                .formParam("reasons", "Eligible H200s for an approved customer; certifications complete.")
                .post("/review/cases/" + id + "/recommendation");
    }

    @Test
    void takingACaseStartsTheReviewAndIsAuditedAndOnlyUnassignedCasesCanBeTaken() {
        long id = takenBy(officer);
        String page = casePage(officer, id);
        assertTrue(page.contains("Officer") || page.contains("officer"), "assignee shown");
        // a second officer cannot take it: clear conflict
        post(officer2, "/review/cases/" + id + "/take", "version", version(officer2, id)).then().statusCode(409)
                .body(containsString("already assigned"));
        long audits = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE action = 'review.taken' AND target_id = :id AND before_state->>'status' = 'SUBMITTED'"
                        + " AND after_state->>'status' = 'UNDER_REVIEW'").setParameter("id", String.valueOf(id)).getSingleResult()).longValue());
        assertEquals(1, audits, "the move is audited with before and after status");
    }

    @Test
    void onlySeniorOfficersAssignAndReassign() {
        long id = fixtures.submitted("nvidia");
        String officer2Subject = QuarkusTransaction.requiringNew().call(() -> Official.<Official> find("username", "officer2").firstResult().subject);
        post(officer, "/review/cases/" + id + "/assign", "version", version(officer, id), "assignee", officer2Subject).then().statusCode(403);
        post(senior, "/review/cases/" + id + "/assign", "version", version(senior, id), "assignee", officer2Subject).then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ReviewCase.<ReviewCase> findById(id).isAssignedTo(officer2Subject)));
        String officerSubject = QuarkusTransaction.requiringNew().call(() -> Official.<Official> find("username", "officer").firstResult().subject);
        post(senior, "/review/cases/" + id + "/assign", "version", version(senior, id), "assignee", officerSubject).then().statusCode(303);
        long moves = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE action IN ('review.assigned', 'review.reassigned') AND target_id = :id")
                .setParameter("id", String.valueOf(id)).getSingleResult()).longValue());
        assertEquals(2, moves, "every move is audited");
    }

    @Test
    void illegalTransitionsAreRefusedWithAClearMessage() {
        long id = fixtures.submitted("nvidia");
        // SUBMITTED cannot be recommended: nobody has reviewed it (and nobody is assigned)
        recommendApproval(officer, id).then().statusCode(409);
        long taken = takenBy(officer);
        // no countersignature without a recommendation
        post(senior, "/review/cases/" + taken + "/countersignature", "version", version(senior, taken), "decision", "agree")
                .then().statusCode(409).body(containsString("no recommendation awaiting countersignature"));
        // the state machine itself
        assertFalse(ApplicationTransitions.allowed(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED));
        assertFalse(ApplicationTransitions.allowed(ApplicationStatus.DENIED, ApplicationStatus.UNDER_REVIEW));
        assertFalse(ApplicationTransitions.allowed(ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.RECOMMENDED));
        assertTrue(ApplicationTransitions.allowed(ApplicationStatus.RECOMMENDED, ApplicationStatus.APPROVED_WITH_CONDITIONS));
        var e = assertThrows(gov.exports.portal.web.PortalConflictException.class,
                () -> ApplicationTransitions.require("ELA-2026-000001", ApplicationStatus.WITHDRAWN, ApplicationStatus.UNDER_REVIEW, "take the case"));
        assertTrue(e.getMessage().contains("withdrawn cannot become under review"), e.getMessage());
        // while waiting for the vendor the officer cannot recommend
        post(officer, "/review/cases/" + taken + "/information-requests", "version", version(officer, taken), "question",
                "Please send the end-user certificate.", "dueOn", LocalDate.now().plusDays(10).toString()).then().statusCode(303);
        recommendApproval(officer, taken).then().statusCode(409).body(containsString("information requested"));
    }

    @Test
    void onlyTheAssignedOfficerRequestsInformationOrRecommends() {
        long id = takenBy(officer);
        post(officer2, "/review/cases/" + id + "/information-requests", "version", version(officer2, id), "question",
                "Who is the freight forwarder?", "dueOn", LocalDate.now().plusDays(10).toString()).then().statusCode(409)
                .body(containsString("Only the officer assigned"));
        recommendApproval(officer2, id).then().statusCode(409);
    }

    @Test
    void badInputIsRefusedNextToTheFieldAndKept() {
        long id = takenBy(officer);
        post(officer, "/review/cases/" + id + "/information-requests", "version", version(officer, id), "question", "Why?",
                "dueOn", "yesterday").then().statusCode(400).body(containsString("There is a problem"))
                .body(containsString("real date"));
        ReviewTestSupport.form(officer).formParam("version", version(officer, id)).formParam("outcome", "DENY")
                .formParam("reasons", "Not convincing at all.").post("/review/cases/" + id + "/recommendation").then().statusCode(400)
                .body(containsString("Pick at least one reason for the denial")).body(containsString("Not convincing at all."));
        assertEquals(ApplicationStatus.UNDER_REVIEW, status(id), "nothing written");
    }

    @Test
    void selfCountersignIsRefusedByTheServiceAndTheDatabase() {
        long id = takenBy(senior);
        recommendApproval(senior, id).then().statusCode(303);
        assertEquals(ApplicationStatus.RECOMMENDED, status(id));
        assertTrue(casePage(senior, id).contains("You made this recommendation"));
        post(senior, "/review/cases/" + id + "/countersignature", "version", version(senior, id), "decision", "agree")
                .then().statusCode(409).body(containsString("two-person rule"));
        assertEquals(ApplicationStatus.RECOMMENDED, status(id), "the decision did not take effect");

        // Even code that skipped the service check could not store it: the database refuses.
        var failure = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE review_decision SET countersign_outcome = 'AGREED', countersigned_by_subject = recommended_by_subject,"
                        + " countersigned_by_name = recommended_by_name, countersigned_at = now() WHERE application_id = :id")
                .setParameter("id", id).executeUpdate()));
        assertTrue(rootMessage(failure).contains("review_decision_two_persons"), rootMessage(failure));
        var insert = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO review_decision (application_id, outcome, reasons, recommended_by_subject, recommended_by_name,"
                        + " countersign_outcome, countersigned_by_subject, countersigned_by_name, countersigned_at)"
                        + " VALUES (:id, 'APPROVE', 'All fine here.', 'same-subject', 'A', 'AGREED', 'same-subject', 'A', now())")
                .setParameter("id", id).executeUpdate()));
        assertTrue(rootMessage(insert).contains("review_decision_two_persons"), rootMessage(insert));

        // a different senior officer can
        post(senior2, "/review/cases/" + id + "/countersignature", "version", version(senior2, id), "decision", "agree")
                .then().statusCode(303);
        assertEquals(ApplicationStatus.APPROVED_WITH_CONDITIONS, status(id));
    }

    @Test
    void sendingBackNeedsACommentAndReturnsTheCaseToReview() {
        long id = takenBy(officer);
        recommendApproval(officer, id).then().statusCode(303);
        post(senior, "/review/cases/" + id + "/countersignature", "version", version(senior, id), "decision", "send-back")
                .then().statusCode(400).body(containsString("Enter why you are sending the case back"));
        post(senior, "/review/cases/" + id + "/countersignature", "version", version(senior, id), "decision", "send-back",
                "comment", "Check the shipment ratio against last year's figures.").then().statusCode(303);
        assertEquals(ApplicationStatus.UNDER_REVIEW, status(id));
        // and the officer can recommend again
        recommendApproval(officer, id).then().statusCode(303);
        assertEquals(ApplicationStatus.RECOMMENDED, status(id));
    }

    @Test
    void twoOfficialsActingAtOnceOneSucceedsTheOtherSeesAConflict() throws Exception {
        long id = takenBy(officer);
        recommendApproval(officer, id).then().statusCode(303);
        String v = version(senior, id);
        assertEquals(v, version(senior2, id), "both opened the same version");
        // both submit their countersignature at the same moment with the version they saw
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Response> agree = () -> post(senior, "/review/cases/" + id + "/countersignature", "version", v, "decision", "agree");
            Callable<Response> sendBack = () -> post(senior2, "/review/cases/" + id + "/countersignature", "version", v, "decision",
                    "send-back", "comment", "Not yet: ask for the test reports.");
            Future<Response> a = pool.submit(agree);
            Future<Response> b = pool.submit(sendBack);
            List<Integer> codes = List.of(a.get().statusCode(), b.get().statusCode());
            assertTrue(codes.contains(303) && codes.contains(409), "one succeeds, one conflicts: " + codes);
            Response loser = a.get().statusCode() == 409 ? a.get() : b.get();
            assertTrue(loser.asString().contains("Someone else acted on"), "clear message");
            assertTrue(loser.asString().contains("It is now"), "with the current state");
        } finally {
            pool.shutdown();
        }
        // exactly one countersignature recorded
        long decided = QuarkusTransaction.requiringNew().call(() -> ReviewDecision.count("applicationId = ?1 and countersignOutcome is not null", id));
        assertEquals(1, decided);
        // a stale form afterwards is refused too
        post(officer, "/review/cases/" + id + "/notes", "note", "still fine").then().statusCode(303);
        post(senior, "/review/cases/" + id + "/countersignature", "version", v, "decision", "agree").then().statusCode(409);
    }

    @Test
    void vendorCannotSeeInternalNotesNorOfficialRoutes() {
        long id = takenBy(officer);
        String secret = "Internal: parent company of the consignee under watch " + System.nanoTime();
        post(officer, "/review/cases/" + id + "/notes", "note", secret).then().statusCode(303);
        assertTrue(casePage(officer2, id).contains(secret), "every official sees it");
        String vendorPage = vendor.given().get("/applications/" + id).then().statusCode(200).extract().asString();
        assertFalse(vendorPage.contains(secret), "the vendor's application page never shows internal notes");
        assertFalse(vendorPage.contains("Internal notes"));
        vendor.given().get("/review/cases/" + id).then().statusCode(403);
        vendor.given().get("/review").then().statusCode(403);
        // another organisation's vendor does not even learn the application exists
        PortalSession.of("amd-vendor").given().get("/applications/" + id).then().statusCode(404);
        PortalSession.of("amd-vendor").given().get("/applications/" + id + "/letters/1").then().statusCode(404);
    }

    @Test
    void aFailedPrecheckBlocksApproval() {
        long id = takenBy(officer);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE application SET precheck = jsonb_set(precheck, '{items,0,outcome}', '\"NOT_MET\"') WHERE id = :id")
                .setParameter("id", id).executeUpdate());
        assertTrue(casePage(officer, id).contains("Approval is blocked"));
        recommendApproval(officer, id).then().statusCode(400).body(containsString("Approval is blocked"));
        // a denial is still possible
        ReviewTestSupport.form(officer).formParam("version", version(officer, id)).formParam("outcome", "DENY")
                .formParam("denialReason", "NOT_ELIGIBLE").formParam("reasons", "The pre-check found an item not met.")
                .post("/review/cases/" + id + "/recommendation").then().statusCode(303);
    }

    static String rootMessage(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
