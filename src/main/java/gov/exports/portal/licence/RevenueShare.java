package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revenue-share arithmetic, in one place. Amounts are US dollars as BigDecimal. The rule: the amount owed is
 * computed once per licence and calendar quarter as (revenue reported in that quarter) × (the licence's rate), rounded
 * to the cent half-to-even (banker's rounding, so rounding errors do not drift one way over many statements); a vendor's
 * quarterly statement is the sum of those already-rounded amounts.
 */
public final class RevenueShare {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    /** Days after the end of a quarter by which its statement must be paid. */
    public static final int DAYS_TO_PAY = 30;

    private RevenueShare() {
    }

    public static BigDecimal owed(BigDecimal revenue, BigDecimal rate) {
        return revenue.multiply(rate).setScale(2, ROUNDING);
    }

    /** A calendar quarter, written 2026-Q1. */
    public record Quarter(int year, int quarter) implements Comparable<Quarter> {

        private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

        public static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
        }

        /** null when the text is not a quarter. */
        public static Quarter parse(String text) {
            Matcher m = text == null ? null : TEXT.matcher(text.trim());
            return m != null && m.matches() ? new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
        }

        public LocalDate firstDay() {
            return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        }

        public LocalDate lastDay() {
            return firstDay().plusMonths(3).minusDays(1);
        }

        public LocalDate dueOn() {
            return lastDay().plusDays(DAYS_TO_PAY);
        }

        @Override
        public String toString() {
            return year + "-Q" + quarter;
        }

        @Override
        public int compareTo(Quarter o) {
            return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
        }
    }
}
