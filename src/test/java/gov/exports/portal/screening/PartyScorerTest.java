package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Normalisation and scoring without the database, and the evaluation set scored against every entry. */
class PartyScorerTest {

    @Test
    void foldsCaseWidthAccentsAndPunctuation() {
        assertEquals("huawei tech co ltd", NameKeys.fold("ＨＵＡＷＥＩ Tech. Co., Ltd."));
        assertEquals("societe generale", NameKeys.fold("Société Générale"));
        assertEquals("摩尔线程智能科技 北京 有限责任公司", NameKeys.fold("摩尔线程智能科技（北京）有限责任公司"));
        assertEquals("peoples bank", NameKeys.fold("People's Bank"));
    }

    @Test
    void keysDropLegalFormsAndExpandAbbreviations() {
        assertEquals("huawei technology", NameKeys.key("Huawei Technologies Co., Ltd."));
        assertEquals("huawei technology", NameKeys.key("HUAWEI TECH CO LTD"));
        assertEquals("semiconductor manufacturing international", NameKeys.key("Semiconductor Mfg. Int'l Corp."));
        assertEquals("华为 技术", NameKeys.key("华为技术有限公司"));
        assertEquals("杭州 海康威视 数字 技术", NameKeys.key("杭州海康威视数字技术股份有限公司"));
        assertTrue(NameKeys.acronyms("Semiconductor Manufacturing International Corporation").contains("smic"));
        assertTrue(NameKeys.acronyms("National University of Defense Technology").contains("nudt"));
        assertTrue(NameKeys.acronyms("Yangtze Memory Technologies Co., Ltd.").contains("ymtc"));
    }

    @Test
    void wordOrderAndLegalSuffixesDoNotChangeTheScore() {
        double a = NameMatcher.score("Huawei Technologies Co., Ltd.", "Huawei Technologies Co., Ltd.").score();
        double b = NameMatcher.score("Technologies Huawei", "Huawei Technologies Co., Ltd.").score();
        double c = NameMatcher.score("Huawei Technologies Limited Company", "Huawei Technologies Co., Ltd.").score();
        assertEquals(1.0, a, 1e-9);
        assertTrue(b > 0.9, "reordered: " + b);
        assertTrue(c > 0.95, "suffix varied: " + c);
        // a different distinctive word with the same suffixes stays low
        assertTrue(NameMatcher.score("Huaqin Technology Co., Ltd.", "Huawei Technologies Co., Ltd.").score() < 0.6);
    }

    @Test
    void explanationNamesTheMatchedAliasAndAddress() {
        ListEntryData e = ScreeningTestSupport.entries(EvaluationSet.demoList()).get(0);
        PartyScorer.Scored s = PartyScorer.score(new ScreeningSubject("SEARCH", 0L, "华为技术有限公司", List.of(),
                "Longgang District", "Shenzhen", "China"), candidate(e, 1));
        assertTrue(s.score() >= PartyScorer.HIT_THRESHOLD, s.toString());
        String text = String.join("\n", s.explanation());
        assertTrue(text.contains("alias \"华为技术有限公司\""), text);
        assertTrue(text.contains("Country China is a country of the listed addresses"), text);
        assertTrue(text.contains("shenzhen"), text);
    }

    @Test
    void evaluationSetScoredAgainstEveryEntry() {
        List<PartyScorer.Candidate> all = new ArrayList<>();
        long id = 1;
        for (ListEntryData e : ScreeningTestSupport.entries(EvaluationSet.demoList())) {
            all.add(candidate(e, id++));
        }
        EvaluationSet set = EvaluationSet.load();
        EvaluationSet.Measure m = set.measure(subject -> all.stream().map(c -> PartyScorer.score(subject, c))
                .filter(s -> s.score() >= PartyScorer.HIT_THRESHOLD)
                .sorted(Comparator.comparingDouble(PartyScorer.Scored::score).reversed())
                .map(s -> s.candidate().entryKey()).toList());
        System.out.println("Evaluation (scorer only): " + m);
        assertTrue(set.queries().stream().filter(EvaluationSet.Query::shouldMatch).count() >= 40);
        assertTrue(set.queries().stream().filter(q -> !q.shouldMatch()).count() >= 40);
        assertTrue(m.precision() >= 0.9, m.toString());
        assertTrue(m.recall() >= 0.9, m.toString());
    }

    static PartyScorer.Candidate candidate(ListEntryData e, long id) {
        List<PartyScorer.ListedName> names = new ArrayList<>();
        names.add(new PartyScorer.ListedName("NAME", e.name()));
        e.altNames().forEach(a -> names.add(new PartyScorer.ListedName("ALIAS", a)));
        NameKeys.acronyms(e.name()).forEach(a -> names.add(new PartyScorer.ListedName("ACRONYM", a)));
        return new PartyScorer.Candidate(id, e.key(), e.name(), e.source(), names, e.addresses());
    }
}
