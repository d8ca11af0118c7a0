package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bench, not a unit test (run with -Dscreening.bench=true): a generated list of 50,000 entries is imported
 * and searched; timings are printed, only correctness is asserted.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screening.bench", matches = "true")
class ScreeningScaleBench {

    static final String[] SYLLABLES = { "zhong", "hua", "xin", "tian", "long", "feng", "yun", "hai", "jin", "shan", "kang",
            "rui", "tong", "da", "guang", "ming", "xing", "chen", "bo", "sheng", "wei", "jia", "heng", "yuan", "li", "an",
            "kai", "tai", "hong", "qi", "sen", "lan", "ding", "fu", "mei", "nuo" };
    static final String[] WORDS = { "Technology", "Electronics", "Information", "Trading", "Semiconductor", "Industrial",
            "Precision", "Microelectronics", "Optical", "Software", "Equipment", "Materials", "Research Institute" };
    static final String[] PLACES = { "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Wuhan", "Chengdu", "Tianjin", "Nanjing",
            "Suzhou", "Xi'an", "Hong Kong", "Moscow", "Tehran" };
    static final String[] FORMS = { "Co., Ltd.", "Limited", "Corporation", "Group Co., Ltd.", "Inc.", "JSC" };

    @Inject
    ListImporter importer;

    @Inject
    ScreeningSearch search;

    @Test
    void fiftyThousandEntries() {
        Random r = new Random(42);
        List<String> lines = new ArrayList<>(ScreeningTestSupport.demoLines());
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String core = cap(SYLLABLES[r.nextInt(SYLLABLES.length)]) + SYLLABLES[r.nextInt(SYLLABLES.length)]
                    + (r.nextBoolean() ? SYLLABLES[r.nextInt(SYLLABLES.length)] : "");
            String place = PLACES[r.nextInt(PLACES.length)];
            String name = (r.nextBoolean() ? place + " " : "") + core + " " + WORDS[r.nextInt(WORDS.length)] + " "
                    + FORMS[r.nextInt(FORMS.length)];
            lines.add(ScreeningTestSupport.cslRow("GEN-" + i, name, "District " + r.nextInt(40) + ", " + place + ", CN",
                    r.nextInt(4) == 0 ? core.toUpperCase() : ""));
            if (i % 2500 == 0) {
                sample.add(name);
            }
        }
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        ListImporter.ImportResult result = importer.importFile(file, "bench.csv", ScreeningTestSupport.TESTER, null);
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(50_035, result.entries());

        List<String> queries = new ArrayList<>(sample);
        queries.addAll(List.of("Huawei Technologies", "华为技术有限公司", "SMIC", "Hikvision Digital Tech", "Beijing Technology Co Ltd",
                "Zhongxin Electronics", "Tianlong Software Limited", "Lotus Harbour Foods"));
        search.search(ScreeningSubject.query("warm up", null, null), PartyScorer.SEARCH_FLOOR, 25);
        long total = 0;
        long worst = 0;
        for (String q : queries) {
            long s0 = System.nanoTime();
            List<PartyScorer.Scored> hits = search.search(ScreeningSubject.query(q, null, "CN"), PartyScorer.SEARCH_FLOOR, 25);
            long ms = (System.nanoTime() - s0) / 1_000_000;
            total += ms;
            worst = Math.max(worst, ms);
            if (sample.contains(q)) {
                assertTrue(hits.stream().anyMatch(h -> h.candidate().entryName().equals(q)), q + " finds itself");
            }
        }
        System.out.printf("BENCH import of 50,035 entries: %d ms; %d searches: mean %d ms, worst %d ms%n", importMs,
                queries.size(), total / queries.size(), worst);
        long r0 = System.nanoTime();
        ListImporter.ImportResult back = ScreeningTestSupport.demoListInForce(importer);
        System.out.printf("BENCH re-import of the demo list (50,000 removed): %d ms%n", (System.nanoTime() - r0) / 1_000_000);
        assertEquals(50_000, back.removed());
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
