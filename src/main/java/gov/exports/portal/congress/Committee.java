package gov.exports.portal.congress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A committee or subcommittee of Congress (congress-legislators committees-current.yaml). */
@Entity
@Table(name = "committee")
public class Committee extends PanacheEntityBase {

    /** thomas_id: SSBK, subcommittees SSBK12. */
    @Id
    public String code;

    /** The bill data's spelling: ssbk00, ssbk12. */
    @Column(name = "system_code", nullable = false, unique = true)
    public String systemCode;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String chamber;

    @Column(name = "parent_code")
    public String parentCode;

    /** SSBK → ssbk00; SSBK12 → ssbk12. */
    public static String systemCodeOf(String code) {
        String c = code.toLowerCase(java.util.Locale.ROOT);
        return c.length() == 4 ? c + "00" : c;
    }
}
