package gov.exports.portal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import gov.exports.portal.account.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A licence application of one vendor organisation. Editable only as a DRAFT; submission freezes a JSON
 * snapshot of everything submitted, which is what reviewers read afterwards.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status = ApplicationStatus.DRAFT;

    public String reference;

    @Column(name = "end_use_statement")
    public String endUseStatement;

    @Column(name = "shipping_route")
    public String shippingRoute;

    @Column(name = "shipment_from")
    public LocalDate shipmentFrom;

    @Column(name = "shipment_to")
    public LocalDate shipmentTo;

    @Column(name = "intermediaries_done", nullable = false)
    public boolean intermediariesDone;

    /** China shipments as a share of US shipments, 0..1 (0.4 = 40%). */
    @Column(name = "declared_shipment_ratio", precision = 5, scale = 4)
    public BigDecimal declaredShipmentRatio;

    @Column(name = "policy_code")
    public String policyCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String snapshot;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String precheck;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "copied_from_id")
    public Long copiedFromId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    public int version;

    public boolean isDraft() {
        return status == ApplicationStatus.DRAFT;
    }

    /** Marks a change to the draft or its parts, so the version moves and concurrent editors are detected. */
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public String getTitle() {
        return reference != null ? reference : "Draft application " + id;
    }

    public String getShipmentRatioPercent() {
        return declaredShipmentRatio == null ? null
                : declaredShipmentRatio.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
