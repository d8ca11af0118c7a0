package gov.exports.portal.screening;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An officer's decision on a party and a listed entry. It holds for the party as described (fingerprint)
 * and the entry version (row) it was made on; when either changes, the hit is open again.
 */
@Entity
@Table(name = "screening_disposition")
public class Disposition extends PanacheEntityBase {

    public enum Decision {
        TRUE_MATCH, FALSE_POSITIVE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public Long subjectId;

    @Column(name = "subject_fingerprint", columnDefinition = "bpchar")
    public String subjectFingerprint;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "entry_id")
    public ListEntry entry;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String reason;

    @Column(name = "decided_by_subject")
    public String decidedBySubject;

    @Column(name = "decided_by_name")
    public String decidedByName;

    @Column(name = "decided_at", insertable = false, updatable = false)
    public OffsetDateTime decidedAt;
}
