package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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

import gov.exports.portal.account.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An export licence issued on an approved application. */
@Entity
@Table(name = "licence")
public class Licence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String number;

    @Column(name = "application_id", nullable = false)
    public Long applicationId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceStatus status = LicenceStatus.ACTIVE;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @Column(name = "policy_code", nullable = false)
    public String policyCode;

    @Column(name = "revenue_share_rate", nullable = false, precision = 5, scale = 4)
    public BigDecimal revenueShareRate;

    @Column(name = "issued_by_subject", nullable = false)
    public String issuedBySubject;

    @Column(name = "issued_by_name", nullable = false)
    public String issuedByName;

    @Column(name = "issued_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime issuedAt;

    /** The consignee as amended; null while it is the one named in the application. */
    public String consignee;

    @Version
    public int version;

    public List<LicenceLine> getLines() {
        return LicenceLine.list("licenceId = ?1 order by id", id);
    }

    public List<LicenceCondition> getConditions() {
        return LicenceCondition.list("licenceId = ?1 order by id", id);
    }

    public BigDecimal getAuthorisedValue() {
        return getLines().stream().map(l -> l.authorisedValueUsd).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public String getRevenueSharePercent() {
        return revenueShareRate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    public static Licence ofApplication(Long applicationId) {
        return find("applicationId", applicationId).firstResult();
    }
}
