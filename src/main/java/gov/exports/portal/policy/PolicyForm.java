package gov.exports.portal.policy;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

/** What a senior officer enters for a new policy version; lists are comma-separated, rates in percent. */
public class PolicyForm {
    @RestForm public String code;
    @RestForm public String title;
    @RestForm public String legalBasis;
    @RestForm public String summary;
    @RestForm public String effectiveFrom;
    @RestForm public String destinations;
    @RestForm public String eligibleArchitectures;
    @RestForm public String eligibleProducts;
    @RestForm public String excludedArchitectures;
    @RestForm public String excludedProducts;
    @RestForm public String tppBelow;
    @RestForm public String dramBandwidthBelowGbps;
    @RestForm public String revenueSharePercent;
    @RestForm public String capPerCustomerUsd;
    @RestForm public String capPerVendorUsd;
    @RestForm public String maxShipmentRatioPercent;
    @RestForm public List<String> certification;

    /** Pre-filled from the version in force, so a draft starts as "the current rule, changed". */
    public static PolicyForm from(PolicyVersion p) {
        PolicyForm f = new PolicyForm();
        if (p == null) {
            return f;
        }
        f.title = p.title;
        f.legalBasis = p.legalBasis;
        f.summary = p.summary;
        f.destinations = String.join(", ", p.destinations);
        f.eligibleArchitectures = String.join(", ", p.eligibleArchitectures);
        f.eligibleProducts = String.join(", ", p.eligibleProducts);
        f.excludedArchitectures = String.join(", ", p.excludedArchitectures);
        f.excludedProducts = String.join(", ", p.excludedProducts);
        f.tppBelow = p.tppBelow == null ? "" : p.tppBelow.toString();
        f.dramBandwidthBelowGbps = p.dramBandwidthBelowGbps == null ? "" : p.dramBandwidthBelowGbps.toString();
        f.revenueSharePercent = p.revenueShareRate.movePointRight(2).stripTrailingZeros().toPlainString();
        f.capPerCustomerUsd = p.capPerCustomerUsd == null ? "" : p.capPerCustomerUsd.toPlainString();
        f.capPerVendorUsd = p.capPerVendorUsd == null ? "" : p.capPerVendorUsd.toPlainString();
        f.maxShipmentRatioPercent = p.maxChinaToUsShipmentRatio == null ? ""
                : p.maxChinaToUsShipmentRatio.movePointRight(2).stripTrailingZeros().toPlainString();
        f.certification = List.copyOf(p.requiredCertifications);
        return f;
    }

    public boolean certified(String code) {
        return certification != null && certification.contains(code);
    }
}
