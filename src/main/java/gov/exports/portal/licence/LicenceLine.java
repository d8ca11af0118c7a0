package gov.exports.portal.licence;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What the licence authorises for one product line: never more than was asked (also a database check). */
@Entity
@Table(name = "licence_line")
public class LicenceLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "licence_id", nullable = false)
    public Long licenceId;

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Column(nullable = false)
    public String description;

    @Column(name = "requested_quantity", nullable = false)
    public int requestedQuantity;

    @Column(name = "requested_value_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal requestedValueUsd;

    @Column(name = "authorised_quantity", nullable = false)
    public int authorisedQuantity;

    @Column(name = "authorised_value_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal authorisedValueUsd;

    /** What is left to ship; shipments lower it, reversals restore it (database CHECK: never below zero). */
    @Column(name = "remaining_quantity", nullable = false)
    public int remainingQuantity;

    @Column(name = "remaining_value_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal remainingValueUsd;

    @PrePersist
    void startWithEverythingAuthorised() {
        remainingQuantity = authorisedQuantity;
        remainingValueUsd = authorisedValueUsd;
    }

    /** Nothing more can be shipped on this line. */
    public boolean isUsedUp() {
        return remainingQuantity == 0 || remainingValueUsd.signum() == 0;
    }
}
