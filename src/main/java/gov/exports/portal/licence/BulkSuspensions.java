package gov.exports.portal.licence;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.jobs.JobLocks;
import gov.exports.portal.web.PortalConflictException;
import io.quarkus.runtime.StartupEvent;

/**
 * Suspension of every licence a policy event affects, as a job: the request records it (QUEUED) and a worker runs it in
 * one transaction (all or nothing). The worker writes "n of m" to the job row in separate short transactions
 * (REQUIRES_NEW) so the status page sees progress while the suspensions are still uncommitted; DONE is written inside the
 * suspension transaction itself, so a job shows DONE exactly when its suspensions are committed.
 */
@ApplicationScoped
public class BulkSuspensions {

    private static final Logger LOG = Logger.getLogger(BulkSuspensions.class);

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    LicenceActions actions;

    @Inject
    EntityManager em;

    @Inject
    Progress progress;

    @Inject
    JobLocks locks;

    /** One bulk suspension at a time per instance; no request or transaction context carried into the worker. */
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING).build();

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Records the job in the caller's transaction, audited as the senior officer's request. Start it after commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Long queue(PolicyEvents.Event event, List<Long> licenceIds, String reason) {
        if (BulkSuspensionJob.count("eventKind = ?1 and eventId = ?2 and status in ?3", event.kind(), event.id(),
                List.of(BulkSuspensionJob.Status.QUEUED, BulkSuspensionJob.Status.RUNNING)) > 0) {
            throw new PortalConflictException("A suspension of the licences this event affects is already under way. "
                    + "Follow it from the event's page; nothing more was started.");
        }
        BulkSuspensionJob job = new BulkSuspensionJob();
        job.eventKind = event.kind();
        job.eventId = event.id();
        job.eventReference = event.getReference();
        job.reason = reason;
        job.licenceIds = List.copyOf(licenceIds);
        job.total = licenceIds.size();
        job.requestedBySubject = currentUser.subject();
        job.requestedByName = currentUser.displayName();
        try {
            job.persist(); // an identity insert, run now: the partial unique index settles two seniors asking at the same moment
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new PortalConflictException("Another senior officer started a suspension of these licences at the same moment. "
                    + "Follow it from the event's page; nothing more was started.");
        }
        audit.record("licence.bulk-suspension.requested", "licence_bulk_job", job.id, null, AuditLog.state("event",
                job.eventReference, "licences", job.licenceIds, "reason", reason, "status", job.status.name()));
        return job.id;
    }

    /**
     * Hands a committed job to the worker. From now until the worker is done with it, this instance holds the job's advisory
     * lock ({@link JobLocks}), also while the job waits behind another one: other instances see the job is alive.
     */
    public void start(Long jobId) {
        locks.hold(LOCK_CLASS, jobId);
        try {
            executor.runAsync(() -> {
                try {
                    run(jobId);
                } finally {
                    locks.release(LOCK_CLASS, jobId);
                }
            });
        } catch (RuntimeException e) {
            locks.release(LOCK_CLASS, jobId);
            throw e;
        }
    }

    /** The worker: RUNNING, then everything in one transaction; FAILED (nothing suspended) if that transaction rolls back. */
    void run(Long jobId) {
        try {
            progress.running(jobId);
            suspendAll(jobId);
        } catch (RuntimeException e) {
            String why = e instanceof PortalConflictException ? e.getMessage() + " " : "";
            if (!(e instanceof PortalConflictException)) {
                LOG.errorf(e, "Bulk suspension job %d failed", jobId);
            }
            progress.fail(jobId, why + "The suspension was rolled back: nothing was suspended and every licence keeps its status.");
        }
    }

    /**
     * Two-key advisory lock (class, job id) held by the instance that queued the job until its worker is done with it
     * ({@link #start}): how a restarting instance tells a live job. (Not taken again by the worker's own transaction: that
     * would wait for this instance's own lock.)
     */
    static final int LOCK_CLASS = 7007;

    @Transactional
    void suspendAll(Long jobId) {
        BulkSuspensionJob job = BulkSuspensionJob.findById(jobId);
        int n = actions.suspendAll(job, done -> progress.processed(jobId, done));
        // in this transaction, after the last progress update committed: DONE commits with the suspensions or not at all
        job.status = BulkSuspensionJob.Status.DONE;
        job.processed = n;
        job.finishedAt = OffsetDateTime.now();
        job.message = n + (n == 1 ? " licence" : " licences") + " suspended in one action; each licensee has been told by email and in the portal.";
        em.flush();
    }

    /** Progress writes, each committed on its own so other sessions see it while the suspension is under way. */
    @ApplicationScoped
    public static class Progress {

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void running(Long jobId) {
            int n = BulkSuspensionJob.update("status = ?1 where id = ?2 and status = ?3", BulkSuspensionJob.Status.RUNNING, jobId,
                    BulkSuspensionJob.Status.QUEUED);
            if (n != 1) {
                throw new PortalConflictException("The job is no longer waiting to start.");
            }
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void processed(Long jobId, int done) {
            BulkSuspensionJob.update("processed = ?1 where id = ?2 and status = ?3", done, jobId, BulkSuspensionJob.Status.RUNNING);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void fail(Long jobId, String message) {
            BulkSuspensionJob.update("status = ?1, message = ?2, finishedAt = ?3 where id = ?4 and status in ?5",
                    BulkSuspensionJob.Status.FAILED, message, OffsetDateTime.now(), jobId,
                    List.of(BulkSuspensionJob.Status.QUEUED, BulkSuspensionJob.Status.RUNNING));
        }

        @Inject
        EntityManager em;

        @Inject
        AuditLog audit;

        void atStartup(@Observes StartupEvent start) {
            relabelInterrupted();
        }

        /**
         * Jobs whose worker died (an instance stopped): their transaction died with it, so nothing was suspended; they are
         * marked FAILED with a message saying so, audited. A job queued or running on another instance holds its advisory lock
         * and is left alone (probed with a try-lock in this transaction, released at commit); a minute's grace covers the
         * moment between queueing and the lock being taken. Returns the ids relabelled.
         */
        @Transactional
        @SuppressWarnings("unchecked")
        public List<Long> relabelInterrupted() {
            List<Object[]> rows = em.createNativeQuery("""
                    WITH stopped AS (
                        SELECT id, status, processed, total FROM licence_bulk_job
                        WHERE status IN ('QUEUED', 'RUNNING') AND requested_at < now() - interval '1 minute' AND %s
                        FOR UPDATE)
                    UPDATE licence_bulk_job j SET status = 'FAILED', finished_at = now(), message = :message
                    FROM stopped WHERE j.id = stopped.id AND j.status IN ('QUEUED', 'RUNNING')
                    RETURNING j.id, stopped.status, stopped.processed, stopped.total""".formatted(JobLocks.NOT_HELD))
                    .setParameter("lockClass", LOCK_CLASS).setParameter("message", INTERRUPTED).getResultList();
            List<Long> ids = new java.util.ArrayList<>();
            for (Object[] r : rows) {
                long id = ((Number) r[0]).longValue();
                ids.add(id);
                audit.recordSystem("licence.bulk-suspension.interrupted", "licence_bulk_job", id,
                        AuditLog.state("status", r[1], "processed", r[2], "total", r[3]),
                        AuditLog.state("status", "FAILED", "message", INTERRUPTED));
            }
            if (!ids.isEmpty()) {
                LOG.warnf("Bulk suspension jobs %s were left unfinished by a stopped instance: marked failed", ids);
            }
            return ids;
        }
    }

    static final String INTERRUPTED = "Interrupted: the portal instance running it stopped before it finished. "
            + "Nothing was suspended and every licence keeps its status; start the suspension again from the event's page.";

    /** A job officials may look at. */
    public BulkSuspensionJob job(long id) {
        BulkSuspensionJob j = BulkSuspensionJob.findById(id);
        if (j == null) {
            throw new NotFoundException();
        }
        return j;
    }

    /** The licences of a job, in the job's order, as they are now. */
    public List<Licence> licencesOf(BulkSuspensionJob job) {
        return Licence.list("id in ?1 order by id", job.licenceIds);
    }

    public List<BulkSuspensionJob> jobsOf(PolicyEvents.Event event) {
        return BulkSuspensionJob.list("eventKind = ?1 and eventId = ?2 order by id desc", event.kind(), event.id());
    }
}
