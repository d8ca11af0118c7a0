package gov.exports.portal.licence;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.support.PortalSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A bill that became law, linked to a policy excluding Hopper parts: every affected licence suspended in one action. */
@QuarkusTest
class PolicyEventSuspensionTest {

    @Inject
    LicenceFixtures fixtures;

    @Inject
    ReviewFixtures reviews;

    @Inject
    EntityManager em;

    @Inject
    MockMailbox mailbox;

    long billBecameLawExcludingHopper() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long policy = ((Number) em.createNativeQuery("""
                    INSERT INTO policy_version (code, title, legal_basis, summary, effective_from, destinations, eligible_architectures,
                        eligible_products, excluded_architectures, excluded_products, tpp_below, dram_bandwidth_below_gbps,
                        revenue_share_rate, required_certifications, status, created_by)
                    SELECT 'SAFE-CHIPS-TEST', 'SAFE Chips Act as enacted', 'Public Law 119-999', summary, current_date, destinations,
                        array_remove(eligible_architectures, 'Hopper'), eligible_products, array_append(excluded_architectures, 'Hopper'),
                        excluded_products, tpp_below, dram_bandwidth_below_gbps, revenue_share_rate, required_certifications, 'DRAFT', 'test'
                    FROM policy_version WHERE code = '2026-01-H200' RETURNING id""").getSingleResult()).longValue();
            return ((Number) em.createNativeQuery("""
                    INSERT INTO bill (congress, bill_type, number, title_display, title_short, status, status_date, policy_version_id)
                    VALUES (119, 's', 99001, 'SAFE Chips Act', 'SAFE Chips Act', 'BECAME_LAW', current_date, :p) RETURNING id""")
                    .setParameter("p", policy).getSingleResult()).longValue();
        });
    }

    LicenceStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Licence.<Licence> findById(id).status);
    }

    static String hiddenIds(String page) {
        Matcher m = Pattern.compile("name=\"licenceIds\" value=\"([0-9,]*)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    Response suspend(PortalSession s, String path, String ids, String reason) {
        return s.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken()).formParam("licenceIds", ids)
                .formParam("reason", reason).post(path + "/suspension");
    }

    /** Follows the job page as a browser would (it refreshes itself) until the job is finished; returns that page. */
    static String finished(PortalSession s, String jobPath) {
        for (int i = 0; i < 120; i++) {
            String page = s.given().get(jobPath).then().statusCode(200).extract().asString();
            if (!page.contains("http-equiv=\"refresh\"")) {
                return page;
            }
            assertTrue(page.contains("This page refreshes itself") && page.contains("<progress"), page);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the suspension job did not finish: " + jobPath);
    }

    @Test
    void officialsSeeWhatTheNewLawAffectsAndSuspendItAllInOneActionWithEveryVendorTold() {
        mailbox.clear();
        Licence nvidia = fixtures.issued("nvidia", 10, "300000.00");
        Licence amd = fixtures.issued("amd", 10, "300000.00");
        Long openApp = reviews.submitted("intel");
        String openRef = QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(openApp).reference);
        long bill = billBecameLawExcludingHopper();
        String path = "/licences/policy-events/bill/" + bill;

        PortalSession officer = PortalSession.of("officer");
        officer.given().get("/licences/policy-events").then().statusCode(200).body(containsString(path));
        String page = officer.given().get(path).then().statusCode(200).extract().asString();
        assertTrue(page.contains(nvidia.number) && page.contains(amd.number), "both licences listed");
        assertTrue(page.contains(openRef), "the open application is listed too");
        assertTrue(page.contains("Hopper") && page.contains("Shanghai Example"), "why, with product and customer");
        assertTrue(!page.contains("Suspend every affected licence"), "only senior officers suspend");

        PortalSession senior = PortalSession.of("senior");
        String seniorPage = senior.given().get(path).then().statusCode(200).extract().asString();
        String ids = hiddenIds(seniorPage);
        suspend(senior, path, ids, "").then().statusCode(400).body(containsString("reason"));
        // a list that no longer matches what is affected: nothing happens
        suspend(senior, path, ids + ",999999", "The SAFE Chips Act bars Hopper-class exports.").then().statusCode(409);
        assertEquals(LicenceStatus.ACTIVE, status(nvidia.id));
        officer.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", officer.csrfToken())
                .formParam("licenceIds", ids).formParam("reason", "Officers may not do this.").post(path + "/suspension").then().statusCode(403);

        // while a suspension for this event is under way, a second one is refused
        long running = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO licence_bulk_job (event_kind, event_id, event_reference, reason, licence_ids, status, total,
                    requested_by_subject, requested_by_name)
                VALUES ('bill', :bill, 'test', 'A suspension under way.', ARRAY[:id]::bigint[], 'RUNNING', 1, 'test', 'Test Senior')
                RETURNING id""").setParameter("bill", bill).setParameter("id", nvidia.id).getSingleResult()).longValue());
        suspend(senior, path, ids, "The SAFE Chips Act bars Hopper-class exports.").then().statusCode(409)
                .body(containsString("already under way"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE licence_bulk_job SET status = 'FAILED', finished_at = now() WHERE id = :id").setParameter("id", running).executeUpdate());

        Response queued = suspend(senior, path, ids, "The SAFE Chips Act bars Hopper-class exports.");
        queued.then().statusCode(303);
        String jobPath = queued.header("Location").replaceFirst("^https?://[^/]+", "");
        assertTrue(jobPath.startsWith("/licences/policy-events/jobs/"), jobPath);
        String done = finished(senior, jobPath);
        assertTrue(done.contains(ids.split(",").length + (ids.contains(",") ? " licences" : " licence") + " suspended in one action"), done);
        assertTrue(done.contains(nvidia.number) && done.contains(amd.number), "the outcome lists every licence");
        assertTrue(!done.contains("http-equiv=\"refresh\""), "a finished job stops refreshing");
        assertEquals(LicenceStatus.SUSPENDED, status(nvidia.id));
        assertEquals(LicenceStatus.SUSPENDED, status(amd.id));
        for (String id : ids.split(",")) {
            assertEquals(LicenceStatus.SUSPENDED, status(Long.parseLong(id)), "every affected licence suspended: " + id);
        }
        officer.given().get(jobPath).then().statusCode(200);
        PortalSession.of("nvidia-vendor").given().get(jobPath).then().statusCode(403);
        String after = senior.given().get(path).then().statusCode(200).extract().asString();
        assertTrue(after.contains("No active licence is affected") && after.contains(jobPath), after);

        for (String[] v : new String[][] { { "nvidia-vendor@demo.example", nvidia.number }, { "amd-vendor@demo.example", amd.number } }) {
            assertTrue(VerifyAndStatusTest.mailed(mailbox, v[0], "Licence " + v[1] + " suspended", "The SAFE Chips Act bars Hopper-class exports."), "mail to " + v[0]);
        }
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE action = 'licence.suspended' AND after_state::text LIKE '%SAFE Chips Act%' AND target_id IN (:a, :b)")
                .setParameter("a", String.valueOf(nvidia.id)).setParameter("b", String.valueOf(amd.id)).getSingleResult()).longValue());
        assertEquals(2, audited);
        // unlink the test law so later tests see the demo tracker as it was
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM bill WHERE id = :id").setParameter("id", bill).executeUpdate());
    }
}
