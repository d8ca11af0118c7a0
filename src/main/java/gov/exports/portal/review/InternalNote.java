package gov.exports.portal.review;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A note officials keep on a case; never shown to the vendor. */
@Entity
@Table(name = "internal_note")
public class InternalNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public Long applicationId;

    @Column(name = "author_subject", nullable = false)
    public String authorSubject;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static List<InternalNote> of(Long applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
