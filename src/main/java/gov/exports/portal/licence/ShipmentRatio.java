package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The China/US shipment ratio arithmetic, in one place. The policy's cap (policy_version.max_china_to_us_shipment_ratio,
 * 0.5000 under 2026-01-H200) says units of a product shipped to China and Macau may be no more than that fraction of the
 * units of the same product shipped to US customers, per vendor and calendar quarter. Decisions are exact: over the cap
 * means china &gt; cap × us, computed with BigDecimal and never rounded; the percentage shown is for reading only,
 * china ÷ us × 100 rounded half-up to one decimal place.
 */
public final class ShipmentRatio {

    /** "Near the cap": at least this fraction of the units the cap allows is used. */
    public static final BigDecimal NEAR = new BigDecimal("0.90");

    public static final RoundingMode DISPLAY_ROUNDING = RoundingMode.HALF_UP;

    public enum Assessment {
        WITHIN("Within the cap"), NEAR("Near the cap"), OVER("Over the cap"), NO_US_SHIPMENTS("Over the cap: no US shipments declared"),
        NO_CAP("No cap in the policy in force");

        public final String text;

        Assessment(String text) {
            this.text = text;
        }

        public String getText() {
            return text;
        }

        /** Over the cap, whether by the figures or for want of a US declaration. */
        public boolean isOver() {
            return this == OVER || this == NO_US_SHIPMENTS;
        }
    }

    private ShipmentRatio() {
    }

    /** china ÷ us as a percentage, one decimal, half-up; null when no US units are declared (the ratio is undefined). */
    public static BigDecimal percent(long china, Long us) {
        if (us == null || us == 0) {
            return null;
        }
        return BigDecimal.valueOf(china).movePointRight(2).divide(BigDecimal.valueOf(us), 1, DISPLAY_ROUNDING);
    }

    /** Whole units that may still go to China and Macau: floor(cap × us) − china, never below zero; null without a cap. */
    public static Long headroom(long china, Long us, BigDecimal cap) {
        if (cap == null) {
            return null;
        }
        long allowed = cap.multiply(BigDecimal.valueOf(us == null ? 0 : us)).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Math.max(0, allowed - china);
    }

    public static Assessment assess(long china, Long us, BigDecimal cap) {
        if (cap == null) {
            return Assessment.NO_CAP;
        }
        if (china <= 0) {
            return Assessment.WITHIN;
        }
        if (us == null || us == 0) {
            return Assessment.NO_US_SHIPMENTS;
        }
        BigDecimal allowed = cap.multiply(BigDecimal.valueOf(us));
        BigDecimal shipped = BigDecimal.valueOf(china);
        if (shipped.compareTo(allowed) > 0) {
            return Assessment.OVER;
        }
        return shipped.compareTo(allowed.multiply(NEAR)) >= 0 ? Assessment.NEAR : Assessment.WITHIN;
    }
}
