package gov.exports.portal.licence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A vendor's declaration of the units of one product shipped to US customers in one calendar quarter: the denominator of the
 * China/US shipment ratio. Never edited (a database trigger refuses it): a correction is a new row superseding the current one.
 */
@Entity
@Table(name = "us_shipment_declaration")
public class UsShipmentDeclaration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int quarter;

    @Column(nullable = false)
    public int quantity;

    public String attestation;

    @Column(name = "supersedes_id")
    public Long supersedesId;

    public String reason;

    @Column(name = "declared_by_subject", nullable = false)
    public String declaredBySubject;

    @Column(name = "declared_by_name", nullable = false)
    public String declaredByName;

    @Column(name = "declared_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime declaredAt;

    public RevenueShare.Quarter getPeriod() {
        return new RevenueShare.Quarter(year, quarter);
    }

    /** The figure in force for a vendor, product and quarter: the one declaration nobody superseded. */
    public static UsShipmentDeclaration current(Long organisationId, Long productId, RevenueShare.Quarter q) {
        return find("""
                from UsShipmentDeclaration d where d.organisationId = ?1 and d.productId = ?2 and d.year = ?3 and d.quarter = ?4
                and not exists (from UsShipmentDeclaration n where n.supersedesId = d.id)""", organisationId, productId, q.year(), q.quarter())
                .firstResult();
    }
}
