package gov.exports.portal.congress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the public bill page shows, computed once per request. */
public record BillView(Bill bill, List<BillAction> actions, List<Cosponsorship> cosponsors, PartyBreakdown breakdown,
        List<OverTime> overTime, List<StepView> steps, List<RelatedView> related) {

    /** One bar segment and its numbers: the SVG only repeats what the text says. */
    public record PartySegment(String party, String name, long count, int percent, int x, int width, String fill) {
    }

    public record PartyBreakdown(long active, long withdrawn, long original, List<PartySegment> segments, String description) {
    }

    /** Cosponsors joining (or withdrawing) on one date, and the running total of active cosponsors. */
    public record OverTime(LocalDate date, List<String> joined, List<String> withdrew, long total, int barHeight, int barX, int barY) {
    }

    /** A step of the status tracker: done, current or upcoming. */
    public record StepView(String label, String state, LocalDate date) {
        public boolean isCurrent() {
            return state.equals("current");
        }

        public boolean isDone() {
            return state.equals("done");
        }

        public String stateWords() {
            return switch (state) {
                case "done" -> "Done";
                case "current" -> "Current step";
                default -> "Not yet";
            };
        }
    }

    public record RelatedView(Bill.Related related, boolean tracked) {
    }

    public static final int BAR_WIDTH = 300;
    public static final int CHART_HEIGHT = 80;

    public static BillView of(Bill bill, List<BillAction> actions, List<Cosponsorship> cosponsors, List<RelatedView> related) {
        List<BillAction> newestFirst = new ArrayList<>(actions);
        newestFirst.sort(Comparator.comparing((BillAction a) -> a.actionDate)
                .thenComparing(a -> a.actionTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                // same day: the sources list the newer action first, so the first stored comes first
                .thenComparing(a -> a.id, Comparator.reverseOrder()).reversed());
        List<Cosponsorship> ordered = new ArrayList<>(cosponsors);
        ordered.sort(Comparator.comparing((Cosponsorship c) -> c.sponsorshipDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.member.lastName));
        BillStatusDerivation.Derived derived = BillStatusDerivation.derive(actions.stream().map(BillAction::facts).toList(),
                !bill.laws.isEmpty());
        return new BillView(bill, newestFirst, ordered, breakdown(ordered), overTime(ordered), steps(bill, derived), related);
    }

    static PartyBreakdown breakdown(List<Cosponsorship> cosponsors) {
        Map<String, Long> byParty = new TreeMap<>();
        long withdrawn = 0;
        long original = 0;
        for (Cosponsorship c : cosponsors) {
            if (c.isWithdrawn()) {
                withdrawn++;
                continue;
            }
            if (c.original) {
                original++;
            }
            byParty.merge(c.member.party == null ? "?" : c.member.party, 1L, Long::sum);
        }
        long active = byParty.values().stream().mapToLong(Long::longValue).sum();
        List<PartySegment> segments = new ArrayList<>();
        int x = 0;
        List<String> words = new ArrayList<>();
        for (var e : byParty.entrySet()) {
            int width = active == 0 ? 0 : (int) Math.round(BAR_WIDTH * (double) e.getValue() / active);
            if (x + width > BAR_WIDTH) {
                width = BAR_WIDTH - x;
            }
            int percent = active == 0 ? 0 : (int) Math.round(100.0 * e.getValue() / active);
            String fill = switch (e.getKey()) {
                case "R" -> "#b50909";
                case "D" -> "#005ea2";
                default -> "#5c5c5c";
            };
            segments.add(new PartySegment(e.getKey(), Parties.plural(e.getKey(), e.getValue()), e.getValue(), percent, x, width, fill));
            words.add(e.getValue() + " " + Parties.plural(e.getKey(), e.getValue()));
            x += width;
        }
        String description = active == 0 ? "No active cosponsors."
                : active + (active == 1 ? " active cosponsor: " : " active cosponsors: ") + String.join(", ", words) + ".";
        return new PartyBreakdown(active, withdrawn, original, segments, description);
    }

    static List<OverTime> overTime(List<Cosponsorship> cosponsors) {
        TreeMap<LocalDate, List<String>> joined = new TreeMap<>();
        TreeMap<LocalDate, List<String>> withdrew = new TreeMap<>();
        for (Cosponsorship c : cosponsors) {
            String who = c.member.fullName + " (" + c.member.partyState() + ")";
            if (c.sponsorshipDate != null) {
                joined.computeIfAbsent(c.sponsorshipDate, d -> new ArrayList<>()).add(who);
            }
            if (c.withdrawnDate != null) {
                withdrew.computeIfAbsent(c.withdrawnDate, d -> new ArrayList<>()).add(who);
            }
        }
        TreeMap<LocalDate, Boolean> dates = new TreeMap<>();
        joined.keySet().forEach(d -> dates.put(d, true));
        withdrew.keySet().forEach(d -> dates.put(d, true));
        List<OverTime> rows = new ArrayList<>();
        long total = 0;
        long max = 0;
        List<long[]> totals = new ArrayList<>();
        for (LocalDate d : dates.keySet()) {
            total += joined.getOrDefault(d, List.of()).size() - withdrew.getOrDefault(d, List.of()).size();
            max = Math.max(max, total);
            totals.add(new long[] { total });
        }
        int n = dates.size();
        int barWidth = n == 0 ? 0 : Math.max(4, Math.min(40, (BAR_WIDTH - 4) / n - 4));
        int i = 0;
        for (LocalDate d : dates.keySet()) {
            long t = totals.get(i)[0];
            int h = max == 0 ? 0 : (int) Math.max(2, Math.round((CHART_HEIGHT - 4) * (double) t / max));
            rows.add(new OverTime(d, joined.getOrDefault(d, List.of()), withdrew.getOrDefault(d, List.of()), t, h,
                    2 + i * (barWidth + 4), CHART_HEIGHT - h));
            i++;
        }
        return rows;
    }

    public int overTimeBarWidth() {
        int n = overTime.size();
        return n == 0 ? 0 : Math.max(4, Math.min(40, (BAR_WIDTH - 4) / n - 4));
    }

    public String overTimeDescription() {
        if (overTime.isEmpty()) {
            return "No cosponsors yet.";
        }
        OverTime first = overTime.get(0);
        OverTime last = overTime.get(overTime.size() - 1);
        return "From " + first.total() + " on " + first.date() + " to " + last.total() + " on " + last.date() + ", over "
                + overTime.size() + (overTime.size() == 1 ? " date." : " dates.");
    }

    static List<StepView> steps(Bill bill, BillStatusDerivation.Derived derived) {
        Map<BillStatusDerivation.Step, LocalDate> s = derived.steps();
        boolean senateFirst = !"House".equals(bill.originChamber);
        LocalDate passedOrigin = s.get(senateFirst ? BillStatusDerivation.Step.PASSED_SENATE : BillStatusDerivation.Step.PASSED_HOUSE);
        LocalDate passedOther = s.get(senateFirst ? BillStatusDerivation.Step.PASSED_HOUSE : BillStatusDerivation.Step.PASSED_SENATE);
        LocalDate passedBoth = passedOrigin != null && passedOther != null ? (passedOrigin.isAfter(passedOther) ? passedOrigin : passedOther) : null;
        String[] labels = { "Introduced", "In committee", "Reported by committee", senateFirst ? "Passed Senate" : "Passed House",
                "Passed both chambers", "To the President", "Became law" };
        LocalDate[] dates = { s.getOrDefault(BillStatusDerivation.Step.INTRODUCED, bill.introducedDate),
                s.get(BillStatusDerivation.Step.REFERRED), s.get(BillStatusDerivation.Step.REPORTED),
                passedOrigin != null ? passedOrigin : passedOther, passedBoth, s.get(BillStatusDerivation.Step.PRESENTED),
                s.get(BillStatusDerivation.Step.BECAME_LAW) };
        BillStatus status = derived.status();
        // the usual path's steps in the order BillStatusDerivation ranks them; a veto ends after "To the President"
        int current = switch (status) {
            case BECAME_LAW -> labels.length - 1;
            case VETOED -> labels.length - 2;
            case FAILED -> lastReached(dates);
            default -> BillStatusDerivation.rank(status);
        };
        List<StepView> out = new ArrayList<>();
        boolean endedEarly = status == BillStatus.VETOED || status == BillStatus.FAILED;
        for (int i = 0; i < labels.length; i++) {
            if (endedEarly && i > current) {
                break;
            }
            String state = i < current || (endedEarly && i == current) ? "done" : i == current ? "current" : "upcoming";
            out.add(new StepView(labels[i], state, i <= current ? dates[i] : null));
        }
        if (endedEarly) {
            out.add(new StepView(status.words(), "current", derived.statusDate()));
        }
        return out;
    }

    private static int lastReached(LocalDate[] dates) {
        int last = 0;
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] != null) {
                last = i;
            }
        }
        return last;
    }
}
