package gov.exports.portal.screening;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import jakarta.annotation.PreDestroy;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * When a list version comes into force, every open party of every {@link ScreeningSubjectSource} is screened
 * again in the background, one party per transaction, with progress officials can follow.
 */
@ApplicationScoped
public class Rescreening {

    private static final Logger LOG = Logger.getLogger(Rescreening.class);

    @Inject
    @Any
    Instance<ScreeningSubjectSource> sources;

    /** One re-screening at a time, in order; no transaction or request context carried over from the import. */
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(1)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    @Inject
    ScreeningJobs jobs;

    @Inject
    ScreeningService screening;

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListVersionPublished published) {
        executor.runAsync(() -> rescreenAll(published.versionId()));
    }

    /** Re-screens every open subject; returns the job id. */
    public Long rescreenAll(long versionId) {
        Long jobId = jobs.start(ScreeningJob.Kind.RESCREEN, null, "system", 0);
        QuarkusTransaction.requiringNew().run(() -> ScreeningJob.update("listVersionId = ?1 where id = ?2", versionId, jobId));
        try {
            List<ScreeningSubject> subjects = new ArrayList<>();
            for (ScreeningSubjectSource source : sources) {
                jobs.progress(jobId, "Collecting open parties: " + source.subjectType(), 0, 0);
                subjects.addAll(QuarkusTransaction.requiringNew().call(source::openSubjects));
            }
            int done = 0;
            int failed = 0;
            int newHits = 0;
            jobs.progress(jobId, "Screening parties", 0, subjects.size());
            for (ScreeningSubject s : subjects) {
                try {
                    ScreeningService.Outcome o = screening.screen(s, ScreeningService.Trigger.RESCREEN);
                    newHits += (int) o.hits().stream().filter(h -> h.isNew).count();
                } catch (RuntimeException e) {
                    failed++;
                    LOG.errorf(e, "Re-screening of %s %d failed", s.subjectType(), s.subjectId());
                }
                done++;
                if (done % 20 == 0 || done == subjects.size()) {
                    jobs.progress(jobId, "Screening parties", done, subjects.size());
                }
            }
            jobs.finish(jobId, versionId, String.format("%d parties re-screened against version %d: %d new hits%s.",
                    subjects.size(), versionId, newHits, failed > 0 ? ", " + failed + " could not be screened (see the log)" : ""));
        } catch (RuntimeException e) {
            LOG.error("Re-screening failed", e);
            jobs.fail(jobId, "Re-screening stopped: " + e.getClass().getSimpleName() + ". Parties screened so far keep their results.");
        }
        return jobId;
    }
}
