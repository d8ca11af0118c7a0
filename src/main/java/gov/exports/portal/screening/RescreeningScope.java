package gov.exports.portal.screening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * Which open parties a list version can change the screening of. A party's screening depends on the list only
 * through the candidates {@link ScreeningSearch} takes from PostgreSQL (whole key {@code %}, distinctive words
 * {@code <%}); so only parties for which an added, changed or removed name passes that same test, parties with a
 * hit on a retired entry, and parties never screened as they are described now are screened again. Every other
 * party would get the same hits from a full re-screening.
 */
@ApplicationScoped
public class RescreeningScope {

    /** More changed entries than this share of the list: a full re-screening is as cheap and simpler. */
    static final double DELTA_LIMIT = 0.2;

    /** The parties to screen again, or why every open party must be. */
    public record Scope(List<ScreeningSubject> rescreen, List<ScreeningSubject> unchanged, String fullBecause, int changedEntries) {
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
        return new Scope(open, List.of(), why, -1);
    }

    private Scope delta(Connection c, long versionId, List<ScreeningSubject> open, int changedEntries) throws SQLException {
        Map<String, ScreeningSubject> byId = new LinkedHashMap<>();
        Map<String, List<Long>> idsByType = new HashMap<>();
        for (ScreeningSubject s : open) {
            byId.put(id(s.subjectType(), s.subjectId()), s);
            idsByType.computeIfAbsent(s.subjectType(), t -> new ArrayList<>()).add(s.subjectId());
        }
        Set<String> rescreen = new HashSet<>();
        // parties never screened, or described differently since their latest screening (a full re-screening
        // would screen them as described now); parties screened before their keys were stored get them now
        Map<String, String> runFingerprint = new HashMap<>();
        Map<String, String> keyFingerprint = new HashMap<>();
        for (Map.Entry<String, List<Long>> t : idsByType.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT ON (subject_id) subject_id, subject_fingerprint FROM screening_run
                    WHERE subject_type = ? AND subject_id = ANY(?) ORDER BY subject_id, id DESC""")) {
                ps.setString(1, t.getKey());
                ps.setArray(2, c.createArrayOf("bigint", t.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runFingerprint.put(id(t.getKey(), rs.getLong(1)), rs.getString(2));
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

        for (String[] party : partiesConcerned(c, versionId)) {
            rescreen.add(id(party[0], Long.parseLong(party[1])));
        }
        // hits on entries this version retired (their party is screened again even if its description changed)
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT r.subject_type, r.subject_id FROM screening_hit h
                JOIN screening_run r ON r.id = h.run_id JOIN screening_entry e ON e.id = h.entry_id
                WHERE e.retired_in = ?""")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rescreen.add(id(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        List<ScreeningSubject> again = new ArrayList<>();
        List<ScreeningSubject> unchanged = new ArrayList<>();
        for (Map.Entry<String, ScreeningSubject> e : byId.entrySet()) {
            (rescreen.contains(e.getKey()) ? again : unchanged).add(e.getValue());
        }
        return new Scope(again, unchanged, null, changedEntries);
    }

    /**
     * Parties (subject type, id) whose stored name keys pass ScreeningSearch's candidate test against a name the
     * version added, changed or retired: the names go into a temporary table under their own small trigram index,
     * which every party key probes (name % key, core <% name).
     */
    static List<String[]> partiesConcerned(Connection c, long versionId) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("SELECT set_config('pg_trgm.similarity_threshold', '0.4', true), "
                    + "set_config('pg_trgm.word_similarity_threshold', '0.5', true)");
            // the names this version added, changed or retired, under their own small trigram index: each party key
            // probes it with exactly the candidate test of ScreeningSearch (name % key, core <% name)
            st.execute("CREATE TEMP TABLE rescreen_delta_name (name_key text NOT NULL) ON COMMIT DROP");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO rescreen_delta_name (name_key)
                SELECT DISTINCT n.name_key FROM screening_name n JOIN screening_entry e ON e.id = n.entry_id
                WHERE e.added_in = ? OR e.retired_in = ?""")) {
            ps.setLong(1, versionId);
            ps.setLong(2, versionId);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON rescreen_delta_name USING gin (name_key gin_trgm_ops)");
            st.execute("ANALYZE rescreen_delta_name");
            // the planner prefers scanning the small table for each party key (a similarity per pair: 515 s at 28,000
            // parties and 1,300 names); probing its index instead took 10 s
            st.execute("SELECT set_config('enable_seqscan', 'off', true)");
            try (ResultSet rs = st.executeQuery("""
                    SELECT DISTINCT p.subject_type, p.subject_id FROM screening_party_key p
                    WHERE EXISTS (SELECT 1 FROM rescreen_delta_name d WHERE d.name_key % p.name_key)
                       OR EXISTS (SELECT 1 FROM rescreen_delta_name d WHERE d.name_key %> p.core_key)""")) {
                while (rs.next()) {
                    out.add(new String[] { rs.getString(1), String.valueOf(rs.getLong(2)) });
                }
            }
            st.execute("SELECT set_config('enable_seqscan', 'on', true)");
            st.execute("DROP TABLE rescreen_delta_name");
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
