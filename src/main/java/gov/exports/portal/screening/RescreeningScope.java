package gov.exports.portal.screening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * What a list version changes in the screening of open parties. A party's screening depends on the list only through
 * the candidates {@link ScreeningSearch} takes from PostgreSQL (per name key, the names passing the test whole key
 * {@code %} or distinctive words {@code <%}, best {@link ScreeningSearch#CANDIDATES_PER_NAME} by rank); scores are
 * per entry. So a party for which no added, changed or removed name passes that test keeps its hits. A party for
 * which some do is matched against the changed entries only, when the stored candidate counts show that this is
 * exactly what a search would find: its hits on entries in force stay, hits on retired entries go, and the added
 * entries that pass the test are scored; only when the limit could now keep other names (it cut names off and a
 * changed name ranks among those kept, or the changes take a key past the limit), when the party had as many hits as
 * are kept, or when nothing is stored for it, is it searched in full. Parties never screened as they are described
 * now are searched in full too.
 */
@ApplicationScoped
public class RescreeningScope {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RescreeningScope.class);

    /** More changed entries than this share of the list: a full re-screening is as cheap and simpler. */
    static final double DELTA_LIMIT = 0.2;

    /**
     * Results found without a search: the entries that are the party's hits if they score as a search scores them (the
     * added entries that hit it, and its hits still in force), and what the candidate query would see now for each name
     * key. The hits are scored when a chunk of parties is recorded ({@link #found}): scored for the whole job, with their
     * explanations, they held about 30 MB of the heap at the large bench scale.
     */
    public record Rematched(List<Long> entries, Map<String, PartyKeys.Candidates> candidatesByKey) {
    }

    /**
     * The parties to search again in full ({@code rescreen}), those whose hits the changes alter, found from the
     * changed entries alone ({@code rematched}), and those that keep their hits ({@code unchanged}); or why every
     * open party must be searched ({@code fullBecause}).
     */
    public record Scope(List<ScreeningSubject> rescreen, Map<ScreeningSubject, Rematched> rematched, List<ScreeningSubject> unchanged,
            String fullBecause, int changedEntries, int matchedAgainstChanges) {
        boolean full() {
            return fullBecause != null;
        }
    }

    @Inject
    EntityManager em;

    /** Decides between a full and a delta re-screening for the version; the delta is computed in SQL. */
    @Transactional
    public Scope scope(long versionId, List<ScreeningSubject> open) {
        ListVersion version = ListVersion.findById(versionId);
        Long previous = (Long) em.createQuery("select max(v.id) from ListVersion v where v.id < ?1").setParameter(1, versionId)
                .getSingleResult();
        if (previous == null) {
            return full(open, "first list version");
        }
        List<ScreeningJob> last = ScreeningJob.<ScreeningJob> find("kind = ?1 and listVersionId is not null and listVersionId < ?2 "
                + "order by id desc", ScreeningJob.Kind.RESCREEN, versionId).page(0, 1).list();
        if (last.isEmpty() || last.get(0).status != ScreeningJob.Status.DONE || !previous.equals(last.get(0).listVersionId)) {
            return full(open, "the previous version's re-screening did not finish");
        }
        if (!PartyScorer.MATCHING_RULES.equals(last.get(0).matchingRules)) {
            return full(open, "the matching rules changed");
        }
        int changedEntries = version.added + version.changed + version.removed;
        if (changedEntries > DELTA_LIMIT * Math.max(1, version.entryCount)) {
            return full(open, "more than " + Math.round(DELTA_LIMIT * 100) + "% of the entries changed");
        }
        return em.unwrap(Session.class).doReturningWork(c -> delta(c, versionId, open, changedEntries));
    }

    private static Scope full(List<ScreeningSubject> open, String why) {
        return new Scope(open, Map.of(), List.of(), why, -1, 0);
    }

    private Scope delta(Connection c, long versionId, List<ScreeningSubject> open, int changedEntries) throws SQLException {
        Map<String, ScreeningSubject> byId = new LinkedHashMap<>();
        Map<String, List<Long>> idsByType = new HashMap<>();
        for (ScreeningSubject s : open) {
            byId.put(id(s.subjectType(), s.subjectId()), s);
            idsByType.computeIfAbsent(s.subjectType(), t -> new ArrayList<>()).add(s.subjectId());
        }
        long t0 = System.nanoTime();
        Set<String> rescreen = new HashSet<>();
        // parties never screened, or described differently since their latest screening (a full re-screening
        // would screen them as described now); parties screened before their keys were stored get them now;
        // parties already screened against this version keep that screening
        Map<String, String> runFingerprint = new HashMap<>();
        Set<String> screenedAgainstThis = new HashSet<>();
        Map<String, String> keyFingerprint = new HashMap<>();
        for (Map.Entry<String, List<Long>> t : idsByType.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT ON (subject_id) subject_id, subject_fingerprint, list_version_id >= ? FROM screening_run
                    WHERE subject_type = ? AND subject_id = ANY(?) ORDER BY subject_id, id DESC""")) {
                ps.setLong(1, versionId);
                ps.setString(2, t.getKey());
                ps.setArray(3, c.createArrayOf("bigint", t.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runFingerprint.put(id(t.getKey(), rs.getLong(1)), rs.getString(2));
                        if (rs.getBoolean(3)) {
                            screenedAgainstThis.add(id(t.getKey(), rs.getLong(1)));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT subject_id, fingerprint FROM screening_party_key WHERE subject_type = ? AND subject_id = ANY(?)")) {
                ps.setString(1, t.getKey());
                ps.setArray(2, c.createArrayOf("bigint", t.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keyFingerprint.put(id(t.getKey(), rs.getLong(1)), rs.getString(2));
                    }
                }
            }
        }
        List<ScreeningSubject> keysMissing = new ArrayList<>();
        for (Map.Entry<String, ScreeningSubject> e : byId.entrySet()) {
            String fp = e.getValue().fingerprint();
            if (!fp.equals(runFingerprint.get(e.getKey()))) {
                rescreen.add(e.getKey());
            } else if (!fp.equals(keyFingerprint.get(e.getKey()))) {
                keysMissing.add(e.getValue());
            }
        }
        PartyKeys.store(c, keysMissing);
        int described = rescreen.size();
        long t1 = System.nanoTime();

        // the changed names that pass the candidate test of each concerned party's keys
        Map<String, List<Passing>> concerned = new LinkedHashMap<>();
        for (Passing p : changedNamesPassing(c, versionId)) {
            String id = id(p.subjectType(), p.subjectId());
            if (byId.containsKey(id) && !rescreen.contains(id) && !screenedAgainstThis.contains(id)) {
                concerned.computeIfAbsent(id, x -> new ArrayList<>()).add(p);
            }
        }
        long t2 = System.nanoTime();
        // hits of the concerned parties' latest screenings, and whether this version retired their entry
        Map<String, List<long[]>> hits = latestHits(c, versionId, concerned.keySet(), byId);
        // a party with a hit on a retired entry is concerned by it (its names passed the test); searched in full if not
        for (Map.Entry<String, List<long[]>> h : retiredHits(c, versionId).entrySet()) {
            if (byId.containsKey(h.getKey()) && !concerned.containsKey(h.getKey()) && !screenedAgainstThis.contains(h.getKey())) {
                rescreen.add(h.getKey());
            }
        }
        int retiredOnly = rescreen.size() - described;
        Map<String, Map<String, PartyKeys.Candidates>> stored = storedCandidates(c, concerned.keySet(), byId);
        long t3 = System.nanoTime();
        Rematch r = rematch(c, byId, concerned, hits, stored);
        rescreen.addAll(r.searchInFull());
        Map<ScreeningSubject, Rematched> rematched = r.rematched();
        long t4 = System.nanoTime();
        updateCandidates(c, r.recount());
        LOG.infof("Delta scope of version %d: runs and keys read %d ms, changed names passing party keys %d ms (%d parties), "
                + "latest hits and stored counts %d ms, matched against the changes %d ms, counts updated %d ms; searched in full: "
                + "%d described differently, %d with a retired hit only, %d from the changes (%s)", versionId, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, concerned.size(), (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (System.nanoTime() - t4) / 1_000_000,
                described, retiredOnly, r.searchInFull().size(), r.why());

        List<ScreeningSubject> again = new ArrayList<>();
        List<ScreeningSubject> unchanged = new ArrayList<>();
        for (Map.Entry<String, ScreeningSubject> e : byId.entrySet()) {
            if (rescreen.contains(e.getKey())) {
                again.add(e.getValue());
            } else if (!rematched.containsKey(e.getValue())) {
                unchanged.add(e.getValue());
            }
        }
        return new Scope(again, rematched, unchanged, null, changedEntries, r.matchedAgainstChanges());
    }

    /**
     * What matching the concerned parties against the changed entries gives: the parties that must be searched in
     * full instead, the parties whose hits change (with the entries to score as their hits), the new candidate counts
     * of the parties whose hits stay, and how many parties were matched against the changes only.
     */
    record Rematch(Set<String> searchInFull, Map<ScreeningSubject, Rematched> rematched,
            Map<ScreeningSubject, Map<String, PartyKeys.Candidates>> recount, int matchedAgainstChanges, Map<String, Integer> why) {
    }

    /**
     * Matches each concerned party (by "type:id", with the changed names passing its keys) against the changed entries,
     * from its latest hits ({entry id, IN_FORCE, RETIRED or RETIRED_LATER}) and the stored candidate counts of its keys;
     * the added entries are read on {@code c}.
     */
    static Rematch rematch(Connection c, Map<String, ScreeningSubject> byId, Map<String, List<Passing>> concerned,
            Map<String, List<long[]>> hits, Map<String, Map<String, PartyKeys.Candidates>> stored) throws SQLException {
        Set<String> rescreen = new HashSet<>();
        Map<String, Integer> why = new java.util.TreeMap<>();

        // per concerned party: exactly what a search would find, from the changes alone, or a full search
        Map<String, Set<Long>> addedCandidates = new HashMap<>();
        Map<String, Map<String, PartyKeys.Candidates>> newCandidates = new HashMap<>();
        Set<Long> addedEntries = new HashSet<>();
        for (Map.Entry<String, List<Passing>> e : concerned.entrySet()) {
            Map<String, PartyKeys.Candidates> now = new LinkedHashMap<>(stored.getOrDefault(e.getKey(), Map.of()));
            Set<Long> added = new HashSet<>();
            // why the changes alone cannot say what a search would find (null: they can)
            String fullSearch = hits.getOrDefault(e.getKey(), List.of()).size() < ScreeningService.HITS_KEPT ? null
                    : "as many hits as kept";
            Map<String, List<Passing>> byKey = new LinkedHashMap<>();
            for (Passing p : e.getValue()) {
                byKey.computeIfAbsent(p.nameKey(), k -> new ArrayList<>()).add(p);
            }
            for (Iterator<Map.Entry<String, List<Passing>>> keys = byKey.entrySet().iterator(); fullSearch == null && keys.hasNext();) {
                Map.Entry<String, List<Passing>> k = keys.next();
                PartyKeys.Candidates before = now.get(k.getKey());
                if (before == null) {
                    fullSearch = "no stored count"; // not known what the limit kept
                } else if (before.cut()) {
                    // the limit kept the best names up to the cutoff: unchanged unless a changed name ranks among them
                    if (k.getValue().stream().anyMatch(Passing::withinCutoff)) {
                        fullSearch = "a changed name within a cut key's limit";
                    }
                } else {
                    int names = before.names();
                    for (Passing p : k.getValue()) {
                        names += p.added() ? 1 : -1;
                        if (p.added()) {
                            added.add(p.entryId());
                        }
                    }
                    if (names > ScreeningSearch.CANDIDATES_PER_NAME || names < 0) {
                        fullSearch = "the limit now cuts a key"; // which names it cuts off, only a search says
                    } else {
                        now.put(k.getKey(), new PartyKeys.Candidates(names, null, null));
                    }
                }
            }
            if (fullSearch == null) {
                addedCandidates.put(e.getKey(), added);
                newCandidates.put(e.getKey(), now);
                addedEntries.addAll(added);
            } else {
                rescreen.add(e.getKey());
                why.merge(fullSearch, 1, Integer::sum);
            }
        }

        // score the added entries each exact party's keys found; where that or a retired hit changes anything, its hits
        // on entries still in force are scored again when the party is recorded (found), exactly as a search scores them
        Map<String, Boolean> changed = new HashMap<>();
        Map<Long, PartyScorer.Candidate> candidates = candidates(c, addedEntries);
        Map<String, List<Long>> addedHits = new HashMap<>();
        // an entry not in force any more (a later version retired it meanwhile): searched in full
        addedCandidates.entrySet().removeIf(e -> {
            boolean gone = !candidates.keySet().containsAll(e.getValue());
            if (gone) {
                rescreen.add(e.getKey());
            }
            return gone;
        });
        for (Map.Entry<String, Set<Long>> e : addedCandidates.entrySet()) {
            ScreeningSubject subject = byId.get(e.getKey());
            List<List<NameKeys.Token>> queryTokens = PartyScorer.queryTokens(subject);
            List<Long> scored = new ArrayList<>();
            for (long entry : e.getValue()) {
                if (hit(subject, queryTokens, candidates.get(entry)) != null) {
                    scored.add(entry);
                }
            }
            boolean retiredHit = hits.getOrDefault(e.getKey(), List.of()).stream().anyMatch(h -> h[1] == RETIRED);
            changed.put(e.getKey(), retiredHit || !scored.isEmpty());
            addedHits.put(e.getKey(), scored);
        }
        Map<ScreeningSubject, Rematched> rematched = new LinkedHashMap<>();
        Map<ScreeningSubject, Map<String, PartyKeys.Candidates>> recount = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Long>> e : addedCandidates.entrySet()) {
            ScreeningSubject subject = byId.get(e.getKey());
            if (!changed.get(e.getKey())) {
                recount.put(subject, newCandidates.get(e.getKey()));
                continue;
            }
            if (hits.getOrDefault(e.getKey(), List.of()).stream().anyMatch(h -> h[1] == RETIRED_LATER)) {
                rescreen.add(e.getKey()); // a hit's entry not in force any more (retired by a later version meanwhile)
                continue;
            }
            List<Long> entries = new ArrayList<>(addedHits.get(e.getKey()));
            for (long[] h : hits.getOrDefault(e.getKey(), List.of())) {
                if (h[1] == IN_FORCE && !e.getValue().contains(h[0])) {
                    entries.add(h[0]);
                }
            }
            rematched.put(subject, new Rematched(entries, newCandidates.get(e.getKey())));
        }
        int matched = (int) addedCandidates.keySet().stream().filter(p -> !rescreen.contains(p)).count();
        return new Rematch(rescreen, rematched, recount, matched, why);
    }

    /**
     * The hits of re-matched parties, each named entry scored as a search scores it (read on {@code c} as in force now;
     * one retired since the scope was found is no hit, as a search now would not find it), sorted and limited as a search
     * keeps them, with the parties' candidate counts.
     */
    static Map<ScreeningSubject, ScreeningSearch.Found> found(Connection c, Map<ScreeningSubject, Rematched> rematched) throws SQLException {
        Set<Long> ids = new HashSet<>();
        rematched.values().forEach(m -> ids.addAll(m.entries()));
        Map<Long, PartyScorer.Candidate> candidates = candidates(c, ids);
        Map<ScreeningSubject, ScreeningSearch.Found> out = new LinkedHashMap<>();
        for (Map.Entry<ScreeningSubject, Rematched> e : rematched.entrySet()) {
            List<List<NameKeys.Token>> queryTokens = PartyScorer.queryTokens(e.getKey());
            List<PartyScorer.Scored> scored = new ArrayList<>();
            for (long entry : e.getValue().entries()) {
                PartyScorer.Candidate candidate = candidates.get(entry);
                PartyScorer.Scored s = candidate == null ? null : hit(e.getKey(), queryTokens, candidate);
                if (s != null) {
                    scored.add(s);
                }
            }
            out.put(e.getKey(), new ScreeningSearch.Found(ScreeningSearch.sorted(scored, ScreeningService.HITS_KEPT), e.getValue().candidatesByKey()));
        }
        return out;
    }

    /** An entry scored against a party as a search scores it; null below the hit threshold. */
    private static PartyScorer.Scored hit(ScreeningSubject subject, List<List<NameKeys.Token>> queryTokens, PartyScorer.Candidate cand) {
        PartyScorer.Best best = PartyScorer.bestPair(queryTokens, cand.names());
        if (best != null && best.below(PartyScorer.HIT_THRESHOLD)) {
            return null;
        }
        PartyScorer.Scored s = PartyScorer.score(subject, queryTokens, cand, best);
        return s.score() >= PartyScorer.HIT_THRESHOLD ? s : null;
    }

    /** A changed name passing the candidate test of a stored party key; withinCutoff: it ranks among the names kept. */
    record Passing(String subjectType, long subjectId, String nameKey, long entryId, boolean added, boolean withinCutoff) {
    }

    /**
     * Every (party key, changed name) pair passing ScreeningSearch's candidate test: the names this version added,
     * changed or retired go into a temporary table under their own small trigram index, which every stored party key
     * probes (name % key, core <% name). For a key whose candidates the limit cut off, whether the name ranks among
     * those kept (rank, then name id, against the stored cutoff).
     */
    static List<Passing> changedNamesPassing(Connection c, long versionId) throws SQLException {
        List<Passing> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("SELECT set_config('pg_trgm.similarity_threshold', '0.4', true), "
                    + "set_config('pg_trgm.word_similarity_threshold', '0.5', true)");
            st.execute("CREATE TEMP TABLE rescreen_delta_name (name_id bigint NOT NULL, entry_id bigint NOT NULL, name_key text NOT NULL, "
                    + "added boolean NOT NULL) ON COMMIT DROP");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO rescreen_delta_name (name_id, entry_id, name_key, added)
                SELECT n.id, n.entry_id, n.name_key, e.added_in = ? FROM screening_name n JOIN screening_entry e ON e.id = n.entry_id
                WHERE e.added_in = ? OR e.retired_in = ?""")) {
            ps.setLong(1, versionId);
            ps.setLong(2, versionId);
            ps.setLong(3, versionId);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON rescreen_delta_name USING gin (name_key gin_trgm_ops)");
            st.execute("ANALYZE rescreen_delta_name");
            // the planner prefers scanning the small table for each party key (a similarity per pair: 515 s at 28,000
            // parties and 1,300 names); probing its index instead took 10 s. Parties described alike share keys: each
            // distinct key probes once (52,826 stored keys, 20,244 distinct after a 1% update at large: 11.8 s -> 2.4 s),
            // then the pairs go back to every party holding the key, with its own cutoff
            st.execute("CREATE TEMP TABLE rescreen_delta_key ON COMMIT DROP AS SELECT DISTINCT name_key, core_key FROM screening_party_key");
            st.execute("SELECT set_config('enable_seqscan', 'off', true)");
            st.execute("""
                    CREATE TEMP TABLE rescreen_delta_pass ON COMMIT DROP AS
                    SELECT k.name_key, k.core_key, d.entry_id, d.name_id, d.added,
                           greatest(similarity(d.name_key, k.name_key), word_similarity(coalesce(k.core_key, chr(1)), d.name_key)) AS rank
                    FROM rescreen_delta_key k
                    JOIN rescreen_delta_name d ON d.name_key % k.name_key OR d.name_key %> k.core_key""");
            st.execute("SELECT set_config('enable_seqscan', 'on', true)");
            st.execute("ANALYZE rescreen_delta_pass");
            // ~100,000 pairs after a 1% update at large, over a few thousand distinct keys: each type and key kept once
            // (a string per row held ~15 MB more while the scope is found)
            Map<String, String> once = new HashMap<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT p.subject_type, p.subject_id, p.name_key, m.entry_id, m.added,
                           coalesce(m.rank > p.cutoff_rank OR (m.rank = p.cutoff_rank AND m.name_id <= p.cutoff_name_id), false)
                    FROM rescreen_delta_pass m
                    JOIN screening_party_key p ON p.name_key = m.name_key AND p.core_key IS NOT DISTINCT FROM m.core_key""")) {
                while (rs.next()) {
                    out.add(new Passing(once.computeIfAbsent(rs.getString(1), k -> k), rs.getLong(2), once.computeIfAbsent(rs.getString(3), k -> k),
                            rs.getLong(4), rs.getBoolean(5), rs.getBoolean(6)));
                }
            }
            st.execute("DROP TABLE rescreen_delta_pass");
            st.execute("DROP TABLE rescreen_delta_key");
            st.execute("DROP TABLE rescreen_delta_name");
        }
        return out;
    }

    /** Parties (subject type, id) whose latest screening hit an entry the version retired. */
    private static Map<String, List<long[]>> retiredHits(Connection c, long versionId) throws SQLException {
        Map<String, List<long[]>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT r.subject_type, r.subject_id FROM screening_hit h
                JOIN screening_run r ON r.id = h.run_id JOIN screening_entry e ON e.id = h.entry_id
                WHERE e.retired_in = ?""")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(id(rs.getString(1), rs.getLong(2)), List.of());
                }
            }
        }
        return out;
    }

    /** Whether an entry a party's latest screening hit is in force, retired by this version or before, or by a later one. */
    static final int IN_FORCE = 0;
    static final int RETIRED = 1;
    static final int RETIRED_LATER = 2;

    /** Per party: the entries its latest screening hit, each with {@link #IN_FORCE}, {@link #RETIRED} or {@link #RETIRED_LATER}. */
    private static Map<String, List<long[]>> latestHits(Connection c, long versionId, Set<String> parties, Map<String, ScreeningSubject> byId)
            throws SQLException {
        Map<String, List<long[]>> out = new HashMap<>();
        for (Map.Entry<String, List<Long>> t : byType(parties, byId).entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.subject_id, h.entry_id, CASE WHEN e.retired_in IS NULL THEN 0 WHEN e.retired_in <= ? THEN 1 ELSE 2 END FROM (
                      SELECT DISTINCT ON (subject_id) id, subject_id FROM screening_run
                      WHERE subject_type = ? AND subject_id = ANY(?) ORDER BY subject_id, id DESC) r
                    JOIN screening_hit h ON h.run_id = r.id JOIN screening_entry e ON e.id = h.entry_id""")) {
                ps.setLong(1, versionId);
                ps.setString(2, t.getKey());
                ps.setArray(3, c.createArrayOf("bigint", t.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(id(t.getKey(), rs.getLong(1)), x -> new ArrayList<>())
                                .add(new long[] { rs.getLong(2), rs.getInt(3) });
                    }
                }
            }
        }
        return out;
    }

    /** Per party: what the candidate query saw for each of its stored keys (keys with nothing stored are left out). */
    static Map<String, Map<String, PartyKeys.Candidates>> storedCandidates(Connection c, Set<String> parties,
            Map<String, ScreeningSubject> byId) throws SQLException {
        Map<String, Map<String, PartyKeys.Candidates>> out = new HashMap<>();
        for (Map.Entry<String, List<Long>> t : byType(parties, byId).entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT subject_id, name_key, candidate_names, cutoff_rank, cutoff_name_id FROM screening_party_key
                    WHERE subject_type = ? AND subject_id = ANY(?) AND candidate_names IS NOT NULL""")) {
                ps.setString(1, t.getKey());
                ps.setArray(2, c.createArrayOf("bigint", t.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(id(t.getKey(), rs.getLong(1)), x -> new LinkedHashMap<>()).put(rs.getString(2),
                                new PartyKeys.Candidates(rs.getInt(3), (Float) rs.getObject(4), (Long) rs.getObject(5)));
                    }
                }
            }
        }
        return out;
    }

    /** The new candidate counts of parties whose hits stay (their keys are otherwise unchanged). */
    private static void updateCandidates(Connection c, Map<ScreeningSubject, Map<String, PartyKeys.Candidates>> recount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE screening_party_key SET candidate_names = ? WHERE subject_type = ? AND subject_id = ? AND name_key = ?
                AND candidate_names IS DISTINCT FROM ?""")) {
            for (Map.Entry<ScreeningSubject, Map<String, PartyKeys.Candidates>> e : recount.entrySet()) {
                for (Map.Entry<String, PartyKeys.Candidates> k : e.getValue().entrySet()) {
                    if (k.getValue().cut()) {
                        continue;
                    }
                    ps.setInt(1, k.getValue().names());
                    ps.setString(2, e.getKey().subjectType());
                    ps.setLong(3, e.getKey().subjectId());
                    ps.setString(4, k.getKey());
                    ps.setInt(5, k.getValue().names());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Entries as ScreeningSearch reads them (their names in force, their addresses). */
    static Map<Long, PartyScorer.Candidate> candidates(Connection c, Set<Long> entryIds) throws SQLException {
        Map<Long, PartyScorer.Candidate> out = new HashMap<>();
        if (entryIds.isEmpty()) {
            return out;
        }
        Map<Long, String[]> entries = new LinkedHashMap<>();
        Map<Long, List<PartyScorer.ListedName>> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT e.id, e.entry_key, e.name, e.source, e.addresses::text, n.kind, n.original
                FROM screening_entry e JOIN screening_name n ON n.entry_id = e.id AND n.active
                WHERE e.id = ANY(?) AND e.retired_in IS NULL ORDER BY e.id, n.id""")) {
            ps.setArray(1, c.createArrayOf("bigint", entryIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.putIfAbsent(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) });
                    names.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(new PartyScorer.ListedName(rs.getString(6), rs.getString(7)));
                }
            }
        }
        for (Map.Entry<Long, String[]> e : entries.entrySet()) {
            String[] r = e.getValue();
            out.put(e.getKey(), new PartyScorer.Candidate(e.getKey(), r[0], r[1], r[2], names.get(e.getKey()),
                    JsonLists.read(r[3], JsonLists.ADDRESSES)));
        }
        return out;
    }

    private static Map<String, List<Long>> byType(Set<String> parties, Map<String, ScreeningSubject> byId) {
        Map<String, List<Long>> out = new HashMap<>();
        for (String p : parties) {
            ScreeningSubject s = byId.get(p);
            out.computeIfAbsent(s.subjectType(), t -> new ArrayList<>()).add(s.subjectId());
        }
        return out;
    }

    /**
     * The parties not screened again keep their latest hits; as after a full re-screening, none of them is new any
     * more (a full re-screening would have found each one again).
     */
    @Transactional
    public void settle(List<ScreeningSubject> unchanged) {
        Map<String, List<Long>> idsByType = new HashMap<>();
        for (ScreeningSubject s : unchanged) {
            idsByType.computeIfAbsent(s.subjectType(), t -> new ArrayList<>()).add(s.subjectId());
        }
        em.unwrap(Session.class).doWork(c -> {
            for (Map.Entry<String, List<Long>> t : idsByType.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE screening_hit SET is_new = false WHERE is_new AND run_id IN (
                          SELECT DISTINCT ON (subject_id) id FROM screening_run
                          WHERE subject_type = ? AND subject_id = ANY(?) ORDER BY subject_id, id DESC)""")) {
                    ps.setString(1, t.getKey());
                    ps.setArray(2, c.createArrayOf("bigint", t.getValue().toArray()));
                    ps.executeUpdate();
                }
            }
        });
    }

    private static String id(String type, long id) {
        return type + ":" + id;
    }
}
