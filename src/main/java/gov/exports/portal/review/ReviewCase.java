package gov.exports.portal.review;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The officials' side of a submitted application: who works it. Its version is the one every case form carries,
 * and every review action moves it, so two officials acting on the same case at once cannot both succeed.
 */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public Long applicationId;

    @Column(name = "assigned_subject")
    public String assignedSubject;

    @Column(name = "assigned_name")
    public String assignedName;

    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    public int version;

    public boolean isAssigned() {
        return assignedSubject != null;
    }

    public boolean isAssignedTo(String subject) {
        return subject != null && subject.equals(assignedSubject);
    }

    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
