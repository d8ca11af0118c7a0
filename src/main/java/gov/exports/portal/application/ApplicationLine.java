package gov.exports.portal.application;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import gov.exports.portal.policy.Product;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A product line: product, quantity and unit price in USD; the total is computed by the database. */
@Entity
@Table(name = "application_line")
public class ApplicationLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    public Application application;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal unitPriceUsd;

    @Generated
    @Column(name = "total_usd", insertable = false, updatable = false, precision = 18, scale = 2)
    public BigDecimal totalUsd;

    public static List<ApplicationLine> of(Application app) {
        return list("application = ?1 order by id", app);
    }

    public static BigDecimal totalOf(List<ApplicationLine> lines) {
        return lines.stream().map(l -> l.unitPriceUsd.multiply(BigDecimal.valueOf(l.quantity)))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
