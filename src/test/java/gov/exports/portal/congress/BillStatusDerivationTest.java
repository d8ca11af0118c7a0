package gov.exports.portal.congress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gov.exports.portal.congress.BillStatusDerivation.ActionFacts;
import gov.exports.portal.congress.BillStatusDerivation.Step;

/** The status table: each row is a sequence of actions (oldest first) as the sources write them, and the status it means. */
class BillStatusDerivationTest {

    // Actions written as "code|type|text"; a blank code is a chamber action without one (Senate actions never have codes).
    static final String INTRO_S_LOC = "10000|IntroReferral|Introduced in Senate";
    static final String REFER_S = "|IntroReferral|Read twice and referred to the Committee on Banking, Housing, and Urban Affairs.";
    static final String INTRO_H_LOC = "1000|IntroReferral|Introduced in House";
    static final String INTRO_H_CODE = "Intro-H|IntroReferral|Introduced in House";
    static final String REFER_H = "H11100|IntroReferral|Referred to the House Committee on Foreign Affairs.";
    static final String REPORTED_S_LOC = "14000|Committee|Committee on Commerce, Science, and Transportation. Reported by Senator Cantwell with an amendment.";
    static final String REPORTED_S = "|Committee|Committee on Commerce, Science, and Transportation. Reported by Senator Cantwell with an amendment.";
    static final String DISCHARGED_S = "14500|Committee|Senate Committee on Foreign Relations discharged by Unanimous Consent.";
    static final String PASSED_S_LOC = "17000|Floor|Passed/agreed to in Senate: Passed Senate with an amendment by Voice Vote.";
    static final String PASSED_S = "|Floor|Passed Senate with an amendment by Voice Vote.";
    static final String PASSED_H_LOC = "8000|Floor|Passed/agreed to in House: On motion to suspend the rules and pass the bill Agreed to by voice vote.";
    static final String PASSED_H_FLOOR = "H37300|Floor|On motion to suspend the rules and pass the bill Agreed to by voice vote.";
    static final String FAILED_H = "9000|Floor|Failed of passage/not agreed to in House: On passage Failed by the Yeas and Nays: 180 - 240.";
    static final String PRESENTED_LOC = "28000|President|Presented to President.";
    static final String PRESENTED_H = "E20000|Floor|Presented to President.";
    static final String SIGNED = "36000|BecameLaw|Signed by President.";
    static final String SIGNED_E = "E30000|President|Signed by President.";
    static final String LAW_LOC = "36000|BecameLaw|Became Public Law No: 117-103.";
    static final String LAW_E = "E40000|President|Became Public Law No: 117-103.";
    static final String VETO = "31000|Veto|Vetoed by President.";
    static final String VETO_TEXT = "|President|Vetoed by President.";
    static final String OVERRIDE_FAILED = "|Veto|Failed of passage in Senate over veto by Yea-Nay Vote. 50 - 49.";
    static final String DEBATE = "H8D000|Floor|DEBATE - The House proceeded with forty minutes of debate.";
    static final String CALENDAR = "|Calendars|Placed on Senate Legislative Calendar under General Orders. Calendar No. 58.";

