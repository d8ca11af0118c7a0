package gov.exports.portal.screening;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
        Long runId = recordAll(Map.of(subject, found), trigger, version).runIds().get(id(subject));
        ScreeningRun run = ScreeningRun.findById(runId);
        return new Outcome(run, ScreeningHit.<ScreeningHit> list("run = ?1 order by id", run));
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
        Map<ScreeningSubject, ScreeningSearch.Found> found = new LinkedHashMap<>();
        for (ScreeningSubject subject : subjects) {
            check(subject);
            found.put(subject, searched.computeIfAbsent(description(subject), d -> search.find(d, PartyScorer.HIT_THRESHOLD, HITS_KEPT)));
        }
        return recordAll(found, trigger, version).newHits();
    }

    /** What is matched of a subject: parties described alike get the same results. */
    static ScreeningSubject description(ScreeningSubject subject) {
        return new ScreeningSubject("SEARCH", 0L, subject.name(), subject.altNames(), subject.address(), subject.city(), subject.country());
    }

    /**
     * Records re-screenings whose results were found without a search (a delta re-screening matched the parties
     * against the changed entries only, see {@link RescreeningScope}): the hits, scored here from the entries the scope
     * named, and what the candidate query would now see for each name key. Returns the number of new hits.
     */
    @Transactional
    public int recordFound(Map<ScreeningSubject, RescreeningScope.Rematched> found) {
        Long version = ListVersion.current().map(v -> v.id).orElse(null);
        found.keySet().forEach(ScreeningService::check);
        Map<ScreeningSubject, ScreeningSearch.Found> results = em.unwrap(org.hibernate.Session.class)
                .doReturningWork(c -> RescreeningScope.found(c, found));
        return recordAll(results, Trigger.RESCREEN, version).newHits();
    }

    /** What {@link #recordAll} wrote: how many hits are new, and the run of each party ("type:id"). */
    private record Recorded(int newHits, Map<String, Long> runIds) {
    }

    /**
     * Records the screenings of parties, one or thousands, in a few statements for all of them (re-screening writes
     * thousands; one party at a time took about ten round trips per party and three per hit): their name keys, then the
     * hits of their latest screenings and their standing dispositions read at once, then one INSERT of the runs and one
     * of the hits. A hit is new unless the party's latest screening had the entry or a decision on it stands; a standing
     * decision sets its status (true match or false positive), otherwise it is open.
     */
    private Recorded recordAll(Map<ScreeningSubject, ScreeningSearch.Found> found, Trigger trigger, Long listVersionId) {
        if (found.isEmpty()) {
            return new Recorded(0, Map.of());
        }
        Map<String, List<Long>> idsByType = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ScreeningSubject s : found.keySet()) {
            if (!seen.add(id(s))) {
                throw new IllegalArgumentException("A party is twice in one batch: " + s.subjectType() + " " + s.subjectId());
            }
            idsByType.computeIfAbsent(s.subjectType(), t -> new ArrayList<>()).add(s.subjectId());
        }
        em.flush();
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            Map<ScreeningSubject, Map<String, PartyKeys.Candidates>> keys = new LinkedHashMap<>();
            found.forEach((s, f) -> keys.put(s, f.candidatesByKey()));
            PartyKeys.store(c, keys);
            Map<String, Set<String>> previouslyHit = new HashMap<>();
            Map<String, Standing> standing = new HashMap<>();
            for (Map.Entry<String, List<Long>> t : idsByType.entrySet()) {
                java.sql.Array ids = c.createArrayOf("bigint", t.getValue().toArray());
                readPreviousHits(c, t.getKey(), ids, previouslyHit);
                readStanding(c, t.getKey(), ids, standing);
            }
            Map<String, Long> runIds = insertRuns(c, found.keySet(), trigger, listVersionId);
            List<Object[]> hits = new ArrayList<>();
            int newHits = 0;
            for (Map.Entry<ScreeningSubject, ScreeningSearch.Found> e : found.entrySet()) {
                ScreeningSubject s = e.getKey();
                Set<String> before = previouslyHit.getOrDefault(id(s), Set.of());
                // decisions stand for the description they were made on (the fingerprint is a SHA-256: once per party)
                String described = id(s) + ":" + s.fingerprint() + ":";
                for (PartyScorer.Scored h : e.getValue().scored()) {
                    Standing d = standing.get(described + h.candidate().entryId());
                    boolean isNew = d == null && !before.contains(h.candidate().entryKey());
                    ScreeningHit.Status status = d == null ? ScreeningHit.Status.OPEN
                            : d.trueMatch() ? ScreeningHit.Status.TRUE_MATCH : ScreeningHit.Status.FALSE_POSITIVE;
                    hits.add(new Object[] { runIds.get(id(s)), h.candidate().entryId(),
                            BigDecimal.valueOf(h.score()).setScale(3, java.math.RoundingMode.HALF_UP), h.matchedName(), h.matchedKind(),
                            String.join("\n", h.explanation()), status.name(), d == null ? null : d.dispositionId(), isNew });
                    newHits += isNew ? 1 : 0;
                }
            }
            insertHits(c, hits);
            return new Recorded(newHits, runIds);
        });
    }

    /** "type:id": how a party is named across the maps of one batch. */
    private static String id(ScreeningSubject s) {
        return s.subjectType() + ":" + s.subjectId();
    }

    /** A decision still standing for a party description and entry version. */
    private record Standing(long dispositionId, boolean trueMatch) {
    }

    /** The entry keys the latest screening of each of these parties hit, into {@code into} ("type:id" -> entry keys). */
    private static void readPreviousHits(Connection c, String type, java.sql.Array ids, Map<String, Set<String>> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.subject_id, e.entry_key FROM (
                  SELECT DISTINCT ON (subject_id) id, subject_id FROM screening_run
                  WHERE subject_type = ? AND subject_id = ANY(?) ORDER BY subject_id, id DESC) r
                JOIN screening_hit h ON h.run_id = r.id JOIN screening_entry e ON e.id = h.entry_id""")) {
            ps.setString(1, type);
            ps.setArray(2, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(type + ":" + rs.getLong(1), x -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
    }

    /** The latest decision per party, description and entry, into {@code into} ("type:id:fingerprint:entry"). */
    private static void readStanding(Connection c, String type, java.sql.Array ids, Map<String, Standing> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (subject_id, subject_fingerprint, entry_id) subject_id, subject_fingerprint, entry_id, id, decision
                FROM screening_disposition WHERE subject_type = ? AND subject_id = ANY(?)
                ORDER BY subject_id, subject_fingerprint, entry_id, id DESC""")) {
            ps.setString(1, type);
            ps.setArray(2, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(type + ":" + rs.getLong(1) + ":" + rs.getString(2).strip() + ":" + rs.getLong(3),
                            new Standing(rs.getLong(4), Disposition.Decision.TRUE_MATCH.name().equals(rs.getString(5))));
                }
            }
        }
    }

    /** One run per party, in the order given (ids ascending: the latest screening is the one with the highest id). */
    private static Map<String, Long> insertRuns(Connection c, Collection<ScreeningSubject> subjects, Trigger trigger, Long listVersionId)
            throws SQLException {
        Function<Function<ScreeningSubject, Object>, Object[]> column = f -> subjects.stream().map(f).toArray();
        Map<String, Long> runIds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO screening_run (subject_type, subject_id, subject_fingerprint, party_name, party_alt_names, party_address,
                  party_city, party_country, list_version_id, trigger)
                SELECT t, i, f, nm, a::jsonb, ad, ci, co, ?, ?
                FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                  WITH ORDINALITY AS x(t, i, f, nm, a, ad, ci, co, o)
                ORDER BY o
                RETURNING id, subject_type, subject_id""")) {
            ps.setObject(1, listVersionId, java.sql.Types.BIGINT);
            ps.setString(2, trigger.name());
            ps.setArray(3, c.createArrayOf("text", column.apply(ScreeningSubject::subjectType)));
            ps.setArray(4, c.createArrayOf("bigint", column.apply(ScreeningSubject::subjectId)));
            ps.setArray(5, c.createArrayOf("text", column.apply(ScreeningSubject::fingerprint)));
            ps.setArray(6, c.createArrayOf("text", column.apply(ScreeningSubject::name)));
            ps.setArray(7, c.createArrayOf("text", column.apply(s -> AuditLog.toJson(s.altNames()))));
            ps.setArray(8, c.createArrayOf("text", column.apply(ScreeningSubject::address)));
            ps.setArray(9, c.createArrayOf("text", column.apply(ScreeningSubject::city)));
            ps.setArray(10, c.createArrayOf("text", column.apply(ScreeningSubject::country)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runIds.put(rs.getString(2) + ":" + rs.getLong(3), rs.getLong(1));
                }
            }
        }
        return runIds;
    }

    /** The hits, one row each: run, entry, score, matched name and kind, explanation, status, disposition, new. */
    private static void insertHits(Connection c, List<Object[]> hits) throws SQLException {
        if (hits.isEmpty()) {
            return;
        }
        String[] sqlTypes = { "bigint", "bigint", "numeric", "text", "text", "text", "text", "bigint", "boolean" };
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO screening_hit (run_id, entry_id, score, matched_name, matched_kind, explanation, status,
                  disposition_id, is_new)
                SELECT r, e, sc, mn, mk, ex, st, d, nw FROM unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::bigint[], ?::boolean[]) WITH ORDINALITY AS x(r, e, sc, mn, mk, ex, st, d, nw, o) ORDER BY o""")) {
            for (int j = 0; j < sqlTypes.length; j++) {
                int col = j;
                ps.setArray(j + 1, c.createArrayOf(sqlTypes[j], hits.stream().map(h -> h[col]).toArray()));
            }
            ps.executeUpdate();
        }
    }

    private static void check(ScreeningSubject subject) {
        if (subject == null || subject.subjectType() == null || !subject.subjectType().matches("^[A-Z][A-Z_]{1,39}$")
                || subject.subjectId() == null || subject.name() == null || subject.name().isBlank()) {
            throw new IllegalArgumentException("A screening subject needs a type (e.g. APPLICATION_PARTY), an id and a name");
        }
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
