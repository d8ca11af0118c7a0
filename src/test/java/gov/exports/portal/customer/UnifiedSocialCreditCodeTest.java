package gov.exports.portal.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GB 32100-2015 check character: codes computed by hand from the standard's weights, and typical mistakes. */
class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y43", "914403001922038216", "91310115MA1H7GQ202", "91110108MA01C8R50N",
            "91820000MA0ABCD105" })
    void validCodesPass(String code) {
        assertNull(UnifiedSocialCreditCode.problem(code));
        assertTrue(UnifiedSocialCreditCode.isValid(code));
    }

    @Test
    void aWrongCheckCharacterIsRefusedAsATypingMistake() {
        assertEquals("The Unified Social Credit Code's check character is wrong: check the code for a typing mistake",
                UnifiedSocialCreditCode.problem("91350100M000100Y44"));
        // two adjacent characters swapped
        assertFalse(UnifiedSocialCreditCode.isValid("91351000M000100Y43"));
    }

    @Test
    void lettersOutsideTheCharsetAreNamed() {
        assertEquals("The Unified Social Credit Code cannot contain 'I' (it uses digits and capital letters except I, O, S, V and Z)",
                UnifiedSocialCreditCode.problem("91350100MI00100Y43"));
        for (char c : new char[] { 'I', 'O', 'S', 'V', 'Z' }) {
            assertFalse(UnifiedSocialCreditCode.isValid("9135010" + c + "M000100Y4"), String.valueOf(c));
        }
    }

    @Test
    void lengthIsChecked() {
        assertEquals("The Unified Social Credit Code must be 18 characters; you entered 17",
                UnifiedSocialCreditCode.problem("91350100M000100Y4"));
        assertEquals("Enter the Unified Social Credit Code", UnifiedSocialCreditCode.problem(""));
    }

    @Test
    void checkCharacterThirtyOneWrapsToZeroAndCopiedCodesAreNormalised() {
        // a sum divisible by 31 gives 31 - 0 = 31, which the standard maps to '0'
        assertEquals('0', UnifiedSocialCreditCode.checkCharacter("00000000000000000"));
        assertEquals("91350100M000100Y43", UnifiedSocialCreditCode.normalise(" 9135 0100-m000100y43 "));
    }
}
