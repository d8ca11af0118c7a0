package gov.exports.portal.screening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;


/**
 * Finds the listed entries a party may be. PostgreSQL narrows the list in force to a few candidates with the
 * pg_trgm GIN index on the stored name keys (similarity and word similarity); {@link PartyScorer} then scores
 * each candidate word by word and explains it.
 */
@ApplicationScoped
public class ScreeningSearch {

    static final int CANDIDATES_PER_NAME = 150;

    /**
     * One round trip for all of a party's names: per name key the best candidates (whole key by similarity;
     * distinctive words by word similarity, so that "Huawei" finds "Huawei Technologies" without every
     * "… Technology" name becoming a candidate; ties by name id, so that the limit always keeps the same names), then
     * every name of those entries with the entry itself. The first columns count, per name key, the names that passed
     * the test, up to one more than the limit, and give the rank and id of the last name kept: a re-screening after a
     * list update needs to know whether the limit cut any off, and where (see {@link RescreeningScope}). The two tests
     * are two index scans joined by UNION, not one scan of {@code % OR <%}: the GIN index only narrows, every row it
     * returns is rechecked, and with the OR each row paid both operators, twice for those that passed (issue 8).
     */
    private static final String CANDIDATES = """
            WITH probe AS (
              SELECT k.name_key, k.core_key, k.ord FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS k(name_key, core_key, ord)),
            cand AS MATERIALIZED (
              SELECT p.ord, c.entry_id, c.rank, c.name_id,
                     row_number() OVER (PARTITION BY p.ord ORDER BY c.rank DESC, c.name_id) AS rn
              FROM probe p CROSS JOIN LATERAL (
                SELECT n.entry_id, n.id AS name_id,
                       greatest(similarity(n.name_key, p.name_key), word_similarity(p.core_key, n.name_key)) AS rank
                FROM screening_name n
                WHERE n.active AND n.name_key % p.name_key
                UNION
                SELECT n.entry_id, n.id,
                       greatest(similarity(n.name_key, p.name_key), word_similarity(p.core_key, n.name_key))
                FROM screening_name n
                WHERE n.active AND p.core_key <% n.name_key
                ORDER BY rank DESC, name_id
                LIMIT ? + 1) c),
            counts AS (
              SELECT array_agg(coalesce(c.passing, 0) ORDER BY p.ord)::int[] AS passing,
                     array_agg(c.cutoff_rank ORDER BY p.ord) AS cutoff_rank, array_agg(c.cutoff_name_id ORDER BY p.ord) AS cutoff_name_id
              FROM probe p LEFT JOIN (
                SELECT ord, count(*) AS passing, max(rank) FILTER (WHERE rn = ?) AS cutoff_rank,
                       max(name_id) FILTER (WHERE rn = ?) AS cutoff_name_id
                FROM cand GROUP BY ord) c ON c.ord = p.ord),
            hit AS (SELECT DISTINCT entry_id FROM cand WHERE rn <= ?)
            SELECT counts.passing, counts.cutoff_rank, counts.cutoff_name_id, x.* FROM counts LEFT JOIN (
              SELECT e.id, e.entry_key, e.name, e.source, e.addresses::text, n.kind, n.original, n.id AS name_id
              FROM hit JOIN screening_entry e ON e.id = hit.entry_id AND e.retired_in IS NULL
              JOIN screening_name n ON n.entry_id = e.id AND n.active) x ON true
            ORDER BY x.id, x.name_id""";

    /**
     * What a search found: the entries scoring at least the floor, best first, and per name key of the party (as
     * {@link PartyKeys#of} gives them) what the candidate query saw: how many listed names passed its test and, when the
     * limit cut some off, the last candidate kept.
     */
    public record Found(List<PartyScorer.Scored> scored, Map<String, PartyKeys.Candidates> candidatesByKey) {
    }

    @Inject
    EntityManager em;

    /** Entries scoring at least {@code floor} against the party, best first. */
    @Transactional
    public List<PartyScorer.Scored> search(ScreeningSubject subject, double floor, int limit) {
        return find(subject, floor, limit).scored();
    }

