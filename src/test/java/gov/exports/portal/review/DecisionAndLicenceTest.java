package gov.exports.portal.review;

import static gov.exports.portal.review.ReviewTestSupport.casePage;
import static gov.exports.portal.review.ReviewTestSupport.post;
import static gov.exports.portal.review.ReviewTestSupport.version;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.licence.Licence;
import gov.exports.portal.licence.LicenceStatus;
import gov.exports.portal.support.PortalSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/** Information requests answered through the vendor's pages, decisions and their letters, licences and their PDF. */
@QuarkusTest
class DecisionAndLicenceTest {

    @Inject
    ReviewFixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    MockMailbox mailbox;

    static PortalSession officer;
    static PortalSession senior;
    static PortalSession vendor;

    @BeforeAll
    static void signIn() {
        officer = PortalSession.of("officer");
        senior = PortalSession.of("senior");
        vendor = PortalSession.of("nvidia-vendor");
    }

    long taken() {
        long id = fixtures.submitted("nvidia");
        post(officer, "/review/cases/" + id + "/take", "version", version(officer, id)).then().statusCode(303);
        return id;
    }

    void decide(long id, String outcome, String... extra) {
        var r = ReviewTestSupport.form(officer).formParam("version", version(officer, id)).formParam("outcome", outcome)
                .formParam("reasons", "Reasons given in full for the file.");
        for (int i = 0; i < extra.length; i += 2) {
            r = r.formParam(extra[i], extra[i + 1]);
        }
        r.post("/review/cases/" + id + "/recommendation").then().statusCode(303);
        post(senior, "/review/cases/" + id + "/countersignature", "version", version(senior, id), "decision", "agree").then().statusCode(303);
    }

    ApplicationStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).status);
    }

    @Test
    void theVendorAnswersAnInformationRequestWithTextAndPdfsAndTheClockRestarts() {
        mailbox.clear();
        long id = taken();
        String due = LocalDate.now().plusDays(7).toString();
        post(officer, "/review/cases/" + id + "/information-requests", "version", version(officer, id), "question",
                "Which laboratory tests the shipments?", "dueOn", due).then().statusCode(303);
        assertEquals(ApplicationStatus.INFORMATION_REQUESTED, status(id));
        String reference = QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).reference);
        assertTrue(mailbox.getMailsSentTo("nvidia-vendor@demo.example").stream()
                .anyMatch(m -> m.getSubject().equals("Information requested on " + reference) && m.getText().contains("Which laboratory")));
        long requestId = QuarkusTransaction.requiringNew().call(() -> InformationRequest.openOf(id).id);

        String appPage = vendor.given().get("/applications/" + id).then().statusCode(200).extract().asString();
        assertTrue(appPage.contains("Which laboratory tests the shipments?"));
        String requestPage = vendor.given().get("/applications/" + id + "/information-requests/" + requestId).then().statusCode(200)
                .extract().asString();
        String appVersion = requestPage.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        // a file that is not a PDF is refused, the answer kept, nothing written
        vendor.given().multiPart("csrf-token", vendor.csrfToken()).multiPart("version", appVersion)
                .multiPart("answer", "Our lab in Austin.").multiPart("file", "report.pdf", "MZ not a pdf".getBytes(), "application/pdf")
                .post("/applications/" + id + "/information-requests/" + requestId + "/answer").then().statusCode(400)
                .body(containsString("not a PDF")).body(containsString("Our lab in Austin."));
        assertEquals(ApplicationStatus.INFORMATION_REQUESTED, status(id));

        vendor.given().multiPart("csrf-token", vendor.csrfToken()).multiPart("version", appVersion)
                .multiPart("answer", "Our lab in Austin, Texas; report attached.")
                .multiPart("file", "lab-report.pdf", "%PDF-1.4\n%%EOF\n".getBytes(), "application/pdf")
                .post("/applications/" + id + "/information-requests/" + requestId + "/answer").then().statusCode(303);
        assertEquals(ApplicationStatus.UNDER_REVIEW, status(id));
        // answering twice is refused
        vendor.given().multiPart("csrf-token", vendor.csrfToken()).multiPart("version", appVersion).multiPart("answer", "again")
                .post("/applications/" + id + "/information-requests/" + requestId + "/answer").then().statusCode(409);

        String page = casePage(officer, id);
        assertTrue(page.contains("Our lab in Austin, Texas; report attached."));
        assertTrue(page.contains("lab-report.pdf"));
        long docId = QuarkusTransaction.requiringNew().call(() -> InformationRequestDocument.<InformationRequestDocument> find("requestId", requestId)
                .firstResult().id);
        byte[] pdf = officer.given().get("/review/cases/" + id + "/information-requests/" + requestId + "/documents/" + docId).then()
                .statusCode(200).extract().asByteArray();
        assertTrue(new String(pdf).startsWith("%PDF-"));
        PortalSession.of("amd-vendor").given().get("/applications/" + id + "/information-requests/" + requestId + "/documents/" + docId)
                .then().statusCode(404);
        // the pause interval is stored, and the case shows the clock
        assertTrue(QuarkusTransaction.requiringNew().call(() -> InformationRequest.<InformationRequest> findById(requestId).answeredAt != null));
        assertTrue(page.contains("waiting for the exporter"));
    }

    @Test
    void anApprovalGateBlocksRecommendingAndCountersigningAnApproval() {
        long id = taken();
        TestHoldGate.HELD.add(id);
        try {
            assertTrue(casePage(officer, id).contains("Unresolved screening hit on the consignee (test hold)"));
            ReviewTestSupport.form(officer).formParam("version", version(officer, id)).formParam("outcome", "APPROVE")
                    .formParam("reasons", "Looks eligible.").post("/review/cases/" + id + "/recommendation").then().statusCode(400)
                    .body(containsString("Approval is blocked"));
            TestHoldGate.HELD.remove(id);
            ReviewTestSupport.form(officer).formParam("version", version(officer, id)).formParam("outcome", "APPROVE")
                    .formParam("reasons", "Looks eligible.").post("/review/cases/" + id + "/recommendation").then().statusCode(303);
            // a hit arriving after the recommendation still stops the countersignature
            TestHoldGate.HELD.add(id);
            post(senior, "/review/cases/" + id + "/countersignature", "version", version(senior, id), "decision", "agree")
                    .then().statusCode(400).body(containsString("Approval is blocked"));
            assertEquals(ApplicationStatus.RECOMMENDED, status(id));
        } finally {
            TestHoldGate.HELD.remove(id);
        }
    }

    @Test
    void aDenialSendsALetterWithItsReasonsAndNoLicenceCanBeIssued() {
        mailbox.clear();
        long id = taken();
        decide(id, "DENY", "denialReason", "DIVERSION_RISK");
        assertEquals(ApplicationStatus.DENIED, status(id));
        long letterId = QuarkusTransaction.requiringNew().call(() -> DecisionLetter.<DecisionLetter> find("applicationId", id).firstResult().id);
        vendor.given().get("/applications/" + id + "/letters/" + letterId).then().statusCode(200)
                .body(containsString("has been denied")).body(containsString("There is a risk of diversion or re-export"));
        PortalSession.of("amd-vendor").given().get("/applications/" + id + "/letters/" + letterId).then().statusCode(404);
        officer.given().get("/review/cases/" + id + "/licence").then().statusCode(404);
        post(officer, "/review/cases/" + id + "/licence", "version", version(officer, id), "validFrom", LocalDate.now().toString(),
                "validTo", LocalDate.now().plusYears(4).toString()).then().statusCode(409).body(containsString("approved application"));
    }

    @Test
    void aReturnWithoutActionStatesTheDeficiency() {
        long id = taken();
        decide(id, "RETURN_WITHOUT_ACTION");
        assertEquals(ApplicationStatus.RETURNED_WITHOUT_ACTION, status(id));
        String body = QuarkusTransaction.requiringNew().call(() -> DecisionLetter.<DecisionLetter> find("applicationId", id).firstResult().body);
        assertTrue(body.contains("The deficiency: Reasons given in full for the file."), body);
    }

    @Test
    void theLicenceAuthorisesNoMoreThanAskedCarriesThePolicyRateAndIsPrintableAndDownloadable() throws Exception {
        mailbox.clear();
        long id = taken();
        decide(id, "APPROVE_WITH_CONDITIONS", "condition", "END_USE_CHECK");
        String form = officer.given().get("/review/cases/" + id + "/licence").then().statusCode(200).extract().asString();
        assertTrue(form.contains("value=\"" + LocalDate.now().plusYears(4).minusDays(1) + "\""), "four years by default, inclusive");
        Long lineId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM application_line WHERE application_id = :id").setParameter("id", id).getSingleResult()).longValue());
        // more than asked is refused next to the field, nothing written
        issue(id, lineId, "101", "3000000.00").then().statusCode(400).body(containsString("between 0 and 100"));
        issue(id, lineId, "100", "3000000.01").then().statusCode(400).body(containsString("cannot exceed"));
        issue(id, lineId, "0", "0").then().statusCode(400).body(containsString("Authorise at least one product line"));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Licence.ofApplication(id)));

        Response issued = issue(id, lineId, "80", "2400000.00");
        issued.then().statusCode(303);
        Licence l = QuarkusTransaction.requiringNew().call(() -> Licence.ofApplication(id));
        assertTrue(l.number.matches("CHX-" + LocalDate.now().getYear() + "-\\d{6}"), l.number);
        assertEquals(LicenceStatus.ACTIVE, l.status);
        assertEquals(0, l.revenueShareRate.compareTo(new java.math.BigDecimal("0.25")));
        // a second issue is refused
        issue(id, lineId, "80", "2400000.00").then().statusCode(409).body(containsString("already been issued"));

        String page = vendor.given().get("/licences/" + l.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains(l.number));
        assertTrue(page.contains("25%"));
        assertTrue(page.contains("post-shipment end-use check"), "the recommended rider");
        assertTrue(page.contains("No re-export"), "standard rider");
        PortalSession.of("amd-vendor").given().get("/licences/" + l.id).then().statusCode(404);
        PortalSession.of("amd-vendor").given().get("/licences/" + l.id + ".pdf").then().statusCode(404);

        byte[] pdf = vendor.given().get("/licences/" + l.id + ".pdf").then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Export licence " + l.number), text);
            assertTrue(text.contains("25%"), text);
            assertTrue(text.contains("80 units"), text);
        }
        assertTrue(mailbox.getMailsSentTo("nvidia-vendor@demo.example").stream()
                .anyMatch(m -> m.getSubject().startsWith("Licence " + l.number + " issued")));

        // the database refuses more than was asked, whatever the code does
        var e = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE licence_line SET authorised_quantity = requested_quantity + 1 WHERE licence_id = :id").setParameter("id", l.id)
                .executeUpdate()));
        assertTrue(ReviewRulesTest.rootMessage(e).contains("licence_line"), ReviewRulesTest.rootMessage(e));
        long audits = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE action = 'licence.issued' AND target_id = :id").setParameter("id", String.valueOf(l.id))
                .getSingleResult()).longValue());
        assertEquals(1, audits);
    }

    Response issue(long id, Long lineId, String quantity, String value) {
        return ReviewTestSupport.form(officer).formParam("version", version(officer, id))
                .formParam("validFrom", LocalDate.now().toString()).formParam("validTo", LocalDate.now().plusYears(4).toString())
                .formParam("lineId", String.valueOf(lineId)).formParam("quantity", quantity).formParam("value", value)
                .post("/review/cases/" + id + "/licence");
    }
}
