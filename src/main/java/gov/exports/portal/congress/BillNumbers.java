package gov.exports.portal.congress;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Bill types and numbers as the public writes them ("H.R. 21", "S.J.Res. 8") and as URLs carry them ("hr", "sjres"). */
public final class BillNumbers {

    public static final Set<String> TYPES = Set.of("hr", "s", "hjres", "sjres", "hconres", "sconres", "hres", "sres");

    private static final Map<String, String> LABELS = Map.of("hr", "H.R.", "s", "S.", "hjres", "H.J.Res.", "sjres", "S.J.Res.",
            "hconres", "H.Con.Res.", "sconres", "S.Con.Res.", "hres", "H.Res.", "sres", "S.Res.");

    private BillNumbers() {
    }

    /** Normalises a source's type ("S", "HR", "H.R.", "hjres") to the URL form, or null if unknown. */
    public static String normaliseType(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.toLowerCase(Locale.ROOT).replace(".", "").replace(" ", "").strip();
        return TYPES.contains(t) ? t : null;
    }

    public static String label(String type, int number) {
        return LABELS.getOrDefault(type, type.toUpperCase(Locale.ROOT)) + " " + number;
    }

    public static String path(int congress, String type, int number) {
        return "/bills/" + congress + "/" + type + "/" + number;
    }

    /** The chamber a bill type belongs to. */
    public static String chamberOf(String type) {
        return type.startsWith("h") ? "House" : "Senate";
    }

    public static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
