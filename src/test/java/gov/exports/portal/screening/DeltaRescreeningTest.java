package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * After a small list update only the parties its added, changed and removed entries concern are screened again,
 * and every open party ends up with the hits a full re-screening gives it.
 */
@QuarkusTest
class DeltaRescreeningTest {

    @Inject
    ListImporter importer;

    @Inject
    ScreeningService screening;

    @Inject
    TestSubjectSource source;

    @AfterEach
    void cleanUp() {
        source.set(List.of());
        ScreeningTestSupport.awaitRescreen(ScreeningTestSupport.demoListInForce(importer).versionId());
    }

    @Test
    void deltaRescreeningGivesTheHitsOfAFullRescreening() {
        ScreeningTestSupport.awaitRescreen(ScreeningTestSupport.demoListInForce(importer).versionId());
        List<ScreeningSubject> parties = List.of(
                party(9201L, "Qingyun Vector Computing Co., Ltd.", "Shenzhen"), // matches the entry added
                party(9202L, "Tianhe Lattice Photonics Ltd.", "Wuhan"), // matches the entry changed
                party(9203L, "Boreal Silicate Devices Co.", "Dalian"), // has a hit on the entry removed
                party(9204L, "Zhipu Huazhang Technology", "Beijing"), // a demo entry nobody touches
                party(9205L, "Lotus Harbour Foods Ltd.", "Xiamen"), // clean
                party(9206L, "Qingyun Logistics Ltd.", "Shenzhen"), // the entry added passes its candidate test, too weak for a hit
                new ScreeningSubject(TestSubjectSource.TYPE, 9207L, "Tianhe Lattice Photonics Co.", List.of("天河晶格光电有限公司"),
                        "Donghu District", "Wuhan", "CN"), // two names, an address: a hit on the entry changed
                // more names pass these two parties' candidate test than the limit keeps (the 155 "Quorvex Alpha" entries)
                party(9208L, "Quorvex Beta Logistics", "Tianjin"), // the entry added ranks among those kept: searched in full
                party(9209L, "Quorvex Omega", "Tianjin")); // the entries added rank below those kept: nothing changes

        List<String> base = new ArrayList<>(ScreeningTestSupport.demoLines());
        base.add(ScreeningTestSupport.cslRow("DLT-TL01", "Tianhe Lattice Photonics Co., Ltd.", "Donghu District, Wuhan, CN", ""));
        base.add(ScreeningTestSupport.cslRow("DLT-BS01", "Boreal Silicate Devices Company", "Ganjingzi District, Dalian, CN", ""));
        List<String> quorvex = new ArrayList<>();
        for (int i = 1; i <= 155; i++) {
            quorvex.add(ScreeningTestSupport.cslRow(String.format("DLT-QA%03d", i), String.format("Quorvex Alpha %03d Company", i),
                    "Hexi District, Tianjin, CN", ""));
        }
        base.addAll(quorvex);
        long v1 = importer.importFile(String.join("\n", base).getBytes(StandardCharsets.UTF_8), "base.csv",
                ScreeningTestSupport.TESTER, null).versionId();
        ScreeningTestSupport.awaitRescreen(v1);
        for (ScreeningSubject p : parties) {
            screening.screen(p);
        }
        source.set(parties);
        assertEquals(List.of("DLT-BS01"), entryKeys(9203L));
        Map<Long, Long> runsBefore = latestRuns(parties);

        List<String> update = new ArrayList<>(ScreeningTestSupport.demoLines());
        update.add(ScreeningTestSupport.cslRow("DLT-QV01", "Qingyun Vector Computing Co., Ltd.", "Nanshan District, Shenzhen, CN", ""));
        update.addAll(quorvex);
        update.add(ScreeningTestSupport.cslRow("DLT-QB01", "Quorvex Beta Logistics Co.", "Hexi District, Tianjin, CN", ""));
        update.add(ScreeningTestSupport.cslRow("DLT-TL01", "Tianhe Lattice Photonics Co., Ltd.", "Donghu District, Wuhan, CN",
                "Tianhe Lattice Optoelectronics"));
        ListImporter.ImportResult r = importer.importFile(String.join("\n", update).getBytes(StandardCharsets.UTF_8), "update.csv",
                ScreeningTestSupport.TESTER, null);
        assertEquals(2, r.added());
        assertEquals(1, r.changed());
        assertEquals(1, r.removed());
        ScreeningJob job = ScreeningTestSupport.awaitRescreen(r.versionId());
        assertEquals(ScreeningJob.Status.DONE, job.status, job.message);
        assertTrue(job.message.contains("Open parties whose hits stay: "), "a delta re-screening: " + job.message);
        // matched against the changed entries only, not searched: 9201, 9202, 9203, 9206, 9207 and 9209; 9208 searched
        assertTrue(job.message.contains("Screened against the 4 changed entries: of the parties their names concern, 6 were matched "
                + "against those entries only (4 of them have other hits now); searched in full: 1."), job.message);
        assertEquals(job.total, job.done);

        Map<Long, Long> runsAfter = latestRuns(parties);
        for (long changed : List.of(9201L, 9202L, 9203L, 9207L, 9208L)) {
            assertFalse(runsBefore.get(changed).equals(runsAfter.get(changed)), "party " + changed + " screened again");
        }
        for (long untouched : List.of(9204L, 9205L, 9206L, 9209L)) {
            assertEquals(runsBefore.get(untouched), runsAfter.get(untouched), "party " + untouched + " not screened again");
        }
        assertEquals(List.of("DLT-QV01"), entryKeys(9201L));
        assertEquals(List.of("DLT-TL01"), entryKeys(9202L));
        assertEquals(List.of(), entryKeys(9203L));
        assertEquals(List.of("DLT-TL01"), entryKeys(9207L));
        assertEquals(List.of("DLT-QB01"), entryKeys(9208L));
        assertEquals(List.of(), entryKeys(9209L));
        Map<Long, List<String>> delta = hits(parties);
        Map<Long, List<Boolean>> deltaNew = newFlags(parties);

        // a full re-screening of the same parties against the same version
        QuarkusTransaction.requiringNew().run(() -> screening.screenAll(parties, ScreeningService.Trigger.RESCREEN, new HashMap<>()));
        assertEquals(hits(parties), delta);
        // new only where the update brought a hit the party did not have; nothing else is new, as after a full re-screening
        assertEquals(List.of(true), deltaNew.get(9201L));
        assertEquals(List.of(false), deltaNew.get(9202L));
        assertEquals(List.of(false), deltaNew.get(9204L));
    }

