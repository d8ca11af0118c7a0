package gov.exports.portal.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The review clock: calendar days since submission minus the days spent waiting for the vendor. Pauses are the
 * stored information-request intervals [from, to); an open pause runs to today. Overlapping pauses count once.
 */
public final class ReviewClock {

    public static final ZoneId ZONE = ZoneOffset.UTC;
    public static final int TARGET_DAYS = 90;

    /** A pause of the clock from the day a request was sent to the day it was answered (null: still open). */
    public record Pause(LocalDate from, LocalDate to) {
    }

    public record Reading(long calendarDays, long pausedDays, long reviewDays, boolean paused) {
        public boolean isOverdue() {
            return reviewDays > TARGET_DAYS;
        }

        public long getDaysLeft() {
            return TARGET_DAYS - reviewDays;
        }

        public int getTarget() {
            return TARGET_DAYS;
        }

        /** For a meter: share of the target used, capped at 100. */
        public long getPercent() {
            return Math.min(100, Math.round(reviewDays * 100.0 / TARGET_DAYS));
        }
    }

    private ReviewClock() {
    }

    /** Pure: the reading on {@code today} (or on {@code stoppedOn}, the decision day, if the clock has stopped). */
    public static Reading read(LocalDate submittedOn, List<Pause> pauses, LocalDate today) {
        long calendar = Math.max(0, ChronoUnit.DAYS.between(submittedOn, today));
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        long paused = 0;
        LocalDate coveredTo = submittedOn;
        boolean open = false;
        for (Pause p : sorted) {
            LocalDate from = max(p.from(), coveredTo);
            LocalDate to = p.to() == null ? today : min(p.to(), today);
            if (p.to() == null) {
                open = true;
            }
            if (to.isAfter(from)) {
                paused += ChronoUnit.DAYS.between(from, to);
                coveredTo = to;
            }
        }
        paused = Math.min(paused, calendar);
        return new Reading(calendar, paused, calendar - paused, open);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
