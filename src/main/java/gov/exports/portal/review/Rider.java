package gov.exports.portal.review;

import java.util.Arrays;
import java.util.Optional;

/** Standard conditions ("riders") an officer can attach to an approval; they travel with the licence. */
public enum Rider {
    NO_REEXPORT("No re-export or transfer within the destination country without a new licence."),
    SHIPMENT_REPORTING("Report every shipment against this licence within 30 days of export."),
    QUARTERLY_REVENUE_REPORTING("Report revenue from these sales each quarter, within 30 days of the quarter's end."),
    END_USE_CHECK("Allow a post-shipment end-use check by US officials on request."),
    NO_REMOTE_ACCESS("Keep the products out of reach of remote access by parties not named on this licence."),
    THIRD_PARTY_TESTING("Have each shipment tested by an independent laboratory in the United States before export.");

    public final String text;

    Rider(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }

    public String getCode() {
        return name();
    }

    /** Riders on every licence, whatever the recommendation says. */
    public boolean isAlways() {
        return this == NO_REEXPORT || this == SHIPMENT_REPORTING || this == QUARTERLY_REVENUE_REPORTING;
    }

    public static Optional<Rider> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
