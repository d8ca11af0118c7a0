package gov.exports.portal.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * again in the background, a chunk of parties per transaction, with progress officials can follow.
 */
@ApplicationScoped
public class Rescreening {

    private static final Logger LOG = Logger.getLogger(Rescreening.class);
    static final int CHUNK = 100;

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

    @Inject
    RescreeningScope scopes;

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListVersionPublished published) {
        executor.runAsync(() -> rescreenAll(published.versionId()));
    }

    /**
     * Re-screens the open subjects the version's changes concern (every open subject after a first import, a large
     * change or new matching rules); returns the job id.
     */
    public Long rescreenAll(long versionId) {
        Long jobId = jobs.start(ScreeningJob.Kind.RESCREEN, null, "system", 0);
        QuarkusTransaction.requiringNew().run(() -> ScreeningJob.update("listVersionId = ?1, matchingRules = ?2 where id = ?3",
                versionId, PartyScorer.MATCHING_RULES, jobId));
        long t0 = System.nanoTime();
        try {
            List<ScreeningSubject> subjects = new ArrayList<>();
            for (ScreeningSubjectSource source : sources) {
                jobs.progress(jobId, "Collecting open parties: " + source.subjectType(), 0, 0);
                subjects.addAll(QuarkusTransaction.requiringNew().call(source::openSubjects));
            }
            jobs.progress(jobId, "Finding the parties the changed entries concern", 0, subjects.size());
            long t1 = System.nanoTime();
            RescreeningScope.Scope scope = scopes.scope(versionId, subjects);
            long t2 = System.nanoTime();
            if (!scope.full()) {
                scopes.settle(scope.unchanged());
            }
            long t3 = System.nanoTime();
            int done = scope.unchanged().size();
            int failed = 0;
            int newHits = 0;
            List<ScreeningSubject> all = subjects;
            subjects = scope.rescreen();
            jobs.progress(jobId, "Screening parties", done, all.size());
            // parties whose hits the changed entries alter, found from those entries alone: recorded in chunks too
            List<ScreeningSubject> rematched = new ArrayList<>(scope.rematched().keySet());
            for (int from = 0; from < rematched.size(); from += CHUNK) {
                Map<ScreeningSubject, RescreeningScope.Rematched> chunk = new java.util.LinkedHashMap<>();
                for (ScreeningSubject s : rematched.subList(from, Math.min(rematched.size(), from + CHUNK))) {
                    chunk.put(s, scope.rematched().get(s));
                }
                try {
                    newHits += screening.recordFound(chunk);
                } catch (RuntimeException chunkFailed) {
                    // searched in full instead, party by party below
                    subjects = new ArrayList<>(subjects);
                    subjects.addAll(chunk.keySet());
                    LOG.warnf(chunkFailed, "Recording %d re-matched parties failed; searching them in full", chunk.size());
                    continue;
                }
                done += chunk.size();
                jobs.progress(jobId, "Screening parties", done, all.size());
            }
            long t4 = System.nanoTime();
            // Chunks of parties per transaction (one commit per party made commits the cost at 10,000 applications);
            // a chunk that fails is retried party by party so that one bad party does not stop the others. Parties
            // described alike are searched once: grouped by description they follow each other, so only the results of
            // the chunk's last description are kept for the next chunk: memory bounded by a chunk, not by the open
            // parties (kept for the whole job, at large that was up to 50 scored hits for each of ~5,000 descriptions).
            Map<ScreeningSubject, List<ScreeningSubject>> byDescription = new java.util.LinkedHashMap<>();
            for (ScreeningSubject s : subjects) {
                byDescription.computeIfAbsent(ScreeningService.description(s), d -> new ArrayList<>()).add(s);
            }
            int descriptions = byDescription.size();
            subjects = byDescription.values().stream().flatMap(List::stream).toList();
            Map<ScreeningSubject, ScreeningSearch.Found> searched = new HashMap<>();
            for (int from = 0; from < subjects.size(); from += CHUNK) {
                List<ScreeningSubject> chunk = subjects.subList(from, Math.min(subjects.size(), from + CHUNK));
                searched.keySet().retainAll(java.util.Set.of(ScreeningService.description(chunk.get(0))));
                try {
                    newHits += screening.screenAll(chunk, ScreeningService.Trigger.RESCREEN, searched);
                } catch (RuntimeException chunkFailed) {
                    for (ScreeningSubject s : chunk) {
                        try {
                            newHits += screening.screenAll(List.of(s), ScreeningService.Trigger.RESCREEN, searched);
                        } catch (RuntimeException e) {
                            failed++;
                            LOG.errorf(e, "Re-screening of %s %d failed", s.subjectType(), s.subjectId());
                        }
                    }
                }
                done += chunk.size();
                jobs.progress(jobId, "Screening parties", done, all.size());
            }
            LOG.infof("Re-screening against version %d: open parties collected %d ms, scope %d ms, others settled %d ms, "
                    + "%d re-matched recorded %d ms, %d searched in full (%d distinct descriptions) %d ms", versionId, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, rematched.size(), (t4 - t3) / 1_000_000, subjects.size(), descriptions,
                    (System.nanoTime() - t4) / 1_000_000);
            String how = scope.full() ? "every open party (" + scope.fullBecause() + ")"
                    // the parties whose hits stay include those matched against the changes without a new hit
                    : String.format("against the %d changed entries: of the parties their names concern, %d were matched against "
                            + "those entries only (%d of them have other hits now); searched in full: %d. Open parties whose hits stay: %d",
                            scope.changedEntries(), scope.matchedAgainstChanges(), scope.rematched().size(), subjects.size(),
                            scope.unchanged().size());
            jobs.finish(jobId, versionId, String.format("%d parties re-screened against version %d: %d new hits%s. Screened %s.",
                    subjects.size() + scope.rematched().size(), versionId, newHits,
                    failed > 0 ? ", " + failed + " could not be screened (see the log)" : "", how));
        } catch (RuntimeException e) {
            LOG.error("Re-screening failed", e);
            jobs.fail(jobId, "Re-screening stopped: " + e.getClass().getSimpleName() + ". Parties screened so far keep their results.");
        }
        return jobId;
    }
}
