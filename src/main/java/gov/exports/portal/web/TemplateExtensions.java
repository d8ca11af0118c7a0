package gov.exports.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Formatting shared by all templates: dates, money and enum labels in plain English. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK);

    /** CSS modifier for a status enum: UNDER_REVIEW → under-review. */
    public static String css(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Human label for an enum: UNDER_REVIEW → Under review. */
    public static String label(Enum<?> value) {
        String s = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String display(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    public static String display(OffsetDateTime time) {
        return time == null ? "—" : DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Machine-readable datetime for {@code <time datetime>}. */
    public static String iso(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }

    /** US dollars with cents: 1234.5 → $1,234.50 */
    public static String usd(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        return f.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    public static String grouped(Number n) {
        return n == null ? "—" : NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    public static String shortHash(String hash) {
        return hash == null || hash.length() < 12 ? hash : hash.substring(0, 12) + "…";
    }

    /** An element id unique per repeated item: {@code a.id.elementId('reasons')} gives {@code reasons-42}. */
    public static String elementId(Number item, String base) {
        return base + "-" + item;
    }
}
