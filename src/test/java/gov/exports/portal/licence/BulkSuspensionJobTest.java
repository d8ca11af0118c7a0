package gov.exports.portal.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.OtherInstance;
import gov.exports.portal.support.PortalSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The bulk suspension job: its page shows "n of m" while it runs, and a failure part-way leaves every licence as it was. */
@QuarkusTest
class BulkSuspensionJobTest {

    @Inject
    LicenceFixtures fixtures;

    @Inject
    BulkSuspensions bulk;

    @Inject
    EntityManager em;

    @Inject
    MockMailbox mailbox;

    @Inject
    BulkSuspensions.Progress progress;

    long job(String status, int processed, long... licenceIds) {
        StringBuilder ids = new StringBuilder();
        for (long id : licenceIds) {
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO licence_bulk_job (event_kind, event_id, event_reference, reason, licence_ids, status, processed, total,
                    requested_by_subject, requested_by_name, finished_at)
                VALUES ('policy', :event, 'policy:0 Test rule', 'The test rule bars these exports.', CAST(:ids AS bigint[]), :status,
                    :processed, :total, 'senior-subject', 'Sam Senior', CASE WHEN :status IN ('DONE', 'FAILED') THEN now() END)
                RETURNING id""").setParameter("event", -System.nanoTime()).setParameter("ids", "{" + ids + "}")
                .setParameter("status", status).setParameter("processed", processed).setParameter("total", licenceIds.length)
                .getSingleResult()).longValue());
    }

    BulkSuspensionJob reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> BulkSuspensionJob.<BulkSuspensionJob> findById(id));
    }

    LicenceStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Licence.<Licence> findById(id).status);
    }

    @Test
    void aRunningJobShowsHowManyLicencesAreDoneAndRefreshesItselfWithoutJavaScript() {
        Licence a = fixtures.issued("nvidia", 5, "150000.00");
        Licence b = fixtures.issued("amd", 5, "150000.00");
        long id = job("RUNNING", 1, a.id, b.id);
        String page = PortalSession.of("officer").given().get("/licences/policy-events/jobs/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<meta http-equiv=\"refresh\" content=\"2\">"), "refreshes itself");
        assertTrue(page.contains("Suspending: 1 of 2 licences (50%)"), page);
        assertTrue(page.contains("<progress max=\"100\" value=\"50\""), page);
        assertTrue(page.contains(a.number) && page.contains(b.number) && page.contains("Sam Senior"), page);
        assertFalse(page.contains("<script>"), "no inline script");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE licence_bulk_job SET status = 'FAILED', finished_at = now() WHERE id = :id").setParameter("id", id).executeUpdate());
    }

    @Test
    void aLicenceThatCannotBeSuspendedStopsTheJobAndNothingIsSuspended() {
        mailbox.clear();
        Licence first = fixtures.issued("nvidia", 5, "150000.00");
        Licence second = fixtures.issued("amd", 5, "150000.00");
        // revoked after the official saw the list: the second licence can no longer be suspended
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE licence SET status = 'REVOKED' WHERE id = :id")
                .setParameter("id", second.id).executeUpdate());
        long id = job("QUEUED", 0, first.id, second.id);

        bulk.run(id);

        BulkSuspensionJob j = reload(id);
        assertEquals(BulkSuspensionJob.Status.FAILED, j.status);
        assertTrue(j.message.contains(second.number + " is revoked") && j.message.contains("nothing was suspended"), j.message);
        assertEquals(LicenceStatus.ACTIVE, status(first.id), "the licence suspended before the failure is rolled back");
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE action = 'licence.suspended' AND target_id = :id").setParameter("id",
                        String.valueOf(first.id)).getSingleResult()).longValue());
        assertEquals(0, audited, "no audit record of a suspension that did not happen");
        assertTrue(mailbox.getMailsSentTo("nvidia-vendor@demo.example").stream().noneMatch(m -> m.getSubject().contains(first.number)),
                "nobody told of a suspension that did not happen");
        String page = PortalSession.of("senior").given().get("/licences/policy-events/jobs/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("nothing was suspended") && !page.contains("http-equiv=\"refresh\""), page);
    }

    @Test
    void aJobRunsOnceAndItsSuspensionsAndDoneCommitTogether() {
        mailbox.clear();
        Licence a = fixtures.issued("nvidia", 5, "150000.00");
        Licence b = fixtures.issued("amd", 5, "150000.00");
        long id = job("QUEUED", 0, a.id, b.id);
        bulk.run(id);
        BulkSuspensionJob j = reload(id);
        assertEquals(BulkSuspensionJob.Status.DONE, j.status);
        assertEquals(2, j.processed);
        assertEquals(LicenceStatus.SUSPENDED, status(a.id));
        assertEquals(LicenceStatus.SUSPENDED, status(b.id));
        String actor = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT after_state->>'requestedBy' FROM audit_record WHERE action = 'licence.suspended' AND target_id = :id")
                .setParameter("id", String.valueOf(a.id)).getSingleResult());
        assertEquals("Sam Senior", actor, "the audit record names the senior officer who asked");
        assertTrue(VerifyAndStatusTest.mailed(mailbox, "amd-vendor@demo.example", "Licence " + b.number + " suspended",
                "The test rule bars these exports."));
        // a finished job is not run again
        bulk.run(id);
        assertEquals(BulkSuspensionJob.Status.DONE, reload(id).status);
    }

    /**
     * Start-up clean-up with two instances on one database: a job another instance is still running (it holds the job's
     * advisory lock, here from a connection of its own) is left RUNNING; once that instance is gone (its connection closed,
     * the lock with it), the job is marked failed with a message saying so, audited, and its licences are untouched.
     */
    @Test
    void startUpCleanUpLeavesAJobAnotherInstanceRunsAndRelabelsOneWhoseInstanceStopped() throws Exception {
        Licence a = fixtures.issued("nvidia", 5, "150000.00");
        long id = job("RUNNING", 1, a.id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE licence_bulk_job SET requested_at = now() - interval '5 minutes' WHERE id = :id").setParameter("id", id).executeUpdate());
        try (OtherInstance running = OtherInstance.holdingJobLock(BulkSuspensions.LOCK_CLASS, id)) {
            List<Long> relabelled = progress.relabelInterrupted();
            assertFalse(relabelled.contains(id), "a job running elsewhere is not relabelled: " + relabelled);
            BulkSuspensionJob j = reload(id);
            assertEquals(BulkSuspensionJob.Status.RUNNING, j.status);
            assertEquals(null, j.message);
            String page = PortalSession.of("officer").given().get("/licences/policy-events/jobs/" + id).then().statusCode(200).extract().asString();
            assertTrue(page.contains("Suspending: 1 of 1 licences"), "still shown running: " + page);
        }
        OtherInstance.awaitLockReleased(BulkSuspensions.LOCK_CLASS, id);
        List<Long> relabelled = progress.relabelInterrupted();
        assertTrue(relabelled.contains(id), "the job of the stopped instance is relabelled: " + relabelled);
        BulkSuspensionJob j = reload(id);
        assertEquals(BulkSuspensionJob.Status.FAILED, j.status);
        assertTrue(j.finishedAt != null && j.message.startsWith("Interrupted: the portal instance running it stopped"), j.message);
        assertEquals(LicenceStatus.ACTIVE, status(a.id), "nothing was suspended");
        String page = PortalSession.of("officer").given().get("/licences/policy-events/jobs/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Nothing was suspended and every licence keeps its status"), page);
        assertFalse(page.contains("<meta http-equiv=\"refresh\""), "no longer refreshing as if running");
        Object[] audit = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT actor_subject, before_state->>'status', after_state->>'status' FROM audit_record
                WHERE action = 'licence.bulk-suspension.interrupted' AND target_id = :id""").setParameter("id", String.valueOf(id))
                .getSingleResult());
        assertEquals("system", audit[0]);
        assertEquals("RUNNING", audit[1]);
        assertEquals("FAILED", audit[2]);
        assertFalse(progress.relabelInterrupted().contains(id), "relabelled once");
    }
}
