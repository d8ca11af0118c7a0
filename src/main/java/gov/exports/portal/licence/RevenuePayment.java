package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A vendor's payment of one quarter's revenue share, recorded by an official. */
@Entity
@Table(name = "revenue_payment")
public class RevenuePayment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int quarter;

    @Column(name = "amount_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal amountUsd;

    @Column(name = "payment_reference", nullable = false)
    public String paymentReference;

    @Column(name = "recorded_by_subject", nullable = false)
    public String recordedBySubject;

    @Column(name = "recorded_by_name", nullable = false)
    public String recordedByName;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
