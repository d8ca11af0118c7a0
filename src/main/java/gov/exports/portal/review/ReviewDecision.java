package gov.exports.portal.review;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An officer's recommendation and, once given, the senior officer's countersignature (never the same person). */
@Entity
@Table(name = "review_decision")
public class ReviewDecision extends PanacheEntityBase {

    public enum Countersign { AGREED, SENT_BACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public Long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recommendation outcome;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "standard_conditions", nullable = false, columnDefinition = "text[]")
    public List<String> standardConditions = new ArrayList<>();

    @Column(name = "condition_text")
    public String conditionText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "denial_reasons", nullable = false, columnDefinition = "text[]")
    public List<String> denialReasons = new ArrayList<>();

    @Column(nullable = false)
    public String reasons;

    @Column(name = "recommended_by_subject", nullable = false)
    public String recommendedBySubject;

    @Column(name = "recommended_by_name", nullable = false)
    public String recommendedByName;

    @Column(name = "recommended_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime recommendedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "countersign_outcome")
    public Countersign countersignOutcome;

    @Column(name = "countersigned_by_subject")
    public String countersignedBySubject;

    @Column(name = "countersigned_by_name")
    public String countersignedByName;

    @Column(name = "countersigned_at")
    public OffsetDateTime countersignedAt;

    @Column(name = "countersign_comment")
    public String countersignComment;

    public boolean isPending() {
        return countersignOutcome == null;
    }

    public List<String> getStandardConditionTexts() {
        return standardConditions.stream().map(c -> Rider.fromCode(c).map(r -> r.text).orElse(c)).toList();
    }

    public List<String> getDenialReasonTexts() {
        return denialReasons.stream().map(c -> DenialReason.fromCode(c).map(r -> r.title).orElse(c)).toList();
    }

    public static List<ReviewDecision> of(Long applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }

    public static ReviewDecision pendingOf(Long applicationId) {
        return find("applicationId = ?1 and countersignOutcome is null", applicationId).firstResult();
    }

    public static ReviewDecision agreedOf(Long applicationId) {
        return find("applicationId = ?1 and countersignOutcome = ?2", applicationId, Countersign.AGREED).firstResult();
    }
}
