package gov.exports.portal.screening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The name keys of a screened party, as {@link ScreeningSearch} probes the list with them: whole key and the key of
 * its distinctive words. Stored in {@code screening_party_key} so a list update can find the parties its changed
 * entries concern without searching for every party.
 */
final class PartyKeys {

    record Key(String nameKey, String coreKey) {
    }

    /**
     * What ScreeningSearch's candidate query saw for one key: {@code names} listed names passed its test, up to
     * {@link ScreeningSearch#CANDIDATES_PER_NAME}; more than that ({@code names} one above it) and the limit kept the
     * names up to the one with rank {@code cutoffRank} and id {@code cutoffNameId}.
     */
    record Candidates(int names, Float cutoffRank, Long cutoffNameId) {
        boolean cut() {
            return names > ScreeningSearch.CANDIDATES_PER_NAME;
        }
    }

    private PartyKeys() {
    }

    /** The same keys, in the same order, as ScreeningSearch.search derives from the party's names. */
    static List<Key> of(ScreeningSubject subject) {
        List<Key> keys = new ArrayList<>();
        for (String n : subject.names()) {
            String k = NameKeys.key(n);
            if (k != null && keys.stream().noneMatch(x -> x.nameKey().equals(k))) {
                keys.add(new Key(k, NameKeys.coreKey(n)));
            }
        }
        return keys;
    }

    /** Replaces the stored keys of the given subjects, what their candidates were not known. */
    static void store(Connection c, Collection<ScreeningSubject> subjects) throws SQLException {
        Map<ScreeningSubject, Map<String, Candidates>> none = new LinkedHashMap<>();
        for (ScreeningSubject s : subjects) {
            none.put(s, Map.of());
        }
        store(c, none);
    }

    /**
     * Replaces the stored keys of the given subjects, with what the candidate query saw for each key (batched:
     * re-screening writes hundreds at a time).
     */
    static void store(Connection c, Map<ScreeningSubject, Map<String, Candidates>> subjects) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM screening_party_key WHERE subject_type = ? AND subject_id = ?");
                PreparedStatement ins = c.prepareStatement("""
                        INSERT INTO screening_party_key (subject_type, subject_id, fingerprint, name_key, core_key,
                          candidate_names, cutoff_rank, cutoff_name_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (Map.Entry<ScreeningSubject, Map<String, Candidates>> e : subjects.entrySet()) {
                ScreeningSubject s = e.getKey();
                del.setString(1, s.subjectType());
                del.setLong(2, s.subjectId());
                del.addBatch();
                String fp = s.fingerprint();
                for (Key k : of(s)) {
                    ins.setString(1, s.subjectType());
                    ins.setLong(2, s.subjectId());
                    ins.setString(3, fp);
                    ins.setString(4, k.nameKey());
                    ins.setString(5, k.coreKey());
                    Candidates cand = e.getValue().get(k.nameKey());
                    ins.setObject(6, cand == null ? null : cand.names(), java.sql.Types.INTEGER);
                    ins.setObject(7, cand == null ? null : cand.cutoffRank(), java.sql.Types.REAL);
                    ins.setObject(8, cand == null ? null : cand.cutoffNameId(), java.sql.Types.BIGINT);
                    ins.addBatch();
                }
            }
            del.executeBatch();
            ins.executeBatch();
        }
    }
}
