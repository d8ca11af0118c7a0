package gov.exports.portal.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A Chinese consignee or end user approved by the government. Every version is kept in approved_customer_history. */
@Entity
@Table(name = "approved_customer")
public class ApprovedCustomer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "name_latin", nullable = false)
    public String nameLatin;

    @Column(name = "name_chinese")
    public String nameChinese;

    @Column(nullable = false, length = 18, columnDefinition = "bpchar")
    public String uscc;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false, length = 2, columnDefinition = "bpchar")
    public String country = "CN";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status = CustomerStatus.APPROVED;

    @Column(name = "approved_on", nullable = false)
    public LocalDate approvedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    public String notes;

    /** Who made the current version (copied into the history by the database). */
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

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

    /** Approved and not expired on {@code day}: may be chosen as a consignee. */
    public boolean isSelectableOn(LocalDate day) {
        return status == CustomerStatus.APPROVED && (expiresOn == null || day.isBefore(expiresOn));
    }

    public String getDisplayName() {
        return nameChinese == null ? nameLatin : nameLatin + " (" + nameChinese + ")";
    }

    public static List<ApprovedCustomer> selectable(LocalDate day) {
        return list("status = ?1 and (expiresOn is null or expiresOn > ?2) order by lower(nameLatin)", CustomerStatus.APPROVED, day);
    }
}
