package gov.exports.portal.screening;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

/**
 * Progress records of imports and re-screenings. Every update commits on its own (REQUIRES_NEW), so the page
 * officials watch sees it while the work's own transaction is still open.
 */
@ApplicationScoped
public class ScreeningJobs {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Long start(ScreeningJob.Kind kind, String fileName, String startedBy, int total) {
        ScreeningJob j = new ScreeningJob();
        j.kind = kind;
        j.status = ScreeningJob.Status.RUNNING;
        j.phase = "Starting";
        j.fileName = fileName;
        j.startedByName = startedBy;
        j.total = total;
        j.persist();
        return j.id;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(Long jobId, String phase, int done, int total) {
        if (jobId == null) {
            return;
        }
        ScreeningJob.update("phase = ?1, done = ?2, total = ?3 where id = ?4 and status = ?5", phase, done, total, jobId,
                ScreeningJob.Status.RUNNING);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(Long jobId, Long versionId, String message) {
        if (jobId == null) {
            return;
        }
        ScreeningJob j = ScreeningJob.findById(jobId);
        j.status = ScreeningJob.Status.DONE;
        j.phase = "Finished";
        j.done = Math.max(j.done, j.total);
        if (versionId != null) {
            j.listVersionId = versionId;
        }
        j.message = message;
        j.finishedAt = OffsetDateTime.now();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(Long jobId, String message) {
        if (jobId == null) {
            return;
        }
        ScreeningJob j = ScreeningJob.findById(jobId);
        j.status = ScreeningJob.Status.FAILED;
        j.phase = "Stopped";
        j.message = message;
        j.finishedAt = OffsetDateTime.now();
    }

    /** Work that was running when the portal stopped will not finish: say so instead of showing it running forever. */
    @Transactional
    void abandonInterrupted(@Observes StartupEvent start) {
        ScreeningJob.update("status = ?1, phase = 'Stopped', message = 'Interrupted by a restart of the portal.', "
                + "finishedAt = ?2 where status = ?3", ScreeningJob.Status.FAILED, OffsetDateTime.now(), ScreeningJob.Status.RUNNING);
    }
}
