package gov.exports.portal.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of the licence policy, in force over [effectiveFrom, effectiveTo). Thresholds, lists and rates
 * are data so that a new rule is a new row, never a code change; the database forbids overlapping periods.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String title;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    public String summary;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** Exclusive; null while open-ended. */
    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> destinations;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "eligible_architectures", nullable = false, columnDefinition = "text[]")
    public List<String> eligibleArchitectures;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "eligible_products", nullable = false, columnDefinition = "text[]")
    public List<String> eligibleProducts;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "excluded_architectures", nullable = false, columnDefinition = "text[]")
    public List<String> excludedArchitectures;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "excluded_products", nullable = false, columnDefinition = "text[]")
    public List<String> excludedProducts;

    @Column(name = "tpp_below")
    public Integer tppBelow;

    @Column(name = "dram_bandwidth_below_gbps")
    public Integer dramBandwidthBelowGbps;

    @Column(name = "revenue_share_rate", nullable = false, precision = 5, scale = 4)
    public BigDecimal revenueShareRate;

    @Column(name = "cap_per_customer_usd", precision = 18, scale = 2)
    public BigDecimal capPerCustomerUsd;

    @Column(name = "cap_per_vendor_usd", precision = 18, scale = 2)
    public BigDecimal capPerVendorUsd;

    @Column(name = "max_china_to_us_shipment_ratio", precision = 5, scale = 4)
    public BigDecimal maxChinaToUsShipmentRatio;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_certifications", nullable = false, columnDefinition = "text[]")
    public List<String> requiredCertifications;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    /** DRAFT versions are being prepared by a senior officer and are never in force. */
    public enum Status { DRAFT, PUBLISHED }

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PUBLISHED;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    /** 0.2500 → "25%". */
    public String getRevenueSharePercent() {
        return percent(revenueShareRate);
    }

    public String getShipmentRatioCapPercent() {
        return maxChinaToUsShipmentRatio == null ? null : percent(maxChinaToUsShipmentRatio);
    }

    public List<Certification> getCertifications() {
        return requiredCertifications.stream().map(Certification::fromCode).flatMap(Optional::stream).toList();
    }

    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Published versions, newest first. */
    public static List<PolicyVersion> newestFirst() {
        return list("status = ?1 order by effectiveFrom desc", Status.PUBLISHED);
    }

    public static List<PolicyVersion> drafts() {
        return list("status = ?1 order by id desc", Status.DRAFT);
    }
}
