package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of a licence's shipment ledger: a report, or the reversal and replacement that correct one. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    public enum Kind {
        REPORT, REVERSAL, REPLACEMENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "licence_id", nullable = false)
    public Long licenceId;

    @Column(name = "licence_line_id", nullable = false)
    public Long licenceLineId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "corrects_id")
    public Long correctsId;

    @Column(name = "shipped_on", nullable = false)
    public LocalDate shippedOn;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "value_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal valueUsd;

    @Column(nullable = false)
    public String consignee;

    @Column(name = "carrier_reference", nullable = false)
    public String carrierReference;

    @Column(name = "certificate_name", nullable = false)
    public String certificateName;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] certificate;

    public String reason;

    @Column(name = "reported_by_subject", nullable = false)
    public String reportedBySubject;

    @Column(name = "reported_by_name", nullable = false)
    public String reportedByName;

    @Column(name = "reported_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime reportedAt;

    public static List<Shipment> ofLicence(Long licenceId) {
        return list("licenceId = ?1 order by id", licenceId);
    }

    /** A report or replacement that has not been reversed: the entries that count. */
    public boolean isCorrectable(List<Shipment> ledger) {
        return kind != Kind.REVERSAL && ledger.stream().noneMatch(s -> s.kind == Kind.REVERSAL && id.equals(s.correctsId));
    }

    public String getKindText() {
        return switch (kind) {
            case REPORT -> "Shipment";
            case REVERSAL -> "Reversal of entry " + correctsId;
            case REPLACEMENT -> "Replacement of entry " + correctsId;
        };
    }
}
