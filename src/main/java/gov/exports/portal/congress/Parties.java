package gov.exports.portal.congress;

import java.util.Locale;

/** Party letters as the bill data writes them, and their names as congress-legislators writes them. */
public final class Parties {

    private Parties() {
    }

    public static String name(String letter) {
        if (letter == null) {
            return "Unknown party";
        }
        return switch (letter) {
            case "R" -> "Republican";
            case "D" -> "Democrat";
            case "I" -> "Independent";
            case "L" -> "Libertarian";
            default -> letter;
        };
    }

    public static String letter(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "republican" -> "R";
            case "democrat", "democratic" -> "D";
            case "independent" -> "I";
            case "libertarian" -> "L";
            default -> name.strip().length() <= 3 ? name.strip().toUpperCase(Locale.ROOT) : "I";
        };
    }

    /** Plural for the breakdown: "3 Democrats". */
    public static String plural(String letter, long n) {
        String name = name(letter);
        return n == 1 ? name : name + "s";
    }
}
