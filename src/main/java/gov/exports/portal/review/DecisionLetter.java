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

/** The letter sent to the vendor when a decision takes effect, frozen as written. */
@Entity
@Table(name = "decision_letter")
public class DecisionLetter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public Long applicationId;

    @Column(name = "decision_id", nullable = false)
    public Long decisionId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "issued_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime issuedAt;

    public List<String> getParagraphs() {
        return List.of(body.split("\n\n"));
    }

    public static List<DecisionLetter> of(Long applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