    /** The same, with the candidate counts a screening stores with the party's keys. */
    @Transactional
    public Found find(ScreeningSubject subject, double floor, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> find(c, subject, floor, limit));
    }

    /** The same on a plain connection (inside the caller's transaction: the thresholds are set for it only). */
    public static List<PartyScorer.Scored> search(Connection c, ScreeningSubject subject, double floor, int limit) throws SQLException {
        return find(c, subject, floor, limit).scored();
    }

    static void setThresholds(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('pg_trgm.similarity_threshold', '0.4', true), set_config('pg_trgm.word_similarity_threshold', '0.5', true)")) {
            ps.execute();
        }
    }

    public static Found find(Connection c, ScreeningSubject subject, double floor, int limit) throws SQLException {
        List<PartyKeys.Key> keys = PartyKeys.of(subject);
        if (keys.isEmpty()) {
            return new Found(List.of(), Map.of());
        }
        setThresholds(c);
        String[] nameKeys = keys.stream().map(PartyKeys.Key::nameKey).toArray(String[]::new);
        // no distinctive word: null, so that the word-similarity scan finds nothing (and reads nothing)
        String[] coreKeys = keys.stream().map(PartyKeys.Key::coreKey).toArray(String[]::new);
        record Row(String entryKey, String name, String source, String addresses, List<PartyScorer.ListedName> names) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<String, PartyKeys.Candidates> passing = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setArray(1, c.createArrayOf("text", nameKeys));
            ps.setArray(2, c.createArrayOf("text", coreKeys));
            for (int i = 3; i <= 6; i++) {
                ps.setInt(i, CANDIDATES_PER_NAME);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (passing.isEmpty()) {
                        Integer[] counts = (Integer[]) rs.getArray(1).getArray();
                        Float[] cutoffRank = (Float[]) rs.getArray(2).getArray();
                        Long[] cutoffNameId = (Long[]) rs.getArray(3).getArray();
                        for (int i = 0; i < nameKeys.length; i++) {
                            passing.put(nameKeys[i], counts[i] > CANDIDATES_PER_NAME
                                    ? new PartyKeys.Candidates(CANDIDATES_PER_NAME + 1, cutoffRank[i], cutoffNameId[i])
                                    : new PartyKeys.Candidates(counts[i], null, null));
                        }
                    }
                    if (rs.getObject(4) == null) {
                        continue;
                    }
                    Row r = rows.computeIfAbsent(rs.getLong(4), id -> {
                        try {
                            return new Row(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    r.names().add(new PartyScorer.ListedName(rs.getString(9), rs.getString(10)));
                }
            }
        }
        List<List<NameKeys.Token>> queryTokens = PartyScorer.queryTokens(subject);
        List<PartyScorer.Scored> scored = new ArrayList<>();
        for (Map.Entry<Long, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            PartyScorer.Best best = PartyScorer.bestPair(queryTokens, r.names());
            if (best != null && best.below(floor)) {
                continue; // cannot reach the floor: neither its addresses nor its explanation are needed
            }
            PartyScorer.Candidate cand = new PartyScorer.Candidate(e.getKey(), r.entryKey(), r.name(), r.source(), r.names(),
                    JsonLists.read(r.addresses(), JsonLists.ADDRESSES));
            PartyScorer.Scored s = PartyScorer.score(subject, queryTokens, cand, best);
            if (s.score() >= floor) {
                scored.add(s);
            }
        }
        return new Found(sorted(scored, limit), passing);
    }

    /** Best first (ties by the entry's name), at most {@code limit}: the order every screening keeps its hits in. */
    static List<PartyScorer.Scored> sorted(List<PartyScorer.Scored> scored, int limit) {
        List<PartyScorer.Scored> out = new ArrayList<>(scored);
        out.sort(Comparator.comparingDouble(PartyScorer.Scored::score).reversed()
                .thenComparing(s -> s.candidate().entryName()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
