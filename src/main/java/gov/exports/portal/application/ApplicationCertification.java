package gov.exports.portal.application;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A certification the vendor gave on a draft: who ticked it and when. */
@Entity
@Table(name = "application_certification")
@IdClass(ApplicationCertification.Key.class)
public class ApplicationCertification extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long applicationId;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(applicationId, k.applicationId) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(applicationId, code);
        }
    }

    @Id
    @Column(name = "application_id")
    public Long applicationId;

    @Id
    public String code;

    @Column(name = "certified_by", nullable = false)
    public String certifiedBy;

    @Column(name = "certified_at", nullable = false)
    public OffsetDateTime certifiedAt = OffsetDateTime.now();
}
