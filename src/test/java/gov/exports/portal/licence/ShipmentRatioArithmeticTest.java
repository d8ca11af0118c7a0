package gov.exports.portal.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import gov.exports.portal.licence.ShipmentRatio.Assessment;

/** The China/US ratio: exact comparison with the cap, display rounding half-up to one decimal, headroom in whole units. */
class ShipmentRatioArithmeticTest {

    static final BigDecimal HALF = new BigDecimal("0.5000");

    @Test
    void theCapIsComparedExactlyAndExactlyAtTheCapIsAllowed() {
        assertEquals(Assessment.NEAR, ShipmentRatio.assess(50, 100L, HALF), "no more than 50%: exactly 50% is allowed (near, not over)");
        assertFalse(ShipmentRatio.assess(50, 100L, HALF).isOver());
        assertEquals(Assessment.OVER, ShipmentRatio.assess(51, 100L, HALF));
        // 1,000,001 China units against 2,000,001 US units: 50.0000025% rounds to 50.0% for display, yet it is over the cap
        assertEquals(Assessment.OVER, ShipmentRatio.assess(1_000_001, 2_000_001L, HALF));
        assertEquals(new BigDecimal("50.0"), ShipmentRatio.percent(1_000_001, 2_000_001L));
        // an odd US figure: 3 units allow 1.5 China units, so 2 are over and 1 is within
        assertEquals(Assessment.OVER, ShipmentRatio.assess(2, 3L, HALF));
        assertEquals(Long.valueOf(1), ShipmentRatio.headroom(0, 3L, HALF), "whole units: floor(1.5)");
    }

    @Test
    void nearTheCapFromNinetyPercentOfWhatItAllows() {
        assertEquals(Assessment.NEAR, ShipmentRatio.assess(45, 100L, HALF), "45 of the 50 allowed = 90%");
        assertEquals(Assessment.WITHIN, ShipmentRatio.assess(44, 100L, HALF));
        assertEquals(Assessment.NEAR, ShipmentRatio.assess(50, 100L, HALF));
    }

    @Test
    void displayRoundingIsHalfUpToOneDecimal() {
        assertEquals(new BigDecimal("33.3"), ShipmentRatio.percent(1, 3L));
        assertEquals(new BigDecimal("66.7"), ShipmentRatio.percent(2, 3L));
        assertEquals(new BigDecimal("6.3"), ShipmentRatio.percent(1, 16L), "6.25 rounds half-up to 6.3");
        assertEquals(new BigDecimal("0.0"), ShipmentRatio.percent(0, 7L));
        assertEquals(new BigDecimal("150.0"), ShipmentRatio.percent(3, 2L));
    }

    @Test
    void chinaShipmentsWithoutAnyUsShipmentsDeclaredAreOverAndNothingShippedIsWithin() {
        assertEquals(Assessment.NO_US_SHIPMENTS, ShipmentRatio.assess(1, null, HALF));
        assertEquals(Assessment.NO_US_SHIPMENTS, ShipmentRatio.assess(1, 0L, HALF));
        assertNull(ShipmentRatio.percent(1, 0L), "undefined, not infinite");
        assertEquals(Assessment.WITHIN, ShipmentRatio.assess(0, null, HALF));
        assertEquals(Long.valueOf(0), ShipmentRatio.headroom(10, 4L, HALF), "never below zero");
        assertEquals(Assessment.NO_CAP, ShipmentRatio.assess(100, 1L, null));
        assertNull(ShipmentRatio.headroom(100, 1L, null));
    }
}
