package gov.exports.portal.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.PortalConflictException;

/**
 * Screening in the workflow: screen a party and keep the result, say whether a set of parties is clear for
 * approval, and record officers' dispositions of hits.
 */
@ApplicationScoped
public class ScreeningService {

    public enum Trigger {
        SCREEN, RESCREEN
    }

    /** What one screening found. */
    public record Outcome(ScreeningRun run, List<ScreeningHit> hits) {
        public boolean clear() {
            return hits.stream().allMatch(h -> h.status == ScreeningHit.Status.FALSE_POSITIVE);
        }
    }

    /** Whether parties may be approved; when not, why, in an officer's words. */
    @io.quarkus.qute.TemplateData
    public record Clearance(boolean blocked, List<String> reasons, int openHits, int trueMatches) {
        public boolean cleared() {
            return !blocked;
        }
    }

    @Inject
    ScreeningSearch search;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    CurrentUser currentUser;

    /** Screens a party against the list in force and stores the hits; earlier false-positive decisions carry over. */
    @Transactional
    public Outcome screen(ScreeningSubject subject) {
        return screen(subject, Trigger.SCREEN);
    }

    @Transactional
    public Outcome screen(ScreeningSubject subject, Trigger trigger) {
        check(subject);
        Long version = ListVersion.current().map(v -> v.id).orElse(null);
        ScreeningSearch.Found found = search.find(subject, PartyScorer.HIT_THRESHOLD, HITS_KEPT);
        return record(subject, trigger, version, found.scored(), found.candidatesByKey());
    }

    /** At most so many hits are kept per screening (the best). */
    static final int HITS_KEPT = 50;

    /**
     * Screens several subjects in one transaction (re-screening after a list update). Parties described alike (the
     * same approved customer on many applications) are searched once: {@code searched} holds the results by
     * description for one list version, so the caller keeps it for the whole job. Returns the number of new hits.
     */
    @Transactional
    public int screenAll(List<ScreeningSubject> subjects, Trigger trigger, Map<ScreeningSubject, ScreeningSearch.Found> searched) {
        Long version = ListVersion.current().map(v -> v.id).orElse(null);
        int newHits = 0;
        for (ScreeningSubject subject : subjects) {
            check(subject);
            ScreeningSearch.Found found = searched.computeIfAbsent(description(subject),
                    d -> search.find(d, PartyScorer.HIT_THRESHOLD, HITS_KEPT));
            newHits += (int) record(subject, trigger, version, found.scored(), found.candidatesByKey()).hits().stream()
                    .filter(h -> h.isNew).count();
        }
        return newHits;
    }

    /** What is matched of a subject: parties described alike get the same results. */
    static ScreeningSubject description(ScreeningSubject subject) {
        return new ScreeningSubject("SEARCH", 0L, subject.name(), subject.altNames(), subject.address(), subject.city(), subject.country());
    }

    /**
     * Records re-screenings whose results were found without a search (a delta re-screening matched the parties
     * against the changed entries only, see {@link RescreeningScope}): the hits, and what the candidate query would
     * now see for each name key. Returns the number of new hits.
     */
    @Transactional
    public int recordFound(Map<ScreeningSubject, RescreeningScope.Rematched> found) {
        Long version = ListVersion.current().map(v -> v.id).orElse(null);
        int newHits = 0;
        for (Map.Entry<ScreeningSubject, RescreeningScope.Rematched> e : found.entrySet()) {
            check(e.getKey());
            newHits += (int) record(e.getKey(), Trigger.RESCREEN, version, e.getValue().scored(), e.getValue().candidatesByKey())
                    .hits().stream().filter(h -> h.isNew).count();
        }
        return newHits;
    }

    /** The party's name keys as screened now: a list update finds the parties its changes concern by them. */
    private void storeKeys(ScreeningSubject subject, Map<String, PartyKeys.Candidates> candidates) {
        em.unwrap(org.hibernate.Session.class).doWork(c -> PartyKeys.store(c, Map.of(subject, candidates)));
    }

    private static void check(ScreeningSubject subject) {
        if (subject == null || subject.subjectType() == null || !subject.subjectType().matches("^[A-Z][A-Z_]{1,39}$")
                || subject.subjectId() == null || subject.name() == null || subject.name().isBlank()) {
            throw new IllegalArgumentException("A screening subject needs a type (e.g. APPLICATION_PARTY), an id and a name");
        }
    }

