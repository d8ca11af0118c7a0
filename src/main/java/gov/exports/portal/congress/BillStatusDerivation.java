package gov.exports.portal.congress;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place where a bill's status is derived from its actions. Both sources (BILLSTATUS XML and the
 * congress.gov API) report each step twice: once by the Library of Congress with a numeric action code
 * (10000, 17000, 36000 …) and once by the chamber (House codes H11100, E20000 …, or Senate actions with no
 * code, recognised by type and text). Each action is mapped to at most one {@link Step}; a step counts once,
 * at the first date it was reached, whichever source reported it.
 */
public final class BillStatusDerivation {

    /** The legislative steps an action can mark. */
    public enum Step {
        INTRODUCED, REFERRED, REPORTED, PASSED_HOUSE, PASSED_SENATE, PRESENTED, VETOED, FAILED, BECAME_LAW
    }

    /** What the derivation needs of an action, whatever its source. */
    public record ActionFacts(LocalDate date, LocalTime time, String code, String type, String text) {
    }

    /** The result: status, the date it was reached, and the first date of every step reached. */
    public record Derived(BillStatus status, LocalDate statusDate, Map<Step, LocalDate> steps) {
    }

    // Library of Congress codes (USER-GUIDE table 3) and the chamber codes that say the same thing.
    private static final Map<String, Step> CODES = Map.ofEntries(
            Map.entry("1000", Step.INTRODUCED), Map.entry("10000", Step.INTRODUCED), Map.entry("Intro-H", Step.INTRODUCED),
            Map.entry("2000", Step.REFERRED), Map.entry("11000", Step.REFERRED), Map.entry("H11100", Step.REFERRED),
            Map.entry("H11200", Step.REFERRED),
            Map.entry("5000", Step.REPORTED), Map.entry("14000", Step.REPORTED), Map.entry("H12100", Step.REPORTED),
            Map.entry("H12200", Step.REPORTED), Map.entry("H12300", Step.REPORTED), Map.entry("14500", Step.REPORTED),
            Map.entry("8000", Step.PASSED_HOUSE), Map.entry("17000", Step.PASSED_SENATE),
            Map.entry("9000", Step.FAILED), Map.entry("18000", Step.FAILED),
            Map.entry("28000", Step.PRESENTED), Map.entry("E20000", Step.PRESENTED),
            Map.entry("31000", Step.VETOED), Map.entry("32000", Step.VETOED), Map.entry("E50000", Step.VETOED),
            Map.entry("36000", Step.BECAME_LAW), Map.entry("E40000", Step.BECAME_LAW), Map.entry("E30000", Step.BECAME_LAW));

    private static final Pattern REFERRED_TEXT = Pattern.compile("\\breferred to (the )?(house |senate )?(committee|subcommittee)");
    private static final Pattern VETO_TEXT = Pattern.compile("^(pocket )?vetoed by (the )?president");
    private static final Pattern LAW_TEXT = Pattern.compile("^became (public|private) law");
    private static final Pattern FAILED_TEXT = Pattern.compile("^failed of passage");
    private static final Set<String> INTRO_TYPES = Set.of("introreferral", "introduced in house", "introduced in senate");

    private BillStatusDerivation() {
    }

    /** Which step an action marks, or null for the many actions that mark none (debate, motions, calendars). */
    public static Step stepOf(ActionFacts a) {
        String code = a.code() == null ? "" : a.code().strip();
        Step byCode = CODES.get(code);
        if (byCode != null) {
            return byCode;
        }
        String text = a.text() == null ? "" : a.text().strip().toLowerCase(Locale.ROOT);
        String type = a.type() == null ? "" : a.type().strip().toLowerCase(Locale.ROOT);
        // Senate-reported actions carry no code: recognise them by type and text.
        if (type.equals("becamelaw") || LAW_TEXT.matcher(text).find()) {
            return Step.BECAME_LAW;
        }
        if (VETO_TEXT.matcher(text).find()) {
            return Step.VETOED;
        }
        if (FAILED_TEXT.matcher(text).find()) {
            return Step.FAILED;
        }
        if (INTRO_TYPES.contains(type) && REFERRED_TEXT.matcher(text).find()) {
            return Step.REFERRED;
        }
        return null;
    }

    /**
     * Derives the status. {@code enacted} is true when the bill data lists a public or private law, which settles
     * it even when the enactment action itself is missing.
     */
    public static Derived derive(List<ActionFacts> actions, boolean enacted) {
        List<ActionFacts> chronological = new ArrayList<>(actions);
        chronological.sort(Comparator.comparing(ActionFacts::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ActionFacts::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<Step, LocalDate> steps = new EnumMap<>(Step.class);
        BillStatus status = BillStatus.INTRODUCED;
        LocalDate statusDate = null;
        boolean house = false;
        boolean senate = false;
        for (ActionFacts a : chronological) {
            Step step = stepOf(a);
            if (step == null || a.date() == null) {
                continue;
            }
            steps.putIfAbsent(step, a.date());
            BillStatus next = switch (step) {
                case INTRODUCED -> status == BillStatus.INTRODUCED ? BillStatus.INTRODUCED : null;
                case REFERRED -> rank(status) < rank(BillStatus.IN_COMMITTEE) ? BillStatus.IN_COMMITTEE : null;
                case REPORTED -> rank(status) < rank(BillStatus.REPORTED) ? BillStatus.REPORTED : null;
                case PASSED_HOUSE -> {
                    house = true;
                    yield status == BillStatus.BECAME_LAW ? null
                            : senate ? BillStatus.PASSED_BOTH : rank(status) < rank(BillStatus.PASSED_HOUSE) || status == BillStatus.FAILED ? BillStatus.PASSED_HOUSE : null;
                }
                case PASSED_SENATE -> {
                    senate = true;
                    yield status == BillStatus.BECAME_LAW ? null
                            : house ? BillStatus.PASSED_BOTH : rank(status) < rank(BillStatus.PASSED_SENATE) || status == BillStatus.FAILED ? BillStatus.PASSED_SENATE : null;
                }
                case PRESENTED -> status == BillStatus.BECAME_LAW ? null : BillStatus.TO_PRESIDENT;
                case VETOED -> status == BillStatus.BECAME_LAW ? null : BillStatus.VETOED;
                // a failed vote after passing both chambers (e.g. a veto override) leaves the veto standing
                case FAILED -> status == BillStatus.BECAME_LAW || status == BillStatus.VETOED ? null : BillStatus.FAILED;
                case BECAME_LAW -> status == BillStatus.BECAME_LAW ? null : BillStatus.BECAME_LAW;
            };
            if (next != null && next != status) {
                status = next;
                statusDate = a.date();
            } else if (next != null && statusDate == null) {
                statusDate = a.date();
            }
        }
        if (enacted && status != BillStatus.BECAME_LAW) {
            status = BillStatus.BECAME_LAW;
        }
        return new Derived(status, statusDate, steps);
    }

    /** Order of progress along the usual path; final outcomes rank above everything before them. */
    static int rank(BillStatus s) {
        return switch (s) {
            case INTRODUCED -> 0;
            case IN_COMMITTEE -> 1;
            case REPORTED -> 2;
            case PASSED_SENATE, PASSED_HOUSE -> 3;
            case PASSED_BOTH -> 4;
            case TO_PRESIDENT -> 5;
            case FAILED, VETOED -> 6;
            case BECAME_LAW -> 7;
        };
    }
}
