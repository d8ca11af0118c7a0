package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Matching quality through the real pipeline (stored keys, pg_trgm candidate retrieval in PostgreSQL, scoring)
 * on our labelled evaluation set, at the hit threshold. The measured figures are reported in the README.
 */
@QuarkusTest
class MatchingEvaluationTest {

    @Inject
    ListImporter importer;

    @Inject
    ScreeningSearch search;

    @Test
    void precisionAndRecallOnTheEvaluationSet() {
        ScreeningTestSupport.demoListInForce(importer);
        EvaluationSet set = EvaluationSet.load();
        EvaluationSet.Measure m = set.measure(subject -> search.search(subject, PartyScorer.HIT_THRESHOLD, 10).stream()
                .map(s -> s.candidate().entryKey()).toList());
        System.out.println("Evaluation (PostgreSQL pipeline, threshold " + PartyScorer.HIT_THRESHOLD + "): " + m);
        assertTrue(m.precision() >= 0.95, m.toString());
        assertTrue(m.recall() >= 0.95, m.toString());
    }

    @Test
    void hitsAreRankedAndExplained() {
        ScreeningTestSupport.demoListInForce(importer);
        List<PartyScorer.Scored> hits = search.search(new ScreeningSubject("SEARCH", 0L, "Hikvision Hangzhou Digital Tech Co",
                List.of("海康威视"), "555 Qianmo Road", "Hangzhou", "CN"), PartyScorer.SEARCH_FLOOR, 10);
        PartyScorer.Scored top = hits.get(0);
        assertEquals("ELP-0003", top.candidate().entryKey());
        String why = String.join("\n", top.explanation());
        assertTrue(why.contains("matched the listed name \"Hangzhou Hikvision Digital Technology Co., Ltd.\""), why);
        assertTrue(why.contains("\"tech\" = \"technology\""), why);
        assertTrue(why.contains("qianmo"), "the matching address words are named: " + why);
        // the country lowers a score: the same name in another country ranks lower
        double inChina = search.search(ScreeningSubject.query("Sophgo", null, "CN"), 0, 1).get(0).score();
        double elsewhere = search.search(ScreeningSubject.query("Sophgo", null, "Germany"), 0, 1).get(0).score();
        assertTrue(elsewhere < inChina, elsewhere + " < " + inChina);
    }
}
