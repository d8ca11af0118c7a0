package gov.exports.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The review clock's arithmetic on fixed dates: calendar days since submission minus days waiting for the vendor. */
class ReviewClockTest {

    static final LocalDate SUBMITTED = LocalDate.of(2026, 2, 1);

    @Test
    void withoutPausesTheClockCountsCalendarDays() {
        ReviewClock.Reading r = ReviewClock.read(SUBMITTED, List.of(), LocalDate.of(2026, 3, 3));
        assertEquals(30, r.calendarDays());
        assertEquals(0, r.pausedDays());
        assertEquals(30, r.reviewDays());
        assertFalse(r.paused());
    }

    @Test
    void answeredRequestsStopTheClockForTheirDuration() {
        // 10 days waiting (Feb 10 → Feb 20) and 5 more (Mar 1 → Mar 6)
        List<ReviewClock.Pause> pauses = List.of(new ReviewClock.Pause(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 20)),
                new ReviewClock.Pause(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 6)));
        ReviewClock.Reading r = ReviewClock.read(SUBMITTED, pauses, LocalDate.of(2026, 4, 1));
        assertEquals(59, r.calendarDays());
        assertEquals(15, r.pausedDays());
        assertEquals(44, r.reviewDays());
    }

    @Test
    void anOpenRequestPausesUntilToday() {
        List<ReviewClock.Pause> pauses = List.of(new ReviewClock.Pause(LocalDate.of(2026, 2, 21), null));
        ReviewClock.Reading r = ReviewClock.read(SUBMITTED, pauses, LocalDate.of(2026, 3, 1));
        assertEquals(28, r.calendarDays());
        assertEquals(8, r.pausedDays());
        assertEquals(20, r.reviewDays());
        assertTrue(r.paused());
        // the next day the clock still shows 20: it does not run while waiting
        assertEquals(20, ReviewClock.read(SUBMITTED, pauses, LocalDate.of(2026, 3, 2)).reviewDays());
    }

    @Test
    void overlappingPausesCountOnceAndNeverBeforeSubmission() {
        List<ReviewClock.Pause> pauses = List.of(new ReviewClock.Pause(LocalDate.of(2026, 2, 5), LocalDate.of(2026, 2, 15)),
                new ReviewClock.Pause(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 20)),
                new ReviewClock.Pause(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 3)));
        ReviewClock.Reading r = ReviewClock.read(SUBMITTED, pauses, LocalDate.of(2026, 3, 1));
        assertEquals(2 + 15, r.pausedDays(), "Feb 1–3 (the part after submission) and Feb 5–20 once");
        assertEquals(28 - 17, r.reviewDays());
    }

    @Test
    void overdueAfterNinetyDaysOnTheClockNotOnTheCalendar() {
        LocalDate day91 = SUBMITTED.plusDays(91);
        assertTrue(ReviewClock.read(SUBMITTED, List.of(), day91).isOverdue());
        assertFalse(ReviewClock.read(SUBMITTED, List.of(), SUBMITTED.plusDays(90)).isOverdue(), "day 90 is still on target");
        List<ReviewClock.Pause> waited = List.of(new ReviewClock.Pause(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11)));
        ReviewClock.Reading r = ReviewClock.read(SUBMITTED, waited, day91);
        assertEquals(81, r.reviewDays());
        assertFalse(r.isOverdue(), "ten days waiting for the vendor do not count");
        assertEquals(9, r.getDaysLeft());
    }
}
