package gov.exports.portal.screening;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bench only: the delta re-screening's own steps at bench scale, without writing to the bench database. Open parties
 * (open applications' parties, approved customers not revoked) are read from the bench database; their name keys and
 * a copy of the list's names go to a scratch database, where a list update touching a share of the entries is
 * simulated and RescreeningScope.partiesConcerned is run; the parties it finds are then searched
 * (ScreeningSearch.search, rolled back) against the bench database. Writing runs and hits is not included.
 * Usage (see delta.sh): java ... DeltaBench jdbc:...bench jdbc:...scratch [share of entries, default 0.01]
 */
public class DeltaBench {

    public static void main(String[] args) throws Exception {
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.01;
        try (Connection bench = DriverManager.getConnection(args[0], "root", "");
                Connection scratch = DriverManager.getConnection(args[1], "root", "")) {
            List<ScreeningSubject> open = new ArrayList<>();
            try (Statement st = bench.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT 'APPLICATION_PARTY', p.id, p.name, p.name_chinese, p.address, p.city, p.country
                    FROM application_party p JOIN application a ON a.id = p.application_id
                    WHERE a.status IN ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED', 'RECOMMENDED')
                    UNION ALL SELECT 'APPROVED_CUSTOMER', id, name_latin, name_chinese, address, city, country
                    FROM approved_customer WHERE status <> 'REVOKED'""")) {
                while (rs.next()) {
                    open.add(new ScreeningSubject(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4) == null ? List.of() : List.of(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            try (Statement st = scratch.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                st.execute("DROP TABLE IF EXISTS screening_party_key, screening_entry");
                // as V78
                st.execute("""
                        CREATE TABLE screening_party_key (subject_type text NOT NULL, subject_id bigint NOT NULL,
                          fingerprint char(64) NOT NULL, name_key text NOT NULL, core_key text,
                          PRIMARY KEY (subject_type, subject_id, name_key))""");
                st.execute("CREATE INDEX screening_party_key_trgm ON screening_party_key USING gin (name_key gin_trgm_ops)");
                st.execute("CREATE TABLE screening_entry (id bigint PRIMARY KEY, added_in bigint, retired_in bigint)");
                st.execute("INSERT INTO screening_entry (id) SELECT DISTINCT entry_id FROM screening_name WHERE active");
            }
            scratch.setAutoCommit(false);
            long t0 = System.nanoTime();
            PartyKeys.store(scratch, open);
            scratch.commit();
            double storeS = (System.nanoTime() - t0) / 1e9;
            int entries;
            try (Statement st = scratch.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM screening_entry")) {
                    rs.next();
                    entries = rs.getInt(1);
                }
                st.executeUpdate("ANALYZE screening_party_key");
                st.executeUpdate("UPDATE screening_entry SET added_in = -1 WHERE id IN (SELECT id FROM screening_entry ORDER BY hashtext(id::text) LIMIT "
                        + Math.round(entries * share) + ")");
            }
            scratch.commit();
            t0 = System.nanoTime();
            List<String[]> concerned = RescreeningScope.partiesConcerned(scratch, -1);
            double scopeS = (System.nanoTime() - t0) / 1e9;
            scratch.rollback();
            Map<String, ScreeningSubject> byId = new HashMap<>();
            for (ScreeningSubject s : open) {
                byId.put(s.subjectType() + ":" + s.subjectId(), s);
            }
            Set<ScreeningSubject> descriptions = new LinkedHashSet<>();
            for (String[] p : concerned) {
                ScreeningSubject s = byId.get(p[0] + ":" + p[1]);
                descriptions.add(new ScreeningSubject("SEARCH", 0L, s.name(), s.altNames(), s.address(), s.city(), s.country()));
            }
            bench.setAutoCommit(false);
            t0 = System.nanoTime();
            for (ScreeningSubject d : descriptions) {
                ScreeningSearch.search(bench, d, PartyScorer.HIT_THRESHOLD, 50);
                bench.rollback();
            }
            double searchS = (System.nanoTime() - t0) / 1e9;
            Set<ScreeningSubject> allDescriptions = new LinkedHashSet<>();
            for (ScreeningSubject s : open) {
                allDescriptions.add(new ScreeningSubject("SEARCH", 0L, s.name(), s.altNames(), s.address(), s.city(), s.country()));
            }
            System.out.printf(java.util.Locale.ROOT, """
                    open parties %d (%d distinct descriptions), list %d entries, update touches %d (%.1f%%)
                    storing all parties' name keys (once, e.g. after the migration): %.1f s
                    finding the parties concerned (RescreeningScope.partiesConcerned): %.1f s -> %d parties, %d distinct descriptions
                    searching those descriptions (ScreeningSearch, rolled back): %.1f s (%.1f ms each)
                    a full re-screening searches %d descriptions: about %.0f s at that rate
                    """, open.size(), allDescriptions.size(), entries, Math.round(entries * share), share * 100, storeS, scopeS,
                    concerned.size(), descriptions.size(), searchS, descriptions.isEmpty() ? 0 : searchS * 1000 / descriptions.size(),
                    allDescriptions.size(), descriptions.isEmpty() ? 0 : searchS / descriptions.size() * allDescriptions.size());
        }
    }
}
