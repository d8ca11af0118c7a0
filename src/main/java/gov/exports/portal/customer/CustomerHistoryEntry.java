package gov.exports.portal.customer;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One past or current version of an approved customer (written by the database trigger; read only). */
@Entity
@Immutable
@Table(name = "approved_customer_history")
public class CustomerHistoryEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "customer_id")
    public Long customerId;

    public int version;

    public String status;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String state;

    public static List<CustomerHistoryEntry> of(Long customerId) {
        return list("customerId = ?1 order by version desc", customerId);
    }
}
