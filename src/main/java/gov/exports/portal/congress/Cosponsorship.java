package gov.exports.portal.congress;

import java.time.LocalDate;

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

/** A member's cosponsorship of a bill: when they joined, whether as an original cosponsor, and when they withdrew. */
@Entity
@Table(name = "bill_cosponsor")
public class Cosponsorship extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bill_id")
    public Bill bill;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "bioguide_id")
    public Member member;

    @Column(name = "sponsorship_date")
    public LocalDate sponsorshipDate;

    @Column(nullable = false)
    public boolean original;

    @Column(name = "withdrawn_date")
    public LocalDate withdrawnDate;

    public boolean isWithdrawn() {
        return withdrawnDate != null;
    }
}
