package gov.exports.portal.screening;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bench only: the delta re-screening's own steps at bench scale, without writing to the bench database. Open parties
 * (open applications' parties, approved customers not revoked) are read from the bench database; a copy of the list
 * goes to a scratch database, where a list update that added a share of the entries is simulated: before it (the
 * "old" list) those entries' names are not in force. Set-up, not timed: every party's keys are stored; the parties the
 * update concerns are searched against the old list (what their latest screening and stored candidate counts would
 * be). Timed: RescreeningScope.changedNamesPassing (the pairs of party key and changed name passing the candidate
 * test) and RescreeningScope.rematch (the concerned parties matched against the changed entries, entries read from the
 * bench database), then a full search (ScreeningSearch, rolled back, bench database) of the parties rematch leaves to
 * it. Checked, not timed: every party matched against the changes only gets exactly the hits a full search of the
 * bench database (the "new" list) gives it. Writing runs and hits is not included.
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
            Map<String, ScreeningSubject> byId = new LinkedHashMap<>();
            for (ScreeningSubject s : open) {
                byId.put(s.subjectType() + ":" + s.subjectId(), s);
            }
            try (Statement st = scratch.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                st.execute("DROP TABLE IF EXISTS screening_party_key");
                // as V78 and V90
                st.execute("""
                        CREATE TABLE screening_party_key (subject_type text NOT NULL, subject_id bigint NOT NULL,
                          fingerprint char(64) NOT NULL, name_key text NOT NULL, core_key text,
                          candidate_names integer, cutoff_rank real, cutoff_name_id bigint,
                          PRIMARY KEY (subject_type, subject_id, name_key))""");
                st.execute("CREATE INDEX screening_party_key_trgm ON screening_party_key USING gin (name_key gin_trgm_ops)");
                // as V20 (screening_entry and its names are copied by delta.sh)
                st.execute("CREATE INDEX screening_name_key_trgm ON screening_name USING gin (name_key gin_trgm_ops) WHERE active");
                st.execute("CREATE INDEX screening_name_entry_idx ON screening_name (entry_id)");
            }
            scratch.setAutoCommit(false);
            long t0 = System.nanoTime();
            PartyKeys.store(scratch, open);
            scratch.commit();
            double storeS = (System.nanoTime() - t0) / 1e9;
            int entries;
            try (Statement st = scratch.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM screening_entry WHERE retired_in IS NULL")) {
                    rs.next();
                    entries = rs.getInt(1);
                }
                st.executeUpdate("ANALYZE screening_party_key");
                // the update added these entries: in the old list their names are not in force
                st.executeUpdate("UPDATE screening_entry SET added_in = -1 WHERE id IN (SELECT id FROM screening_entry WHERE retired_in IS NULL "
                        + "ORDER BY hashtext(id::text) LIMIT " + Math.round(entries * share) + ")");
                st.executeUpdate("UPDATE screening_name SET active = false WHERE entry_id IN (SELECT id FROM screening_entry WHERE added_in = -1)");
                st.executeUpdate("ANALYZE screening_name");
            }
            scratch.commit();

            // set-up: which parties the update concerns (the same pairs as below, before their candidate counts are stored)
            Set<String> concernedIds = new LinkedHashSet<>();
            for (RescreeningScope.Passing p : RescreeningScope.changedNamesPassing(scratch, -1)) {
                concernedIds.add(p.subjectType() + ":" + p.subjectId());
            }
            scratch.commit();

            // set-up: the concerned parties as screened against the old list (their latest hits, stored candidate counts)
            t0 = System.nanoTime();
            Map<ScreeningSubject, ScreeningSearch.Found> oldByDescription = new HashMap<>();
            Map<ScreeningSubject, Map<String, PartyKeys.Candidates>> states = new LinkedHashMap<>();
            Map<String, List<long[]>> hits = new HashMap<>();
            for (String id : concernedIds) {
                ScreeningSubject s = byId.get(id);
                ScreeningSearch.Found old = oldByDescription.computeIfAbsent(ScreeningService.description(s), d -> {
                    try {
                        return ScreeningSearch.find(scratch, d, PartyScorer.HIT_THRESHOLD, ScreeningService.HITS_KEPT);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                states.put(s, old.candidatesByKey());
                hits.put(id, old.scored().stream().map(x -> new long[] { x.candidate().entryId(), 0 }).toList());
            }
            PartyKeys.store(scratch, states);
            scratch.commit();
            double setupS = (System.nanoTime() - t0) / 1e9;

            // timed: the pairs (party key, changed name) passing the candidate test, and for keys the limit cut, whether
            // the name ranks among those kept
            t0 = System.nanoTime();
            List<RescreeningScope.Passing> pairs = RescreeningScope.changedNamesPassing(scratch, -1);
            double pairsS = (System.nanoTime() - t0) / 1e9;
            scratch.commit();
            Map<String, List<RescreeningScope.Passing>> concerned = new LinkedHashMap<>();
            for (RescreeningScope.Passing p : pairs) {
                concerned.computeIfAbsent(p.subjectType() + ":" + p.subjectId(), x -> new ArrayList<>()).add(p);
            }

            // timed: matched against the changed entries (read from the bench database, where they are in force)
            t0 = System.nanoTime();
            Map<String, Map<String, PartyKeys.Candidates>> stored = RescreeningScope.storedCandidates(scratch, concerned.keySet(), byId);
            RescreeningScope.Rematch r = RescreeningScope.rematch(bench, byId, concerned, hits, stored);
            // the re-matched parties' hits are scored when they are recorded: timed here too
            Map<ScreeningSubject, ScreeningSearch.Found> rematched = RescreeningScope.found(bench, r.rematched());
            double rematchS = (System.nanoTime() - t0) / 1e9;
            bench.setAutoCommit(false);
            Set<ScreeningSubject> fullDescriptions = new LinkedHashSet<>();
            for (String id : r.searchInFull()) {
                fullDescriptions.add(ScreeningService.description(byId.get(id)));
            }
            // timed: those left to a full search
            t0 = System.nanoTime();
            for (ScreeningSubject d : fullDescriptions) {
                ScreeningSearch.find(bench, d, PartyScorer.HIT_THRESHOLD, ScreeningService.HITS_KEPT);
                bench.rollback();
            }
            double searchS = (System.nanoTime() - t0) / 1e9;

            // checked: the parties matched against the changes only have the hits a full search of the new list gives
            Map<ScreeningSubject, List<String>> truth = new HashMap<>();
            int checked = 0;
            int wrong = 0;
            Set<ScreeningSubject> concernedDescriptions = new LinkedHashSet<>();
            for (String id : concerned.keySet()) {
                concernedDescriptions.add(ScreeningService.description(byId.get(id)));
                if (r.searchInFull().contains(id)) {
                    continue;
                }
                ScreeningSubject s = byId.get(id);
                List<String> expected = truth.computeIfAbsent(ScreeningService.description(s), d -> {
                    try {
                        List<String> x = SearchBench.show(ScreeningSearch.find(bench, d, PartyScorer.HIT_THRESHOLD, ScreeningService.HITS_KEPT).scored());
                        bench.rollback();
                        return x;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ScreeningSearch.Found m = rematched.get(s);
                List<String> got = SearchBench.show(m != null ? m.scored() : oldByDescription.get(ScreeningService.description(s)).scored());
                checked++;
                if (!expected.equals(got)) {
                    wrong++;
                    if (wrong <= 5) {
                        List<String> onlySearch = new ArrayList<>(expected);
                        onlySearch.removeAll(got);
                        List<String> onlyDelta = new ArrayList<>(got);
                        onlyDelta.removeAll(expected);
                        System.out.println("DIFFERENT " + id + " " + s.name() + "\n  only in the search " + onlySearch + "\n  only in the delta  " + onlyDelta);
                    }
                }
            }
            Set<ScreeningSubject> allDescriptions = new LinkedHashSet<>();
            for (ScreeningSubject s : open) {
                allDescriptions.add(ScreeningService.description(s));
            }
            System.out.printf(java.util.Locale.ROOT, """
                    open parties %d (%d distinct descriptions), list %d entries, update adds %d (%.1f%%)
                    storing all parties' name keys (once, e.g. after the migration): %.1f s
                    set-up, not timed: the concerned parties searched against the old list: %.1f s
                    finding the parties concerned (RescreeningScope.changedNamesPassing): %.1f s -> %d pairs, %d parties, %d distinct descriptions
                    matching them against the changed entries (RescreeningScope.rematch): %.1f s -> %d matched against the changes only (%d with other hits now), %d left to a full search
                    full search of those (ScreeningSearch, rolled back): %.1f s for %d distinct descriptions (%.1f ms each)
                    delta re-screening total (pairs + rematch + full searches, without writing runs): %.1f s
                    check: %d parties matched against the changes only, %d with hits different from a full search of the new list
                    """, open.size(), allDescriptions.size(), entries, Math.round(entries * share), share * 100, storeS, setupS,
                    pairsS, pairs.size(), concerned.size(), concernedDescriptions.size(),
                    rematchS, r.matchedAgainstChanges(), r.rematched().size(), r.searchInFull().size(),
                    searchS, fullDescriptions.size(), fullDescriptions.isEmpty() ? 0 : searchS * 1000 / fullDescriptions.size(),
                    pairsS + rematchS + searchS, checked, wrong);
        }
    }
}
