package gov.exports.portal.application;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A supporting PDF stored in PostgreSQL with its SHA-256; the content is loaded only for downloads. */
@Entity
@Table(name = "application_document")
public class ApplicationDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    public Application application;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType = "application/pdf";

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false, length = 64, columnDefinition = "bpchar")
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime uploadedAt;

    public String getSizeText() {
        return sizeBytes >= 1024 * 1024 ? String.format("%.1f MB", sizeBytes / 1048576.0)
                : Math.max(1, sizeBytes / 1024) + " KB";
    }

    public static List<ApplicationDocument> of(Application app) {
        return list("application = ?1 order by id", app);
    }
}