    private Outcome record(ScreeningSubject subject, Trigger trigger, Long listVersionId, List<PartyScorer.Scored> found,
            Map<String, PartyKeys.Candidates> candidates) {
        storeKeys(subject, candidates);
        ScreeningRun previous = ScreeningRun.latest(subject.subjectType(), subject.subjectId());
        Set<String> previouslyHit = new HashSet<>();
        if (previous != null) {
            for (ScreeningHit h : ScreeningHit.<ScreeningHit> list("run", previous)) {
                previouslyHit.add(h.entry.entryKey);
            }
        }
        ScreeningRun run = new ScreeningRun();
        run.subjectType = subject.subjectType();
        run.subjectId = subject.subjectId();
        run.subjectFingerprint = subject.fingerprint();
        run.partyName = subject.name();
        run.partyAltNamesJson = AuditLog.toJson(subject.altNames());
        run.partyAddress = subject.address();
        run.partyCity = subject.city();
        run.partyCountry = subject.country();
        run.listVersionId = listVersionId;
        run.trigger = trigger.name();
        run.persist();

        List<ScreeningHit> hits = new ArrayList<>();
        for (PartyScorer.Scored s : found) {
            ScreeningHit h = new ScreeningHit();
            h.run = run;
            h.entry = ListEntry.findById(s.candidate().entryId());
            h.score = BigDecimal.valueOf(s.score()).setScale(3, java.math.RoundingMode.HALF_UP);
            h.matchedName = s.matchedName();
            h.matchedKind = s.matchedKind();
            h.explanation = String.join("\n", s.explanation());
            h.isNew = !previouslyHit.contains(h.entry.entryKey);
            Disposition standing = Disposition.standing(run.subjectType, run.subjectId, run.subjectFingerprint, h.entry.id);
            if (standing != null) {
                h.disposition = standing;
                h.status = standing.decision == Disposition.Decision.TRUE_MATCH ? ScreeningHit.Status.TRUE_MATCH
                        : ScreeningHit.Status.FALSE_POSITIVE;
                h.isNew = false;
            } else {
                h.status = ScreeningHit.Status.OPEN;
            }
            h.persist();
            hits.add(h);
        }
        return new Outcome(run, hits);
    }

    /**
     * Whether the given subjects may be approved: each must have been screened, with no open hit and no true
     * match in its latest screening.
     */
    @Transactional
    public Clearance clearanceFor(String subjectType, Collection<Long> subjectIds) {
        List<String> reasons = new ArrayList<>();
        int open = 0;
        int trueMatches = 0;
        if (ListVersion.current().isEmpty()) {
            // before the first import nothing can be found, which is not the same as nothing being there
            reasons.add("No screening list has been imported yet.");
        }
        for (Long id : subjectIds) {
            ScreeningRun run = ScreeningRun.latest(subjectType, id);
            if (run == null) {
                reasons.add(subjectType + " " + id + " has not been screened.");
                continue;
            }
            List<ScreeningHit> hits = ScreeningHit.list("run", run);
            for (ScreeningHit h : hits) {
                if (h.status == ScreeningHit.Status.OPEN) {
                    open++;
                    reasons.add("\"" + run.partyName + "\" may be the listed party \"" + h.entry.name + "\" (score "
                            + h.scoreText() + "): the hit has not been dispositioned.");
                } else if (h.status == ScreeningHit.Status.TRUE_MATCH) {
                    trueMatches++;
                    reasons.add("\"" + run.partyName + "\" is the listed party \"" + h.entry.name + "\" (" + h.entry.source + ").");
                }
            }
        }
        return new Clearance(!reasons.isEmpty(), reasons, open, trueMatches);
    }

    /** Hits of the latest screening of a subject. */
    public List<ScreeningHit> currentHits(String subjectType, Long subjectId) {
        ScreeningRun run = ScreeningRun.latest(subjectType, subjectId);
        return run == null ? List.of() : ScreeningHit.list("run = ?1 order by score desc", run);
    }

    /** Open hits of latest screenings, new ones first: the officers' screening queue. */
    public List<ScreeningHit> openHits(int limit) {
        return ScreeningHit.<ScreeningHit> find("""
                select h from ScreeningHit h join fetch h.run r join fetch h.entry
                where h.status = ?1 and r.id = (select max(r2.id) from ScreeningRun r2
                                                 where r2.subjectType = r.subjectType and r2.subjectId = r.subjectId)
                order by h.isNew desc, h.score desc, h.id""", ScreeningHit.Status.OPEN).page(0, limit).list();
    }

    /** Records an officer's decision on a hit; remembered for this party description and entry version. */
    @Transactional
    public ScreeningHit dispose(long hitId, int version, Disposition.Decision decision, String reason) {
        ScreeningHit hit = ScreeningHit.findById(hitId);
        if (hit == null) {
            throw new NotFoundException();
        }
        if (hit.version != version) {
            throw new PortalConflictException("Another officer changed this hit while you were looking at it. "
                    + "Reload the page to see their decision.");
        }
        ScreeningRun latest = ScreeningRun.latest(hit.run.subjectType, hit.run.subjectId);
        if (!latest.id.equals(hit.run.id)) {
            throw new PortalConflictException("This party has been screened again since this hit was found. "
                    + "Open the party's latest screening and decide there.");
        }
        String before = hit.status.name();
        Disposition d = new Disposition();
        d.subjectType = hit.run.subjectType;
        d.subjectId = hit.run.subjectId;
        d.subjectFingerprint = hit.run.subjectFingerprint;
        d.entry = hit.entry;
        d.decision = decision;
        d.reason = reason.strip();
        d.decidedBySubject = currentUser.subject();
        d.decidedByName = currentUser.displayName();
        d.persist();
        hit.disposition = d;
        hit.status = decision == Disposition.Decision.TRUE_MATCH ? ScreeningHit.Status.TRUE_MATCH : ScreeningHit.Status.FALSE_POSITIVE;
        hit.isNew = false;
        hit.persist();
        hit.flush();
        audit.record("screening.hit.dispositioned", "screening_hit", hit.id, AuditLog.state("status", before),
                AuditLog.state("status", hit.status.name(), "reason", d.reason, "subjectType", d.subjectType,
                        "subjectId", d.subjectId, "entry", hit.entry.entryKey, "entryVersion", hit.entry.id));
        return hit;
    }

    static String describe(Collection<ScreeningHit> hits) {
        return hits.stream().map(h -> h.entry.name).collect(Collectors.joining(", "));
    }
}
