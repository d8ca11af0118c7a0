package gov.exports.portal.screening;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.jobs.JobLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Progress records of imports and re-screenings. Every update commits on its own (REQUIRES_NEW), so the page
 * officials watch sees it while the work's own transaction is still open. While a job of this instance is running, the
 * instance holds the job's advisory lock ({@link JobLocks}): that is how a restarting instance tells a job still running
 * elsewhere from one whose instance stopped.
 */
@ApplicationScoped
public class ScreeningJobs {

    private static final Logger LOG = Logger.getLogger(ScreeningJobs.class);

    /** Two-key advisory lock (class, job id) held by the instance running a screening job. */
    static final int LOCK_CLASS = 7008;

    static final String INTERRUPTED = "Interrupted: the portal instance running it stopped before it finished. "
            + "An interrupted import changed nothing (the list in force is unchanged); parties a re-screening had not reached "
            + "keep their previous results.";

    @Inject
    JobLocks locks;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    public Long start(ScreeningJob.Kind kind, String fileName, String startedBy, int total) {
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            ScreeningJob j = new ScreeningJob();
            j.kind = kind;
            j.status = ScreeningJob.Status.RUNNING;
            j.phase = "Starting";
            j.fileName = fileName;
            j.startedByName = startedBy;
            j.total = total;
            j.persist();
            return j.id;
        });
        locks.hold(LOCK_CLASS, id);
        return id;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(Long jobId, String phase, int done, int total) {
        if (jobId == null) {
            return;
        }
        ScreeningJob.update("phase = ?1, done = ?2, total = ?3 where id = ?4 and status = ?5", phase, done, total, jobId,
                ScreeningJob.Status.RUNNING);
    }

    public void finish(Long jobId, Long versionId, String message) {
        if (jobId == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ScreeningJob j = ScreeningJob.findById(jobId);
            j.status = ScreeningJob.Status.DONE;
            j.phase = "Finished";
            j.done = Math.max(j.done, j.total);
            if (versionId != null) {
                j.listVersionId = versionId;
            }
            j.message = message;
            j.finishedAt = OffsetDateTime.now();
        });
        locks.release(LOCK_CLASS, jobId);
    }

    public void fail(Long jobId, String message) {
        if (jobId == null) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ScreeningJob j = ScreeningJob.findById(jobId);
                j.status = ScreeningJob.Status.FAILED;
                j.phase = "Stopped";
                j.message = message;
                j.finishedAt = OffsetDateTime.now();
            });
        } finally {
            locks.release(LOCK_CLASS, jobId);
        }
    }

    void atStartup(@Observes StartupEvent start) {
        relabelInterrupted();
    }

    /**
     * Jobs left RUNNING whose instance stopped will not finish: they are marked FAILED with a message saying so (audited),
     * instead of showing as running forever. A job that another instance is still running holds its advisory lock and is
     * left alone; a minute's grace covers the moment between a job's row being written and its lock being taken.
     * Returns the ids relabelled.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> relabelInterrupted() {
        List<Object[]> rows = em.createNativeQuery("""
                WITH stopped AS (
                    SELECT id, phase, done, total FROM screening_job
                    WHERE status = 'RUNNING' AND started_at < now() - interval '1 minute' AND %s
                    FOR UPDATE)
                UPDATE screening_job j SET status = 'FAILED', phase = 'Stopped', message = :message, finished_at = now()
                FROM stopped WHERE j.id = stopped.id AND j.status = 'RUNNING'
                RETURNING j.id, stopped.phase, stopped.done, stopped.total""".formatted(JobLocks.NOT_HELD))
                .setParameter("lockClass", LOCK_CLASS).setParameter("message", INTERRUPTED).getResultList();
        List<Long> ids = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            ids.add(id);
            audit.recordSystem("screening.job.interrupted", "screening_job", id,
                    AuditLog.state("status", "RUNNING", "phase", r[1], "done", r[2], "total", r[3]),
                    AuditLog.state("status", "FAILED", "phase", "Stopped", "message", INTERRUPTED));
        }
        if (!ids.isEmpty()) {
            LOG.warnf("Screening jobs %s were left running by a stopped instance: marked failed", ids);
        }
        return ids;
    }
}
