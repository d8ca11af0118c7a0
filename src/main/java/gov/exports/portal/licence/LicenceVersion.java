package gov.exports.portal.licence;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a licence said at one version: field label → value, as shown to people (diffed field by field). */
@Entity
@Table(name = "licence_version")
public class LicenceVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "licence_id", nullable = false)
    public Long licenceId;

    @Column(name = "version_no", nullable = false)
    public int versionNo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String fields;

    @Column(nullable = false)
    public String cause;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The fields in their recorded order. */
    public java.util.LinkedHashMap<String, String> getFieldMap() {
        try {
            return JSON.readValue(fields, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("licence_version " + id + " holds unreadable fields", e);
        }
    }

    public void setFieldMap(java.util.LinkedHashMap<String, String> map) {
        try {
            fields = JSON.writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static List<LicenceVersion> of(Long licenceId) {
        return list("licenceId = ?1 order by versionNo", licenceId);
    }
}
