package gov.exports.portal.congress;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's seat on a committee (congress-legislators committee-membership-current.yaml). */
@Entity
@Table(name = "committee_seat")
@IdClass(CommitteeSeat.Key.class)
public class CommitteeSeat extends PanacheEntityBase {

    @Id
    @Column(name = "committee_code")
    public String committeeCode;

    @Id
    @Column(name = "bioguide_id")
    public String bioguideId;

    /** majority or minority */
    public String side;

    public Integer rank;

    public String title;

    public static class Key implements Serializable {
        public String committeeCode;
        public String bioguideId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(committeeCode, k.committeeCode) && Objects.equals(bioguideId, k.bioguideId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(committeeCode, bioguideId);
        }
    }
}
