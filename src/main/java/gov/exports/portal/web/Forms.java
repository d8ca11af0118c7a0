package gov.exports.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parsing of form text into values, recording a plain-English message per bad field. */
public final class Forms {

    private Forms() {
    }

    /** Trimmed text, or null when blank. Control characters other than line breaks are removed. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").strip();
        return s.isEmpty() ? null : s;
    }

    public static String required(FormErrors errors, String field, String raw, String label, int min, int max) {
        String s = text(raw);
        if (s == null) {
            errors.add(field, "Enter " + label);
        } else if (s.length() < min || s.length() > max) {
            errors.add(field, capitalise(label) + " must be between " + min + " and " + max + " characters");
        }
        return s;
    }

    public static String optional(FormErrors errors, String field, String raw, String label, int max) {
        String s = text(raw);
        if (s != null && s.length() > max) {
            errors.add(field, capitalise(label) + " must be " + max + " characters or fewer");
        }
        return s;
    }

    public static Integer integer(FormErrors errors, String field, String raw, String label, long min, long max, boolean required) {
        String s = present(errors, field, raw, label, required);
        if (s == null) {
            return null;
        }
        try {
            long v = Long.parseLong(s.replace(",", ""));
            if (v < min || v > max) {
                errors.add(field, capitalise(label) + " must be between " + String.format("%,d", min) + " and " + String.format("%,d", max));
                return null;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            errors.add(field, capitalise(label) + " must be a whole number, like 1200");
            return null;
        }
    }

    /** US dollars: at most two decimals, never rounded silently. */
    public static BigDecimal usd(FormErrors errors, String field, String raw, String label, boolean required) {
        String s = present(errors, field, raw, label, required);
        if (s == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(s.replace(",", "").replace("$", ""));
            if (v.signum() <= 0) {
                errors.add(field, capitalise(label) + " must be more than $0");
                return null;
            }
            if (v.stripTrailingZeros().scale() > 2) {
                errors.add(field, capitalise(label) + " must be in dollars and cents, like 25000.00");
                return null;
            }
            if (v.compareTo(new BigDecimal("1000000000000")) >= 0) {
                errors.add(field, capitalise(label) + " is too large");
                return null;
            }
            return v.setScale(2);
        } catch (NumberFormatException e) {
            errors.add(field, capitalise(label) + " must be an amount in US dollars, like 25000.00");
            return null;
        }
    }

    public static LocalDate date(FormErrors errors, String field, String raw, String label, boolean required) {
        String s = present(errors, field, raw, label, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(field, capitalise(label) + " must be a real date, like 2026-03-31");
            return null;
        }
    }

    /** The trimmed text, or null when blank ("Enter ..." recorded if the answer is required). */
    static String present(FormErrors errors, String field, String raw, String label, boolean required) {
        String s = text(raw);
        if (s == null && required) {
            errors.add(field, "Enter " + label);
        }
        return s;
    }

    public static Long id(String raw) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The form's version field; a missing or garbled one counts as stale. */
    public static int version(String raw) {
        Long v = id(raw);
        return v == null ? -1 : v.intValue();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
