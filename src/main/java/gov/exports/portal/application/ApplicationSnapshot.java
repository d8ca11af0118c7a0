package gov.exports.portal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Everything a vendor submitted, frozen as JSON at submission (application.snapshot). Reviewers and the vendor's
 * own application page read this, never the live rows, so nothing edited later can change what was submitted.
 */
public record ApplicationSnapshot(String reference, String organisation, String policyCode, String policyTitle,
        BigDecimal revenueShareRate, OffsetDateTime submittedAt, String submittedBy, List<Line> lines, BigDecimal totalUsd,
        List<Party> parties, String endUseStatement, String shippingRoute, LocalDate shipmentFrom, LocalDate shipmentTo,
        List<Cert> certifications, BigDecimal declaredShipmentRatio, List<Doc> documents) {

    public record Line(Long lineId, Long productId, String maker, String model, String architecture, String eccn, int tpp,
            int dramBandwidthGbps, int quantity, BigDecimal unitPriceUsd, BigDecimal totalUsd) {
    }

    public record Party(String role, String roleTitle, String name, String nameChinese, String address, String city,
            String country, String partyFunction, Long approvedCustomerId, String approvedCustomerUscc,
            String approvedCustomerStatus) {
        @JsonIgnore
        public boolean isFromRegister() {
            return approvedCustomerId != null;
        }
    }

    public record Cert(String code, String title, String statement, String certifiedBy) {
    }

    public record Doc(Long id, String fileName, int sizeBytes, String sha256) {
    }

    @JsonIgnore
    public Party getConsignee() {
        return parties.stream().filter(p -> p.role().equals(PartyRole.ULTIMATE_CONSIGNEE.name())).findFirst().orElse(null);
    }

    @JsonIgnore
    public Party getEndUser() {
        return parties.stream().filter(p -> p.role().equals(PartyRole.END_USER.name())).findFirst().orElse(null);
    }

    @JsonIgnore
    public List<Party> getIntermediaries() {
        return parties.stream().filter(p -> p.role().equals(PartyRole.INTERMEDIATE_CONSIGNEE.name())).toList();
    }

    @JsonIgnore
    public String getRevenueSharePercent() {
        return revenueShareRate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    @JsonIgnore
    public String getShipmentRatioPercent() {
        return declaredShipmentRatio == null ? "—" : declaredShipmentRatio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Revenue share owed on the full value: rounded half-even to the cent. */
    @JsonIgnore
    public BigDecimal getRevenueShareUsd() {
        return totalUsd.multiply(revenueShareRate).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
