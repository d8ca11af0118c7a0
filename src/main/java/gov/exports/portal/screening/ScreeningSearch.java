package gov.exports.portal.screening;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @Inject
    EntityManager em;

    /** Entries scoring at least {@code floor} against the party, best first. */
    @Transactional
    public List<PartyScorer.Scored> search(ScreeningSubject subject, double floor, int limit) {
        List<String[]> keys = new ArrayList<>();
        for (String n : subject.names()) {
            String k = NameKeys.key(n);
            if (k != null && keys.stream().noneMatch(x -> x[0].equals(k))) {
                String core = NameKeys.coreKey(n);
                // no distinctive word: a word-similarity probe that can never succeed
                keys.add(new String[] { k, core == null ? "\u0001" : core });
            }
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
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
                    // whole key by similarity; distinctive words by word similarity, so that "Huawei" finds
                    // "Huawei Technologies" without every "… Technology" name becoming a candidate
                    ps.setString(1, k[0]);
                    ps.setString(2, k[1]);
                    ps.setString(3, k[0]);
                    ps.setString(4, k[1]);
                    ps.setInt(5, CANDIDATES_PER_NAME);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.<PartyScorer.Scored> of();
            }
            Array idArray = c.createArrayOf("bigint", ids.toArray());
            Map<Long, List<PartyScorer.ListedName>> names = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT entry_id, kind, original FROM screening_name WHERE active AND entry_id = ANY(?) ORDER BY id")) {
                ps.setArray(1, idArray);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>())
                                .add(new PartyScorer.ListedName(rs.getString(2), rs.getString(3)));
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
                        List<ListEntryData.Address> addresses = JsonLists.read(rs.getString(5), JsonLists.ADDRESSES);
                        PartyScorer.Candidate cand = new PartyScorer.Candidate(id, rs.getString(2), rs.getString(3),
                                rs.getString(4), names.getOrDefault(id, List.of()), addresses);
                        PartyScorer.Scored s = PartyScorer.score(subject, cand);
                        if (s.score() >= floor) {
                            scored.add(s);
                        }
                    }
                }
            }
            scored.sort(Comparator.comparingDouble(PartyScorer.Scored::score).reversed()
                    .thenComparing(s -> s.candidate().entryName()));
            return scored.size() > limit ? scored.subList(0, limit) : scored;
        });
    }
}
