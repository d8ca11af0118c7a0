package gov.exports.portal.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The revenue-share arithmetic: exact decimals, half-to-even to the cent, calendar quarters and due dates. */
class RevenueShareTest {

    static final BigDecimal RATE = new BigDecimal("0.2500");

    @Test
    void theShareIsRoundedToTheCentHalfToEven() {
        assertEquals(new BigDecimal("25.00"), RevenueShare.owed(new BigDecimal("100.02"), RATE), "25.005 rounds to the even cent");
        assertEquals(new BigDecimal("25.02"), RevenueShare.owed(new BigDecimal("100.06"), RATE), "25.015 rounds to the even cent");
        assertEquals(new BigDecimal("25.01"), RevenueShare.owed(new BigDecimal("100.05"), RATE), "25.0125 rounds down");
        assertEquals(new BigDecimal("750000.00"), RevenueShare.owed(new BigDecimal("3000000.00"), RATE));
        // large amounts stay exact (a double would not)
        assertEquals(new BigDecimal("2500000000.03"), RevenueShare.owed(new BigDecimal("10000000000.13"), RATE));
        assertEquals(new BigDecimal("-25.00"), RevenueShare.owed(new BigDecimal("-100.02"), RATE), "reversals round symmetrically");
        assertEquals(new BigDecimal("12.35"), RevenueShare.owed(new BigDecimal("100.00"), new BigDecimal("0.1235")));
    }

    @Test
    void quartersAreCalendarQuartersDueThirtyDaysAfterTheirEnd() {
        RevenueShare.Quarter q = RevenueShare.Quarter.of(LocalDate.of(2026, 3, 31));
        assertEquals("2026-Q1", q.toString());
        assertEquals(LocalDate.of(2026, 1, 1), q.firstDay());
        assertEquals(LocalDate.of(2026, 3, 31), q.lastDay());
        assertEquals(LocalDate.of(2026, 4, 30), q.dueOn());
        assertEquals("2026-Q2", RevenueShare.Quarter.of(LocalDate.of(2026, 4, 1)).toString());
        assertEquals(LocalDate.of(2027, 1, 30), RevenueShare.Quarter.parse("2026-Q4").dueOn());
        assertNull(RevenueShare.Quarter.parse("2026-Q5"));
        assertNull(RevenueShare.Quarter.parse("0"));
    }
}
