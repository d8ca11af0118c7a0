package gov.exports.portal.licence;

import java.time.OffsetDateTime;
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

/** A senior officer's suspension of every licence a policy event affects: queued, run by a worker, watched on its page. */
@Entity
@Table(name = "licence_bulk_job")
public class BulkSuspensionJob extends PanacheEntityBase {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_kind", nullable = false)
    public String eventKind;

    @Column(name = "event_id", nullable = false)
    public Long eventId;

    @Column(name = "event_reference", nullable = false)
    public String eventReference;

    @Column(nullable = false)
    public String reason;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "licence_ids", nullable = false, columnDefinition = "bigint[]")
    public List<Long> licenceIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.QUEUED;

    public int processed;

    public int total;

    public String message;

    @Column(name = "requested_by_subject", nullable = false)
    public String requestedBySubject;

    @Column(name = "requested_by_name", nullable = false)
    public String requestedByName;

    @Column(name = "requested_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public boolean isFinished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    public int getPercent() {
        return total <= 0 ? 0 : Math.min(100, (int) (100L * processed / total));
    }

    public String getPath() {
        return "/licences/policy-events/jobs/" + id;
    }

    public String getEventPath() {
        return "/licences/policy-events/" + eventKind + "/" + eventId;
    }
}
