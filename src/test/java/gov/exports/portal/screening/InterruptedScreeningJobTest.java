package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.OtherInstance;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Start-up clean-up of screening jobs with several instances on one database: a job another instance is still running keeps
 * RUNNING (that instance holds the job's advisory lock, here from a connection of its own); a job whose instance stopped is
 * marked failed with a message saying so, and audited.
 */
@QuarkusTest
class InterruptedScreeningJobTest {

    @Inject
    ScreeningJobs jobs;

    @Inject
    EntityManager em;

    long runningJob() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO screening_job (kind, status, phase, done, total, file_name, started_by_name, started_at)
                VALUES ('IMPORT', 'RUNNING', 'Writing entries', 40, 100, 'csl-interrupted.csv', 'Sam Senior', now() - interval '5 minutes')
                RETURNING id""").getSingleResult()).longValue());
    }

    ScreeningJob reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ScreeningJob.<ScreeningJob> findById(id));
    }

    @Test
    void aJobRunningOnAnotherInstanceStaysRunningAndOneWhoseInstanceStoppedIsMarkedInterrupted() throws Exception {
        long id = runningJob();
        try (OtherInstance running = OtherInstance.holdingJobLock(ScreeningJobs.LOCK_CLASS, id)) {
            List<Long> relabelled = jobs.relabelInterrupted();
            assertFalse(relabelled.contains(id), "a job running elsewhere is not relabelled: " + relabelled);
            ScreeningJob j = reload(id);
            assertEquals(ScreeningJob.Status.RUNNING, j.status);
            assertNull(j.finishedAt);
            String page = PortalSession.of("officer").given().get("/screening/jobs/" + id).then().statusCode(200).extract().asString();
            assertTrue(page.contains("Writing entries"), "still shown running: " + page);
        }
        OtherInstance.awaitLockReleased(ScreeningJobs.LOCK_CLASS, id);
        List<Long> relabelled = jobs.relabelInterrupted();
        assertTrue(relabelled.contains(id), "the job of the stopped instance is relabelled: " + relabelled);
        ScreeningJob j = reload(id);
        assertEquals(ScreeningJob.Status.FAILED, j.status);
        assertTrue(j.finishedAt != null && j.message.startsWith("Interrupted: the portal instance running it stopped"), j.message);
        String page = PortalSession.of("officer").given().get("/screening/jobs/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Interrupted: the portal instance running it stopped"), page);
        Object[] audit = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT actor_subject, before_state->>'status', before_state->>'phase', after_state->>'status' FROM audit_record
                WHERE action = 'screening.job.interrupted' AND target_id = :id""").setParameter("id", String.valueOf(id))
                .getSingleResult());
        assertEquals("system", audit[0]);
        assertEquals("RUNNING", audit[1]);
        assertEquals("Writing entries", audit[2]);
        assertEquals("FAILED", audit[3]);
        assertFalse(jobs.relabelInterrupted().contains(id), "relabelled once");
    }

    @Test
    void aJobOfThisInstanceHoldsItsLockUntilItEnds() throws Exception {
        Long id = jobs.start(ScreeningJob.Kind.RESCREEN, null, "system", 0);
        try (Connection otherInstance = OtherInstance.connect(); PreparedStatement probe = otherInstance.prepareStatement(
                "SELECT pg_try_advisory_lock(?, ?), pg_advisory_unlock_all()")) {
            probe.setInt(1, ScreeningJobs.LOCK_CLASS);
            probe.setInt(2, id.intValue());
            try (var rs = probe.executeQuery()) {
                rs.next();
                assertFalse(rs.getBoolean(1), "another instance sees the running job's lock taken");
            }
            jobs.finish(id, null, "Nothing to re-screen.");
            try (var rs = probe.executeQuery()) {
                rs.next();
                assertTrue(rs.getBoolean(1), "released when the job ends");
            }
        }
        assertEquals(ScreeningJob.Status.DONE, reload(id).status);
    }
}
