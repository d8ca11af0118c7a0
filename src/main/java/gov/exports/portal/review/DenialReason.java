package gov.exports.portal.review;

import java.util.Arrays;
import java.util.Optional;

/** The list of reasons a denial can cite (with the officer's own text besides). */
public enum DenialReason {
    NOT_ELIGIBLE("The products are not eligible under the licence policy in force"),
    CONSIGNEE_NOT_APPROVED("The consignee or end user is not an approved customer"),
    DENIED_PARTY("A party to the transaction is on a denied-party list"),
    END_USE_CONCERN("The stated end use raises national-security concerns"),
    DIVERSION_RISK("There is a risk of diversion or re-export"),
    CERTIFICATIONS_INSUFFICIENT("The certifications or supporting evidence are insufficient");

    public final String title;

    DenialReason(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public String getCode() {
        return name();
    }

    public static Optional<DenialReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
