package gov.exports.portal.review;

import java.time.OffsetDateTime;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A PDF the vendor attached to an answer; the content is loaded only for downloads. */
@Entity
@Table(name = "information_request_document")
public class InformationRequestDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public Long requestId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

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
}