    static Stream<Arguments> table() {
        return Stream.of(
                row(BillStatus.INTRODUCED, false, INTRO_S_LOC),
                row(BillStatus.INTRODUCED, false, INTRO_H_LOC, INTRO_H_CODE),
                // the SAFE Chips Act: Library of Congress introduction plus the Senate's referral without a code
                row(BillStatus.IN_COMMITTEE, false, INTRO_S_LOC, REFER_S),
                row(BillStatus.IN_COMMITTEE, false, INTRO_H_LOC, INTRO_H_CODE, REFER_H),
                row(BillStatus.REPORTED, false, INTRO_S_LOC, REFER_S, REPORTED_S, REPORTED_S_LOC, CALENDAR),
                row(BillStatus.PASSED_SENATE, false, INTRO_S_LOC, REFER_S, REPORTED_S_LOC, PASSED_S, PASSED_S_LOC),
                row(BillStatus.PASSED_HOUSE, false, INTRO_H_LOC, REFER_H, DEBATE, PASSED_H_FLOOR, PASSED_H_LOC),
                row(BillStatus.PASSED_BOTH, false, INTRO_H_LOC, REFER_H, PASSED_H_LOC, DISCHARGED_S, PASSED_S_LOC),
                row(BillStatus.TO_PRESIDENT, false, INTRO_H_LOC, PASSED_H_LOC, PASSED_S_LOC, PRESENTED_H, PRESENTED_LOC),
                // H.R. 2471 (117th): each step twice, "Signed by President" coded 36000 as well
                row(BillStatus.BECAME_LAW, false, INTRO_H_LOC, INTRO_H_CODE, REFER_H, PASSED_H_FLOOR, PASSED_H_LOC, DISCHARGED_S,
                        PASSED_S_LOC, PRESENTED_LOC, PRESENTED_H, SIGNED, SIGNED_E, LAW_LOC, LAW_E),
                row(BillStatus.VETOED, false, INTRO_S_LOC, PASSED_S_LOC, PASSED_H_LOC, PRESENTED_LOC, VETO),
                row(BillStatus.VETOED, false, INTRO_S_LOC, PASSED_S_LOC, PASSED_H_LOC, PRESENTED_LOC, VETO_TEXT, OVERRIDE_FAILED),
                row(BillStatus.FAILED, false, INTRO_H_LOC, REFER_H, FAILED_H),
                // a later passage supersedes a failed vote
                row(BillStatus.PASSED_HOUSE, false, INTRO_H_LOC, FAILED_H, PASSED_H_LOC),
                // a law number settles it even if the enactment action is missing from the file
                row(BillStatus.BECAME_LAW, true, INTRO_H_LOC, PASSED_H_LOC, PASSED_S_LOC),
                row(BillStatus.INTRODUCED, false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("table")
    void derivesTheStatusFromTheActions(BillStatus expected, boolean enacted, List<String> actions) {
        assertEquals(expected, BillStatusDerivation.derive(facts(actions), enacted).status());
    }

    @Test
    void duplicatesFromBothSourcesCountOnceAtTheEarliestDate() {
        List<ActionFacts> actions = List.of(
                new ActionFacts(LocalDate.of(2022, 3, 14), null, "E20000", "Floor", "Presented to President."),
                new ActionFacts(LocalDate.of(2022, 3, 14), null, "28000", "President", "Presented to President."),
                new ActionFacts(LocalDate.of(2022, 3, 15), null, "36000", "BecameLaw", "Signed by President."),
                new ActionFacts(LocalDate.of(2022, 3, 15), null, "E40000", "President", "Became Public Law No: 117-103."),
                new ActionFacts(LocalDate.of(2021, 4, 13), null, "1000", "IntroReferral", "Introduced in House"));
        BillStatusDerivation.Derived d = BillStatusDerivation.derive(actions, false);
        assertEquals(BillStatus.BECAME_LAW, d.status());
        assertEquals(LocalDate.of(2022, 3, 15), d.statusDate());
        assertEquals(LocalDate.of(2022, 3, 14), d.steps().get(Step.PRESENTED));
        assertEquals(LocalDate.of(2021, 4, 13), d.steps().get(Step.INTRODUCED));
    }

    @Test
    void actionsThatMarkNoStepAreIgnored() {
        assertNull(BillStatusDerivation.stepOf(fact(DEBATE)));
        assertNull(BillStatusDerivation.stepOf(fact(CALENDAR)));
        assertNull(BillStatusDerivation.stepOf(fact("|Floor|Considered by Senate. (consideration: CR S3975-3980)")));
        assertEquals(Step.REFERRED, BillStatusDerivation.stepOf(fact(REFER_S)));
        assertEquals(Step.BECAME_LAW, BillStatusDerivation.stepOf(fact("|BecameLaw|Became Private Law No: 115-1.")));
    }

    private static Arguments row(BillStatus expected, boolean enacted, String... actions) {
        return Arguments.of(expected, enacted, List.of(actions));
    }

    private static List<ActionFacts> facts(List<String> actions) {
        List<ActionFacts> out = new ArrayList<>();
        LocalDate d = LocalDate.of(2025, 1, 3);
        for (String a : actions) {
            out.add(fact(a, d));
            d = d.plusDays(1);
        }
        return out;
    }

    private static ActionFacts fact(String a) {
        return fact(a, LocalDate.of(2025, 1, 3));
    }

    private static ActionFacts fact(String a, LocalDate date) {
        String[] p = a.split("\\|", 3);
        return new ActionFacts(date, null, p[0].isEmpty() ? null : p[0], p[1], p[2]);
    }
}
