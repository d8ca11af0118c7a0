package gov.exports.portal.screening;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Progress of a list import or a re-screening, read by the page officials watch. */
@Entity
@Table(name = "screening_job")
public class ScreeningJob extends PanacheEntityBase {

    public enum Kind {
        IMPORT, RESCREEN
    }

    public enum Status {
        RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String phase;
    public int done;
    public int total;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "list_version_id")
    public Long listVersionId;

    public String message;

    /** Matching rules a re-screening applied (PartyScorer.MATCHING_RULES). */
    @Column(name = "matching_rules")
    public String matchingRules;

    @Column(name = "started_by_name")
    public String startedByName;

    @Column(name = "started_at", insertable = false, updatable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    public int percent() {
        return total <= 0 ? (status == Status.DONE ? 100 : 0) : Math.min(100, (int) (100L * done / total));
    }

    public String title() {
        return kind == Kind.IMPORT ? "List import" + (fileName == null ? "" : " of " + fileName) : "Re-screening of open parties";
    }
}
