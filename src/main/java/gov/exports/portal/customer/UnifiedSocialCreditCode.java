package gov.exports.portal.customer;

import java.util.Locale;

/**
 * Unified Social Credit Code (GB 32100-2015): 18 characters from a 31-character set (digits and capitals
 * without I, O, S, V, Z); the 18th is a check character over the first 17 with weights 3^(i-1) mod 31.
 * The database enforces the same rule (uscc_is_valid in V11).
 */
public final class UnifiedSocialCreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private UnifiedSocialCreditCode() {
    }

    /** Upper-cased, spaces and hyphens removed: how people copy codes from certificates. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Null when valid; otherwise a plain-English reason. Expects a normalised code. */
    public static String problem(String code) {
        if (code == null || code.isEmpty()) {
            return "Enter the Unified Social Credit Code";
        }
        if (code.length() != 18) {
            return "The Unified Social Credit Code must be 18 characters; you entered " + code.length();
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return "The Unified Social Credit Code cannot contain '" + code.charAt(i)
                        + "' (it uses digits and capital letters except I, O, S, V and Z)";
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "The Unified Social Credit Code's check character is wrong: check the code for a typing mistake";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
