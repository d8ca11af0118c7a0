package gov.exports.portal.congress;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

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

/** One action on a bill, as the Library of Congress or a chamber recorded it. Never changed once recorded. */
@Entity
@Table(name = "bill_action")
public class BillAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bill_id")
    public Bill bill;

    @Column(name = "action_date", nullable = false)
    public LocalDate actionDate;

    @Column(name = "action_time")
    public LocalTime actionTime;

    @Column(name = "source_code")
    public String sourceCode;

    @Column(name = "source_name")
    public String sourceName;

    @Column(nullable = false)
    public String text;

    @Column(name = "action_code")
    public String actionCode;

    @Column(name = "action_type")
    public String actionType;

    @Column(name = "committee_code")
    public String committeeCode;

    @Column(name = "action_key", nullable = false)
    public String actionKey;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime recordedAt;

    public BillStatusDerivation.ActionFacts facts() {
        return new BillStatusDerivation.ActionFacts(actionDate, actionTime, actionCode, actionType, text);
    }

    /** Who reported it, in words: "Senate", "House floor", "Library of Congress". */
    public String chamberWords() {
        if (sourceName == null) {
            return "—";
        }
        return sourceName.replace(" actions", "");
    }
}
