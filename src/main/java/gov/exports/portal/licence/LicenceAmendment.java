package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A vendor's request to change a licence, and its review: officer recommends, another senior officer countersigns. */
@Entity
@Table(name = "licence_amendment")
public class LicenceAmendment extends PanacheEntityBase {

    public enum Status {
        REQUESTED, RECOMMENDED, APPROVED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "licence_id", nullable = false)
    public Long licenceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.REQUESTED;

    @Column(name = "licence_line_id")
    public Long licenceLineId;

    @Column(name = "extra_quantity", nullable = false)
    public int extraQuantity;

    @Column(name = "extra_value_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal extraValueUsd = BigDecimal.ZERO.setScale(2);

    @Column(name = "new_valid_to")
    public LocalDate newValidTo;

    @Column(name = "new_consignee")
    public String newConsignee;

    @Column(nullable = false)
    public String justification;

    @Column(name = "requested_by_subject", nullable = false)
    public String requestedBySubject;

    @Column(name = "requested_by_name", nullable = false)
    public String requestedByName;

    @Column(name = "requested_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime requestedAt;

    public String recommendation;

    @Column(name = "recommendation_reasons")
    public String recommendationReasons;

    @Column(name = "recommended_by_subject")
    public String recommendedBySubject;

    @Column(name = "recommended_by_name")
    public String recommendedByName;

    @Column(name = "decided_by_subject")
    public String decidedBySubject;

    @Column(name = "decided_by_name")
    public String decidedByName;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Version
    public int version;

    public boolean isOpen() {
        return status == Status.REQUESTED || status == Status.RECOMMENDED;
    }
}
