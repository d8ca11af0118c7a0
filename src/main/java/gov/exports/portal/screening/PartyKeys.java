package gov.exports.portal.screening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The name keys of a screened party, as {@link ScreeningSearch} probes the list with them: whole key and the key of
 * its distinctive words. Stored in {@code screening_party_key} so a list update can find the parties its changed
 * entries concern without searching for every party.
 */
final class PartyKeys {

    record Key(String nameKey, String coreKey) {
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

    /** Replaces the stored keys of the given subjects (batched: re-screening writes hundreds at a time). */
    static void store(Connection c, Collection<ScreeningSubject> subjects) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM screening_party_key WHERE subject_type = ? AND subject_id = ?");
                PreparedStatement ins = c.prepareStatement("""
                        INSERT INTO screening_party_key (subject_type, subject_id, fingerprint, name_key, core_key)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (ScreeningSubject s : subjects) {
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
                    ins.addBatch();
                }
            }
            del.executeBatch();
            ins.executeBatch();
        }
    }
}
