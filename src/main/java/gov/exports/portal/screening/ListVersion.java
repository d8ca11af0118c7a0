package gov.exports.portal.screening;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of the screening list: an import of a published file, or one entry added or retired by hand. */
@Entity
@Table(name = "screening_list_version")
public class ListVersion extends PanacheEntityBase {

    public enum Kind {
        IMPORT, MANUAL_ADD, MANUAL_RETIRE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public ListFormat format;

    @Column(name = "scope_source")
    public String scopeSource;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_sha256", columnDefinition = "bpchar")
    public String fileSha256;

    public String note;

    @Column(name = "created_by_subject")
    public String createdBySubject;

    @Column(name = "created_by_name")
    public String createdByName;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "entry_count")
    public int entryCount;

    public int added;
    public int changed;
    public int removed;

    /** The version in force: the latest one. */
    public static Optional<ListVersion> current() {
        return find("order by id desc").firstResultOptional();
    }

    public String describe() {
        return switch (kind) {
            case IMPORT -> "Import of " + (fileName == null ? "a file" : fileName);
            case MANUAL_ADD -> "Entry added by hand";
            case MANUAL_RETIRE -> "Entry retired by hand";
        };
    }
}
