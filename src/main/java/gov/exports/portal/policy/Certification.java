package gov.exports.portal.policy;

import java.util.Optional;

/**
 * Statements a vendor can certify. Which ones a licence requires is data of the policy version in force
 * ({@link PolicyVersion#requiredCertifications}); this enum only gives each code its wording.
 */
public enum Certification {
    REVENUE_SHARE("Revenue share", "We will pay the United States government the share of the revenue from these sales set by the licence policy in force."),
    NO_REEXPORT("No re-export or transfer", "The products will not be re-exported from, or transferred within, the destination country without a new licence."),
    NO_MILITARY_END_USE("No military end use", "The products will not be used for any military end use or by any military end user."),
    KYC_REMOTE_ACCESS("Know-your-customer procedures", "The customer has know-your-customer procedures that prevent unauthorised remote access to the products."),
    US_THIRD_PARTY_TESTING("Third-party testing in the US", "Each shipment will be tested by an independent third-party laboratory in the United States before it leaves."),
    SUFFICIENT_US_SUPPLY("Sufficient US supply", "There is sufficient supply of the products in the United States for US customers."),
    SHIPMENT_RATIO("Shipment ratio", "Shipments of each product to China and Macau will not exceed the declared share of our shipments of that product to US customers.");

    public final String title;
    public final String statement;

    Certification(String title, String statement) {
        this.title = title;
        this.statement = statement;
    }

    public String getCode() {
        return name();
    }

    public String getTitle() {
        return title;
    }

    public String getStatement() {
        return statement;
    }

    public static Optional<Certification> fromCode(String code) {
        for (Certification c : values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
