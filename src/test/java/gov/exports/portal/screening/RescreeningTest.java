package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A list update re-screens every open party of every subject source, flags new hits and shows progress. */
@QuarkusTest
class RescreeningTest {

    @Inject
    ListImporter importer;

    @Inject
    ScreeningService screening;

    @Inject
    TestSubjectSource source;

    @AfterEach
    void cleanUp() {
        source.set(List.of());
        ScreeningTestSupport.demoListInForce(importer);
    }

    @Test
    void newListVersionRescreensOpenPartiesAndFlagsNewHits() {
        // earlier re-screenings run first (one at a time): let them finish before our parties are open
        ScreeningTestSupport.awaitRescreen(ScreeningTestSupport.demoListInForce(importer).versionId());
        ScreeningSubject acme = new ScreeningSubject(TestSubjectSource.TYPE, 9101L, "Qingyun Vector Computing Co., Ltd.",
                List.of("青云矢量计算有限公司"), "12 Keyuan Road", "Shenzhen", "CN");
        ScreeningSubject zhipu = new ScreeningSubject(TestSubjectSource.TYPE, 9102L, "Zhipu Huazhang Technology", List.of(),
                null, "Beijing", "CN");
        ScreeningSubject clean = new ScreeningSubject(TestSubjectSource.TYPE, 9103L, "Lotus Harbour Foods Ltd.", List.of(),
                null, "Xiamen", "CN");
        assertTrue(screening.screen(acme).hits().isEmpty(), "not listed yet");
        assertEquals(1, screening.screen(zhipu).hits().size());
        source.set(List.of(acme, zhipu, clean));

        List<String> lines = new ArrayList<>(ScreeningTestSupport.demoLines());
        lines.add(ScreeningTestSupport.cslRow("NEW-QV01", "Qingyun Vector Computing Co., Ltd.", "Nanshan District, Shenzhen, CN",
                "青云矢量计算"));
        ListImporter.ImportResult r = importer.importFile(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                "update.csv", ScreeningTestSupport.TESTER, null);
        assertEquals(1, r.added());

        ScreeningJob job = ScreeningTestSupport.awaitRescreen(r.versionId());
        assertEquals(ScreeningJob.Status.DONE, job.status, job.message);
        // the three test parties plus the portal's own open subjects (application parties, approved customers)
        assertTrue(job.total >= 3, "total " + job.total);
        assertEquals(job.total, job.done);
        assertTrue(job.message.contains("1 new hits"), job.message);

        QuarkusTransaction.requiringNew().run(() -> {
            List<ScreeningHit> acmeHits = screening.currentHits(TestSubjectSource.TYPE, 9101L);
            assertEquals(1, acmeHits.size());
            ScreeningHit h = acmeHits.get(0);
            assertEquals("NEW-QV01", h.entry.entryKey);
            assertTrue(h.isNew, "a hit the party did not have before is flagged new");
            assertEquals("RESCREEN", h.run.trigger);
            assertEquals(r.versionId(), h.run.listVersionId);
            ScreeningHit zh = screening.currentHits(TestSubjectSource.TYPE, 9102L).get(0);
            assertFalse(zh.isNew, "a hit found before is not new");
            assertTrue(screening.currentHits(TestSubjectSource.TYPE, 9103L).isEmpty());
            // the officers' queue shows new hits before hits found earlier
            List<Long> queue = screening.openHits(500).stream().map(x -> x.id).toList();
            assertTrue(queue.contains(h.id) && queue.contains(zh.id) && queue.indexOf(h.id) < queue.indexOf(zh.id), queue.toString());
        });
        assertTrue(screening.clearanceFor(TestSubjectSource.TYPE, List.of(9101L)).blocked());
        assertTrue(screening.clearanceFor(TestSubjectSource.TYPE, List.of(9103L)).cleared());
    }
}
