package gov.exports.portal.screening;

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

/** One party screened against one list version, with the party's description as it was screened. */
@Entity
@Table(name = "screening_run")
public class ScreeningRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public Long subjectId;

    @Column(name = "subject_fingerprint", columnDefinition = "bpchar")
    public String subjectFingerprint;

    @Column(name = "party_name")
    public String partyName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "party_alt_names", columnDefinition = "jsonb")
    public String partyAltNamesJson;

    @Column(name = "party_address")
    public String partyAddress;

    @Column(name = "party_city")
    public String partyCity;

    @Column(name = "party_country")
    public String partyCountry;

    @Column(name = "list_version_id")
    public Long listVersionId;

    public String trigger;

    @Column(name = "screened_at", insertable = false, updatable = false)
    public OffsetDateTime screenedAt;

    public List<String> partyAltNames() {
        return JsonLists.read(partyAltNamesJson, JsonLists.STRINGS);
    }

    public String partyDescription() {
        StringBuilder b = new StringBuilder(partyName);
        for (String a : partyAltNames()) {
            b.append(" / ").append(a);
        }
        for (String p : new String[] { partyAddress, partyCity, partyCountry }) {
            if (p != null && !p.isBlank()) {
                b.append(", ").append(p);
            }
        }
        return b.toString();
    }

    /** "Application party 12" */
    public String subjectLabel() {
        String t = subjectType.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1) + " " + subjectId;
    }

    /** The latest run of a subject: the one that counts. */
    public static ScreeningRun latest(String subjectType, Long subjectId) {
        return find("subjectType = ?1 and subjectId = ?2 order by id desc", subjectType, subjectId).firstResult();
    }
}
