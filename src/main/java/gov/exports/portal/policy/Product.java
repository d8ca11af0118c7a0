package gov.exports.portal.policy;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A chip in the catalogue, with the performance figures the licence policy tests. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String maker;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String architecture;

    @Column(nullable = false)
    public String eccn;

    /** Total processing performance (TPP) as defined for ECCN 3A090. */
    @Column(nullable = false)
    public int tpp;

    @Column(name = "dram_bandwidth_gbps", nullable = false)
    public int dramBandwidthGbps;

    public String notes;

    /** Withdrawn products stay for old applications but cannot be chosen for new lines. */
    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    public int version;

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public String getName() {
        return maker + " " + model;
    }

    public static List<Product> catalogue() {
        return list("order by lower(maker), lower(model)");
    }

    public static List<Product> selectable() {
        return list("active = true order by lower(maker), lower(model)");
    }
}
