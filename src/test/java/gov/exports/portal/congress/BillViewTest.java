package gov.exports.portal.congress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.exports.portal.congress.BillStatusDerivation.ActionFacts;

/** The status tracker's steps and the party breakdown, as the bill page shows them. */
class BillViewTest {

    static List<String> steps(String originChamber, boolean enacted, ActionFacts... actions) {
        Bill b = new Bill();
        b.originChamber = originChamber;
        return BillView.steps(b, BillStatusDerivation.derive(List.of(actions), enacted)).stream()
                .map(s -> s.label() + "=" + s.state() + (s.date() == null ? "" : "@" + s.date())).toList();
    }

    static ActionFacts a(String date, String code, String text) {
        return new ActionFacts(LocalDate.parse(date), null, code, null, text);
    }

    @Test
    void aLawHasEveryStepDoneAndTheLastCurrent() {
        List<String> s = steps("House", false, a("2021-04-13", "1000", "Introduced in House"),
                a("2021-06-29", "8000", "Passed/agreed to in House"), a("2022-01-13", "17000", "Passed/agreed to in Senate"),
                a("2022-03-14", "28000", "Presented to President."), a("2022-03-15", "36000", "Became Public Law No: 117-103."));
        assertEquals(List.of("Introduced=done@2021-04-13", "In committee=done", "Reported by committee=done", "Passed House=done@2021-06-29",
                "Passed both chambers=done@2022-01-13", "To the President=done@2022-03-14", "Became law=current@2022-03-15"), s);
    }

    @Test
    void aVetoEndsTheTrackAfterThePresident() {
        List<String> s = steps("Senate", false, a("2025-01-03", "10000", "Introduced in Senate"), a("2025-02-03", "17000", "Passed Senate"),
                a("2025-03-03", "8000", "Passed House"), a("2025-03-10", "28000", "Presented to President."),
                a("2025-03-20", "31000", "Vetoed by President."));
        assertEquals("To the President=done@2025-03-10", s.get(5));
        assertEquals("Vetoed=current@2025-03-20", s.get(6));
        assertEquals(7, s.size());
    }

    @Test
    void aSenateBillInCommitteeHasTheRestAhead() {
        List<String> s = steps("Senate", false, a("2025-12-04", "10000", "Introduced in Senate"),
                new ActionFacts(LocalDate.parse("2025-12-04"), null, null, "IntroReferral", "Read twice and referred to the Committee on Banking."));
        assertEquals(List.of("Introduced=done@2025-12-04", "In committee=current@2025-12-04", "Reported by committee=upcoming",
                "Passed Senate=upcoming", "Passed both chambers=upcoming", "To the President=upcoming", "Became law=upcoming"), s);
    }
}
