package gov.exports.portal.screening;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bench only: ScreeningSearch alone (no HTTP, no page), on a JDBC connection to a bench database, with the
 * queries of run.sh's screening scenario (60 listed names, 40 approved customers) plus 100 open applications'
 * parties (name and Chinese name). Mode "legacy" replays the search as it was before (one candidate query per name
 * key, then names, then entries). Every search runs in its own transaction, rolled back (nothing is written).
 * Usage (see search.sh): java ... SearchBench jdbc:postgresql://127.0.0.1:5432/portal_bench_large current|legacy
 */
public class SearchBench {

    /**
     * The 200 names searched (also by SearchAB): 60 listed entries (hits), 40 approved customers and 100 parties of
     * open applications (mostly no hit), in a fixed order.
     */
    static List<ScreeningSubject> queries(Connection c) throws java.sql.SQLException {
        List<ScreeningSubject> queries = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                (SELECT name, NULL FROM screening_entry WHERE retired_in IS NULL ORDER BY hashtext(entry_key) LIMIT 60)
                UNION ALL (SELECT name_latin, name_chinese FROM approved_customer ORDER BY id LIMIT 40)
                UNION ALL (SELECT p.name, p.name_chinese FROM application_party p JOIN application a ON a.id = p.application_id
                           WHERE a.status IN ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED', 'RECOMMENDED')
                           ORDER BY hashtext(p.id::text) LIMIT 100)""")) {
            while (rs.next()) {
                queries.add(new ScreeningSubject("SEARCH", 0L, rs.getString(1),
                        rs.getString(2) == null ? List.of() : List.of(rs.getString(2)), null, null, "CN"));
            }
        }
        return queries;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 1 ? args[1] : "current";
        try (Connection c = DriverManager.getConnection(args[0], "root", "")) {
            List<ScreeningSubject> queries = queries(c);
            c.setAutoCommit(false);
            if ("compare".equals(mode)) {
                compare(c, queries);
                return;
            }
            for (int round = 0; round < 2; round++) { // first round warms the JVM and the caches
                List<Double> ms = new ArrayList<>();
                long hits = 0;
                for (ScreeningSubject q : queries) {
                    long t0 = System.nanoTime();
                    List<PartyScorer.Scored> found = "legacy".equals(mode) ? legacy(c, q, PartyScorer.SEARCH_FLOOR, 50)
                            : "previous".equals(mode) ? previous(c, q, PartyScorer.SEARCH_FLOOR, 50)
                            : ScreeningSearch.search(c, q, PartyScorer.SEARCH_FLOOR, 50);
                    ms.add((System.nanoTime() - t0) / 1e6);
                    if (round == 1 && System.getenv("BENCH_SLOW_MS") != null && ms.get(ms.size() - 1) > Double.parseDouble(System.getenv("BENCH_SLOW_MS"))) {
                        System.out.printf(java.util.Locale.ROOT, "slow %.0f ms: %s %s%n", ms.get(ms.size() - 1), q.name(), q.altNames());
                    }
                    c.rollback();
                    hits += found.stream().filter(s -> s.score() >= PartyScorer.HIT_THRESHOLD).count();
                }
                if (round == 0) {
                    scoringNanos = 0;
                    candidates = 0;
                }
                if (round == 1) {
                    if ("legacy".equals(mode)) {
                        System.out.printf(java.util.Locale.ROOT, "of which scoring in Java: %.1f ms per search, %d candidates per search%n",
                                scoringNanos / 1e6 / ms.size(), candidates / ms.size());
                    }
                    ms.sort(null);
                    System.out.printf(java.util.Locale.ROOT, "search %s: %d searches, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d hits >= %.2f%n",
                            mode, ms.size(), ms.get(ms.size() / 2), ms.get(ms.size() * 9 / 10), ms.get(ms.size() * 99 / 100),
                            ms.get(ms.size() - 1), hits, PartyScorer.HIT_THRESHOLD);
                }
            }
        }
    }

    /**
     * Mode "compare": every query searched the way main did before this branch ({@link #previous}) and the current
     * way, interleaved (A, B, A, B … so that the load of a shared machine falls on both alike); prints both timings and
     * every query whose results differ (entry, score, name matched, explanation).
     */
    static void compare(Connection c, List<ScreeningSubject> queries) throws Exception {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        int differ = 0;
        int differTieBroken = 0;
        for (int round = 0; round < 3; round++) {
            a.clear();
            b.clear();
            differ = 0;
            differTieBroken = 0;
            for (ScreeningSubject q : queries) {
                long t0 = System.nanoTime();
                List<PartyScorer.Scored> x = previous(c, q, PartyScorer.SEARCH_FLOOR, 50);
                a.add((System.nanoTime() - t0) / 1e6);
                c.rollback();
                t0 = System.nanoTime();
                List<PartyScorer.Scored> y = ScreeningSearch.search(c, q, PartyScorer.SEARCH_FLOOR, 50);
                b.add((System.nanoTime() - t0) / 1e6);
                c.rollback();
                if (round == 2 && !show(previous(c, q, PartyScorer.SEARCH_FLOOR, 50, ", n.id")).equals(show(y))) {
                    differTieBroken++;
                    System.out.println("DIFFERENT from the previous query with ties by name id: " + q.name());
                }
                c.rollback();
                if (!show(x).equals(show(y))) {
                    differ++;
                    if (round == 2) {
                        List<String> onlyX = new ArrayList<>(show(x));
                        onlyX.removeAll(show(y));
                        List<String> onlyY = new ArrayList<>(show(y));
                        onlyY.removeAll(show(x));
                        System.out.println("DIFFERENT: " + q.name() + " " + q.altNames() + "\n  previous only " + onlyX + "\n  current only  " + onlyY);
                    }
                }
            }
        }
        a.sort(null);
        b.sort(null);
        System.out.printf(java.util.Locale.ROOT, "compare: %d searches; previous p50 %.1f ms p90 %.1f ms; current p50 %.1f ms p90 %.1f ms; "
                + "%d with different results (candidates tied at the limit taken in another order), %d different from the previous query "
                + "with ties taken by name id%n",
                a.size(), a.get(a.size() / 2), a.get(a.size() * 9 / 10), b.get(b.size() / 2), b.get(b.size() * 9 / 10), differ, differTieBroken);
    }

    static List<String> show(List<PartyScorer.Scored> found) {
        return found.stream().map(s -> s.candidate().entryId() + " " + s.score() + " " + s.matchedName() + " " + s.matchedKind() + " "
                + s.queryName() + " " + s.explanation()).sorted().toList();
    }

    /** ScreeningSearch.search as main had it before this branch (one round trip; every candidate scored and explained). */
    static List<PartyScorer.Scored> previous(Connection c, ScreeningSubject subject, double floor, int limit) throws Exception {
        return previous(c, subject, floor, limit, "");
    }

    /** The same, with ties at the limit broken as given (", n.id": by name id, as the current query does). */
    static List<PartyScorer.Scored> previous(Connection c, ScreeningSubject subject, double floor, int limit, String tieBreak) throws Exception {
        List<PartyKeys.Key> keys = PartyKeys.of(subject);
        if (keys.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('pg_trgm.similarity_threshold', '0.4', true), set_config('pg_trgm.word_similarity_threshold', '0.5', true)")) {
            ps.execute();
        }
        String[] nameKeys = keys.stream().map(PartyKeys.Key::nameKey).toArray(String[]::new);
        String[] coreKeys = keys.stream().map(k -> k.coreKey() == null ? "\u0001" : k.coreKey()).toArray(String[]::new);
        Map<Long, String[]> entries = new LinkedHashMap<>();
        Map<Long, List<PartyScorer.ListedName>> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                WITH probe AS (
                  SELECT k.name_key, k.core_key FROM unnest(?::text[], ?::text[]) AS k(name_key, core_key)),
                hit AS (
                  SELECT DISTINCT c.entry_id FROM probe p CROSS JOIN LATERAL (
                    SELECT n.entry_id FROM screening_name n
                    WHERE n.active AND (n.name_key % p.name_key OR p.core_key <% n.name_key)
                    ORDER BY greatest(similarity(n.name_key, p.name_key), word_similarity(p.core_key, n.name_key)) DESC TIEBREAK
                    LIMIT ?) c)
                SELECT e.id, e.entry_key, e.name, e.source, e.addresses::text, n.kind, n.original
                FROM hit JOIN screening_entry e ON e.id = hit.entry_id AND e.retired_in IS NULL
                JOIN screening_name n ON n.entry_id = e.id AND n.active
                ORDER BY e.id, n.id""".replace("TIEBREAK", tieBreak))) {
            ps.setArray(1, c.createArrayOf("text", nameKeys));
            ps.setArray(2, c.createArrayOf("text", coreKeys));
            ps.setInt(3, ScreeningSearch.CANDIDATES_PER_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.putIfAbsent(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) });
                    names.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(new PartyScorer.ListedName(rs.getString(6), rs.getString(7)));
                }
            }
        }
        List<PartyScorer.Scored> scored = new ArrayList<>();
        for (Map.Entry<Long, String[]> e : entries.entrySet()) {
            String[] r = e.getValue();
            PartyScorer.Candidate cand = new PartyScorer.Candidate(e.getKey(), r[0], r[1], r[2], names.get(e.getKey()),
                    JsonLists.read(r[3], JsonLists.ADDRESSES));
            PartyScorer.Scored s = PartyScorer.score(subject, cand);
            if (s.score() >= floor) {
                scored.add(s);
            }
        }
        scored.sort(java.util.Comparator.comparingDouble(PartyScorer.Scored::score).reversed().thenComparing(s -> s.candidate().entryName()));
        return scored.size() > limit ? scored.subList(0, limit) : scored;
    }

    static long scoringNanos;
    static long candidates;

    /** ScreeningSearch.search as it was before this branch, for the before/after figures. */
    static List<PartyScorer.Scored> legacy(Connection c, ScreeningSubject subject, double floor, int limit) throws Exception {
        List<String[]> keys = new ArrayList<>();
        for (PartyKeys.Key k : PartyKeys.of(subject)) {
            keys.add(new String[] { k.nameKey(), k.coreKey() == null ? "\u0001" : k.coreKey() });
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('pg_trgm.similarity_threshold', '0.4', true), set_config('pg_trgm.word_similarity_threshold', '0.5', true)")) {
            ps.execute();
        }
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT entry_id FROM (
                  SELECT entry_id, greatest(similarity(name_key, ?), word_similarity(?, name_key)) AS sim
                  FROM screening_name
                  WHERE active AND (name_key % ? OR ? <% name_key)
                  ORDER BY sim DESC LIMIT ?) c""")) {
            for (String[] k : keys) {
                ps.setString(1, k[0]);
                ps.setString(2, k[1]);
                ps.setString(3, k[0]);
                ps.setString(4, k[1]);
                ps.setInt(5, ScreeningSearch.CANDIDATES_PER_NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Array idArray = c.createArrayOf("bigint", ids.toArray());
        Map<Long, List<PartyScorer.ListedName>> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT entry_id, kind, original FROM screening_name WHERE active AND entry_id = ANY(?) ORDER BY id")) {
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(new PartyScorer.ListedName(rs.getString(2), rs.getString(3)));
                }
            }
        }
        List<PartyScorer.Scored> scored = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, entry_key, name, source, addresses::text FROM screening_entry WHERE retired_in IS NULL AND id = ANY(?)")) {
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    PartyScorer.Candidate cand = new PartyScorer.Candidate(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            names.getOrDefault(id, List.of()), JsonLists.read(rs.getString(5), JsonLists.ADDRESSES));
                    long t0 = System.nanoTime();
                    PartyScorer.Scored s = PartyScorer.score(subject, cand);
                    scoringNanos += System.nanoTime() - t0;
                    candidates++;
                    if (s.score() >= floor) {
                        scored.add(s);
                    }
                }
            }
        }
        scored.sort(java.util.Comparator.comparingDouble(PartyScorer.Scored::score).reversed());
        return scored.size() > limit ? scored.subList(0, limit) : scored;
    }
}
