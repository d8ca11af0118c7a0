package gov.exports.portal.congress;

import io.quarkus.qute.TemplateExtension;

/** Template helpers of the bill tracker. */
@TemplateExtension
public class CongressTemplateExtensions {

    /** "R" → "Republican" */
    public static String partyName(String letter) {
        return Parties.name(letter);
    }

    public static String urlEncode(String s) {
        return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** 119 → "119th" */
    public static String ordinal(Integer n) {
        return n == null ? "" : BillNumbers.ordinal(n);
    }
}
