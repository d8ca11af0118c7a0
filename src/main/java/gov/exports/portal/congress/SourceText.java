package gov.exports.portal.congress;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Lenient readers for the values the sources write in slightly different ways. */
final class SourceText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</p>|<br\\s*/?>|</li>|</h[1-6]>");

    private SourceText() {
    }

    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() || t.equals("null") ? null : t;
    }

    /** "2025-12-04", "2021-01-06T05:00:00Z" → the date. */
    static LocalDate date(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw new ImportRefusedException("The date \"" + abbreviate(t, 40) + "\" is not a date (expected YYYY-MM-DD).");
        }
    }

    static LocalTime time(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static OffsetDateTime timestamp(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            LocalDate d = date(t);
            return d == null ? null : d.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        }
    }

    static Integer integer(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean yes(String s) {
        String t = blankToNull(s);
        return t != null && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("y") || t.equalsIgnoreCase("yes"));
    }

    /** CRS summaries come as HTML: keep the words and the paragraphs, drop the markup (pages escape the text). */
    static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        String s = BLOCK_END.matcher(html).replaceAll("\n\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String p : s.split("\\n\\s*\\n")) {
            String para = p.replaceAll("\\s+", " ").strip();
            if (!para.isEmpty()) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(para);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Only https links to the public sources are shown as links. */
    static String httpsUrl(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        if (t.startsWith("http://www.govinfo.gov/") || t.startsWith("http://www.congress.gov/")) {
            t = "https://" + t.substring("http://".length());
        }
        return t.startsWith("https://") && t.length() <= 1000 && !t.contains(" ") ? t : null;
    }
}
