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
     * "… Technology" name becoming a candidate), then every name of those entries with the entry itself.
     */
    private static final String CANDIDATES = """
            WITH probe AS (
              SELECT k.name_key, k.core_key FROM unnest(?::text[], ?::text[]) AS k(name_key, core_key)),
            hit AS (
              SELECT DISTINCT c.entry_id FROM probe p CROSS JOIN LATERAL (
                SELECT n.entry_id FROM screening_name n
                WHERE n.active AND (n.name_key % p.name_key OR p.core_key <% n.name_key)
                ORDER BY greatest(similarity(n.name_key, p.name_key), word_similarity(p.core_key, n.name_key)) DESC
                LIMIT ?) c)
            SELECT e.id, e.entry_key, e.name, e.source, e.addresses::text, n.kind, n.original
            FROM hit JOIN screening_entry e ON e.id = hit.entry_id AND e.retired_in IS NULL
            JOIN screening_name n ON n.entry_id = e.id AND n.active
            ORDER BY e.id, n.id""";

    @Inject
    EntityManager em;

    /** Entries scoring at least {@code floor} against the party, best first. */
    @Transactional
    public List<PartyScorer.Scored> search(ScreeningSubject subject, double floor, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> search(c, subject, floor, limit));
    }

    /** The same on a plain connection (inside the caller's transaction: the thresholds are set for it only). */
    public static List<PartyScorer.Scored> search(Connection c, ScreeningSubject subject, double floor, int limit) throws SQLException {
        List<PartyKeys.Key> keys = PartyKeys.of(subject);
        if (keys.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('pg_trgm.similarity_threshold', '0.4', true), set_config('pg_trgm.word_similarity_threshold', '0.5', true)")) {
            ps.execute();
        }
        String[] nameKeys = keys.stream().map(PartyKeys.Key::nameKey).toArray(String[]::new);
        // no distinctive word: a word-similarity probe that can never succeed
        String[] coreKeys = keys.stream().map(k -> k.coreKey() == null ? "\u0001" : k.coreKey()).toArray(String[]::new);
        record Row(String entryKey, String name, String source, String addresses, List<PartyScorer.ListedName> names) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setArray(1, c.createArrayOf("text", nameKeys));
            ps.setArray(2, c.createArrayOf("text", coreKeys));
            ps.setInt(3, CANDIDATES_PER_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = rows.computeIfAbsent(rs.getLong(1), id -> {
                        try {
                            return new Row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    r.names().add(new PartyScorer.ListedName(rs.getString(6), rs.getString(7)));
                }
            }
        }
        List<PartyScorer.Scored> scored = new ArrayList<>();
        for (Map.Entry<Long, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            PartyScorer.Candidate cand = new PartyScorer.Candidate(e.getKey(), r.entryKey(), r.name(), r.source(), r.names(),
                    JsonLists.read(r.addresses(), JsonLists.ADDRESSES));
            PartyScorer.Scored s = PartyScorer.score(subject, cand);
            if (s.score() >= floor) {
                scored.add(s);
            }
        }
        scored.sort(Comparator.comparingDouble(PartyScorer.Scored::score).reversed()
                .thenComparing(s -> s.candidate().entryName()));
        return scored.size() > limit ? scored.subList(0, limit) : scored;
    }
}
