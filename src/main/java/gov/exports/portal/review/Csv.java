package gov.exports.portal.review;

/** CSV cells that spreadsheets will not run as formulas (CSV injection). */
public final class Csv {

    private Csv() {
    }

    /** A cell starting with = + - @ (or a tab / carriage return) gets a leading apostrophe; null becomes empty. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
