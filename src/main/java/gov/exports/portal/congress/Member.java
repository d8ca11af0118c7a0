package gov.exports.portal.congress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member of Congress, identified by the bioguide id every source shares. */
@Entity
@Table(name = "congress_member")
public class Member extends PanacheEntityBase {

    @Id
    @Column(name = "bioguide_id")
    public String bioguideId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    /** R, D, I … */
    public String party;

    public String state;

    public Integer district;

    /** Senate or House (current or last chamber). */
    public String chamber;

    /** legislators (congress-legislators files) or bill (only named in bill data). */
    @Column(nullable = false)
    public String source;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @ElementCollection
    @CollectionTable(name = "member_term", joinColumns = @JoinColumn(name = "bioguide_id"))
    @OrderBy("startDate DESC")
    public List<Term> terms = new ArrayList<>();

    @Embeddable
    public static class Term {
        @Column(nullable = false)
        public String chamber;

        @Column(name = "start_date", nullable = false)
        public LocalDate startDate;

        @Column(name = "end_date")
        public LocalDate endDate;

        @Column(nullable = false)
        public String state;

        public Integer district;

        public String party;

        public Term() {
        }

        public Term(String chamber, LocalDate startDate, LocalDate endDate, String state, Integer district, String party) {
            this.chamber = chamber;
            this.startDate = startDate;
            this.endDate = endDate;
            this.state = state;
            this.district = district;
            this.party = party;
        }

        public boolean isCurrent() {
            return endDate == null || !endDate.isBefore(LocalDate.now());
        }
    }

    /** "Sen. Pete Ricketts" style. */
    public String title() {
        return ("Senate".equals(chamber) ? "Sen. " : "House".equals(chamber) ? "Rep. " : "") + fullName;
    }

    /** "R-NE" or "D-VA-11". */
    public String partyState() {
        StringBuilder s = new StringBuilder();
        s.append(party == null ? "?" : party);
        if (state != null) {
            s.append('-').append(state);
        }
        if ("House".equals(chamber) && district != null) {
            s.append('-').append(district);
        }
        return s.toString();
    }

    public String partyName() {
        return Parties.name(party);
    }
}