    /**
     * A re-matched party's hits are scored when its chunk is recorded, from the entries the scope named: an entry that
     * scores as a hit is kept, one that does not is not, and one retired in between is not a hit any more.
     */
    @Test
    void rematchedHitsAreScoredWhenRecorded() {
        List<String> base = latticeAndBorealInForce();
        ScreeningSubject tianhe = party(9211L, "Tianhe Lattice Photonics Ltd.", "Wuhan");
        long lattice = entryInForce("DLT-TL01");
        long boreal = entryInForce("DLT-BS01");

        screening.recordFound(Map.of(tianhe, new RescreeningScope.Rematched(List.of(boreal, lattice), Map.of())));
        assertEquals(List.of("DLT-TL01"), entryKeys(tianhe.subjectId()), "the entry that scores is a hit, the other is not");

        // DLT-TL01 retired by a newer version after the scope named it
        long v2 = importer.importFile(String.join("\n", base.subList(0, base.size() - 2)).getBytes(StandardCharsets.UTF_8),
                "retired.csv", ScreeningTestSupport.TESTER, null).versionId();
        ScreeningTestSupport.awaitRescreen(v2);
        screening.recordFound(Map.of(tianhe, new RescreeningScope.Rematched(List.of(lattice), Map.of())));
        assertEquals(List.of(), entryKeys(tianhe.subjectId()), "an entry retired since is no hit");
    }

