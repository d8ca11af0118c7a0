package gov.exports.portal.congress;

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

/** The record of one import: who, when, from where, and what it changed or why it was refused. */
@Entity
@Table(name = "bill_import")
public class BillImport extends PanacheEntityBase {

    public enum SourceKind {
        UPLOAD, API, CONGRESS_GOV, SEED
    }

    public enum Format {
        BILLSTATUS_XML, BILLSTATUS_ZIP, API_JSON, LEGISLATORS_YAML, COMMITTEES_YAML, COMMITTEE_MEMBERSHIP_YAML
    }

    public enum Outcome {
        IMPORTED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt = OffsetDateTime.now();

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    public SourceKind sourceKind;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Enumerated(EnumType.STRING)
    public Format format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "bills_created", nullable = false)
    public int billsCreated;

    @Column(name = "bills_updated", nullable = false)
    public int billsUpdated;

    @Column(name = "bills_unchanged", nullable = false)
    public int billsUnchanged;

    @Column(name = "actions_added", nullable = false)
    public int actionsAdded;

    @Column(name = "cosponsors_added", nullable = false)
    public int cosponsorsAdded;

    @Column(name = "cosponsors_withdrawn", nullable = false)
    public int cosponsorsWithdrawn;

    @Column(name = "members_saved", nullable = false)
    public int membersSaved;

    @Column(name = "committees_saved", nullable = false)
    public int committeesSaved;

    /** What changed, bill by bill, or why the file was refused. */
    @Column(nullable = false)
    public String message = "";

    public java.util.List<String> messageLines() {
        return java.util.List.of(message.split("\n"));
    }

    public boolean isRefused() {
        return outcome == Outcome.REFUSED;
    }

    public String formatWords() {
        if (format == null) {
            return "Unrecognised";
        }
        return switch (format) {
            case BILLSTATUS_XML -> "BILLSTATUS XML";
            case BILLSTATUS_ZIP -> "BILLSTATUS XML (zip)";
            case API_JSON -> "congress.gov API JSON";
            case LEGISLATORS_YAML -> "Legislators YAML";
            case COMMITTEES_YAML -> "Committees YAML";
            case COMMITTEE_MEMBERSHIP_YAML -> "Committee membership YAML";
        };
    }
}
