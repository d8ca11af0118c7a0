package gov.exports.portal.licence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Public verification shows validity and nothing confidential; senior officers suspend, reinstate and revoke. */
@QuarkusTest
class VerifyAndStatusTest {

    @Inject
    LicenceFixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    MockMailbox mailbox;

    @Inject
    VerificationLimiter limiter;

    @BeforeEach
    void everyTestStartsWithAFullBucket() {
        limiter.reset();
    }

    @Test
    void verificationShowsValidityAndStatusAndNothingConfidential() {
        Licence l = fixtures.issued("nvidia", 10, "300000.00");
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        ShipmentTest.report(vendor, l.id, QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> find("licenceId", l.id)
                .firstResult().id), "2", "60000.00", ShipmentTest.PDF).then().statusCode(303);

        String page = given().queryParam("number", l.number.toLowerCase()).queryParam("vendor", "nvidia").get("/verify").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("valid today"), page);
        assertTrue(page.contains(l.number) && page.contains("NVIDIA Corporation"), page);
        for (String secret : new String[] { "Shanghai Example", "300,000", "300000", "60000", "60,000", "AWB 176", "@nvidia",
                "H200", "ELA-" }) {
            assertFalse(page.contains(secret), "the public page must not show " + secret);
        }
        // a wrong licensee name finds nothing, without saying which half was wrong
        given().queryParam("number", l.number).queryParam("vendor", "AMD").get("/verify").then().statusCode(200)
                .body(containsString("No licence matches")).body(org.hamcrest.Matchers.not(containsString("NVIDIA Corporation")));
        given().queryParam("number", l.number).get("/verify").then().statusCode(400).body(containsString("licensee"));
        // the PDF carries the verification address
        byte[] pdf = vendor.given().get("/licences/" + l.id + ".pdf").then().statusCode(200).extract().asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("/verify?number=" + l.number), text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void verificationIsRateLimitedWithAClearPage() {
        int codes429 = 0;
        String last = null;
        // ten more than the limit: the bucket refills a token every 3 s, so a slow machine still sees at least five refusals
        for (int i = 0; i < limiter.perMinute() + 10; i++) {
            var r = given().queryParam("number", "CHX-2026-99999" + (i % 10)).queryParam("vendor", "Nobody").get("/verify");
            if (r.statusCode() == 429) {
                codes429++;
                last = r.asString();
                assertTrue(r.header("Retry-After") != null);
            }
        }
        assertTrue(codes429 >= 5, "lookups beyond the limit are refused: " + codes429);
        assertTrue(last.contains("Too many checks"), last);
        // the empty form is never limited
        given().get("/verify").then().statusCode(200);
        limiter.reset();
    }

    @Test
    void seniorOfficersSuspendReinstateAndRevokeWithAReasonAndTheVendorIsTold() {
        mailbox.clear();
        Licence l = fixtures.issued("nvidia", 10, "300000.00");
        PortalSession senior = PortalSession.of("senior");
        PortalSession.of("officer").given().get("/licences/" + l.id + "/status").then().statusCode(403);
        String form = senior.given().get("/licences/" + l.id + "/status").then().statusCode(200).extract().asString();
        assertTrue(form.contains("What do you want to do?"));
        post(senior, l.id, "SUSPEND", "short", "0").then().statusCode(400).body(containsString("reason"));
        post(senior, l.id, "SUSPEND", "Pending review of the new end-user information.", "0").then().statusCode(303);
        assertEquals(LicenceStatus.SUSPENDED, status(l.id));
        assertTrue(mailed(mailbox, "nvidia-vendor@demo.example", "Licence " + l.number + " suspended", "Pending review of the new end-user information."),
                "the vendor is told by email, with the reason");
        // a stale form is refused with a conflict
        post(senior, l.id, "REINSTATE", "Review complete, no concern.", "0").then().statusCode(409);
        post(senior, l.id, "REINSTATE", "Review complete, no concern.", String.valueOf(version(l.id))).then().statusCode(303);
        assertEquals(LicenceStatus.ACTIVE, status(l.id));
        post(senior, l.id, "REVOKE", "Consignee found on the Entity List.", String.valueOf(version(l.id))).then().statusCode(303);
        assertEquals(LicenceStatus.REVOKED, status(l.id));
        post(senior, l.id, "REINSTATE", "Trying to undo a revocation.", String.valueOf(version(l.id))).then().statusCode(409);
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE target_type = 'licence' AND target_id = :id AND action IN ('licence.suspended', 'licence.reinstated', 'licence.revoked')")
                .setParameter("id", String.valueOf(l.id)).getSingleResult()).longValue());
        assertEquals(3, audited);
        long inApp = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM notification WHERE subject LIKE :s").setParameter("s", "Licence " + l.number + " %").getSingleResult())
                .longValue());
        assertTrue(inApp >= 3, "in-app notifications: " + inApp);
        // the public sees it is no longer valid
        given().queryParam("number", l.number).queryParam("vendor", "NVIDIA Corporation").get("/verify").then().statusCode(200)
                .body(containsString("not valid today")).body(containsString("revoked"));
    }

    static io.restassured.response.Response post(PortalSession s, long id, String action, String reason, String version) {
        return s.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken()).formParam("action", action)
                .formParam("reason", reason).formParam("version", version).post("/licences/" + id + "/status");
    }

    static boolean mailed(MockMailbox mailbox, String to, String subject, String text) {
        for (int i = 0; i < 50; i++) {
            if (mailbox.getMailsSentTo(to).stream().anyMatch(m -> m.getSubject().equals(subject) && m.getText().contains(text))) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    LicenceStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Licence.<Licence> findById(id).status);
    }

    int version(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Licence.<Licence> findById(id).version);
    }
}