    /**
     * In a delta re-screening a party described differently since its latest screening is searched in full, as it is
     * described now, whatever the changes; a party whose stored name keys are missing gets them again and keeps its hits.
     */
    @Test
    void partiesDescribedDifferentlyOrWithoutKeysAreHandledInADeltaRescreening() {
        List<String> base = latticeAndBorealInForce();
        ScreeningSubject renamed = party(9221L, "Tianhe Lattice Photonics Ltd.", "Wuhan");
        ScreeningSubject keyless = party(9222L, "Tianhe Lattice Photonics Ltd.", "Wuhan");
        screening.screen(renamed);
        screening.screen(keyless);
        assertEquals(List.of("DLT-TL01"), entryKeys(renamed.subjectId()));
        assertEquals(List.of("DLT-TL01"), entryKeys(keyless.subjectId()));
        QuarkusTransaction.requiringNew().run(() -> ListEntry.getEntityManager()
                .createNativeQuery("DELETE FROM screening_party_key WHERE subject_type = ?1 AND subject_id = ?2")
                .setParameter(1, TestSubjectSource.TYPE).setParameter(2, keyless.subjectId()).executeUpdate());
        // the first party now goes by another name; the list changes one entry that concerns neither party
        ScreeningSubject nowBoreal = party(renamed.subjectId(), "Boreal Silicate Devices Co.", "Dalian");
        source.set(List.of(nowBoreal, keyless));
        Map<Long, Long> runsBefore = latestRuns(List.of(nowBoreal, keyless));
        List<String> update = new ArrayList<>(base);
        update.add(ScreeningTestSupport.cslRow("DLT-UN01", "Ostrava Granite Quarries s.r.o.", "Ostrava, CZ", ""));
        long v2 = importer.importFile(String.join("\n", update).getBytes(StandardCharsets.UTF_8), "update.csv",
                ScreeningTestSupport.TESTER, null).versionId();
        ScreeningJob job = ScreeningTestSupport.awaitRescreen(v2);
        assertEquals(ScreeningJob.Status.DONE, job.status, job.message);
        assertTrue(job.message.contains("searched in full: 1. Open parties whose hits stay: "), job.message);

        assertEquals(List.of("DLT-BS01"), entryKeys(nowBoreal.subjectId()), "searched in full as described now");
        Map<Long, Long> runsAfter = latestRuns(List.of(nowBoreal, keyless));
        assertFalse(runsBefore.get(nowBoreal.subjectId()).equals(runsAfter.get(nowBoreal.subjectId())));
        assertEquals(runsBefore.get(keyless.subjectId()), runsAfter.get(keyless.subjectId()), "its screening stays");
        assertEquals(List.of("DLT-TL01"), entryKeys(keyless.subjectId()));
        long keys = QuarkusTransaction.requiringNew().call(() -> ((Number) ListEntry.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM screening_party_key WHERE subject_type = ?1 AND subject_id = ?2")
                .setParameter(1, TestSubjectSource.TYPE).setParameter(2, keyless.subjectId()).getSingleResult()).longValue());
        assertTrue(keys > 0, "its name keys are stored again");
    }

    /** The demo list plus DLT-TL01 (Tianhe Lattice Photonics) and DLT-BS01 (Boreal Silicate Devices) in force, re-screened. */
    private List<String> latticeAndBorealInForce() {
        ScreeningTestSupport.awaitRescreen(ScreeningTestSupport.demoListInForce(importer).versionId());
        List<String> base = new ArrayList<>(ScreeningTestSupport.demoLines());
        base.add(ScreeningTestSupport.cslRow("DLT-TL01", "Tianhe Lattice Photonics Co., Ltd.", "Donghu District, Wuhan, CN", ""));
        base.add(ScreeningTestSupport.cslRow("DLT-BS01", "Boreal Silicate Devices Company", "Ganjingzi District, Dalian, CN", ""));
        ScreeningTestSupport.awaitRescreen(importer.importFile(String.join("\n", base).getBytes(StandardCharsets.UTF_8), "base.csv",
                ScreeningTestSupport.TESTER, null).versionId());
        return base;
    }

    private static long entryInForce(String entryKey) {
        return QuarkusTransaction.requiringNew().call(() -> ListEntry.<ListEntry> find("entryKey = ?1 and retiredIn is null", entryKey)
                .singleResult().id);
    }

    private static ScreeningSubject party(long id, String name, String city) {
        return new ScreeningSubject(TestSubjectSource.TYPE, id, name, List.of(), null, city, "CN");
    }

    private List<String> entryKeys(long id) {
        return QuarkusTransaction.requiringNew().call(() -> screening.currentHits(TestSubjectSource.TYPE, id).stream()
                .map(h -> h.entry.entryKey).toList());
    }

    /** Per party: entry version, score, name matched and status of each hit, as an officer sees them. */
    private Map<Long, List<String>> hits(List<ScreeningSubject> parties) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, List<String>> out = new TreeMap<>();
            for (ScreeningSubject p : parties) {
                out.put(p.subjectId(), screening.currentHits(p.subjectType(), p.subjectId()).stream()
                        .map(h -> h.entry.id + " " + h.scoreText() + " " + h.matchedName + " " + h.status + "\n" + h.explanation)
                        .sorted().toList());
            }
            return out;
        });
    }

    private Map<Long, List<Boolean>> newFlags(List<ScreeningSubject> parties) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, List<Boolean>> out = new HashMap<>();
            for (ScreeningSubject p : parties) {
                out.put(p.subjectId(), screening.currentHits(p.subjectType(), p.subjectId()).stream().map(h -> h.isNew).toList());
            }
            return out;
        });
    }

    private static Map<Long, Long> latestRuns(List<ScreeningSubject> parties) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Long> out = new HashMap<>();
            for (ScreeningSubject p : parties) {
                ScreeningRun run = ScreeningRun.latest(p.subjectType(), p.subjectId());
                out.put(p.subjectId(), run == null ? null : run.id);
            }
            return out;
        });
    }
}
