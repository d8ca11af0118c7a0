package gov.exports.portal.screening;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A listed entry that a screened party may be. Open until an officer decides true match or false positive. */
@Entity
@Table(name = "screening_hit")
public class ScreeningHit extends PanacheEntityBase {

    public enum Status {
        OPEN, TRUE_MATCH, FALSE_POSITIVE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id")
    public ScreeningRun run;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "entry_id")
    public ListEntry entry;

    public BigDecimal score;

    @Column(name = "matched_name")
    public String matchedName;

    @Column(name = "matched_kind")
    public String matchedKind;

    public String explanation;

    @Enumerated(EnumType.STRING)
    public Status status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "disposition_id")
    public Disposition disposition;

    @Column(name = "is_new")
    public boolean isNew;

    @Version
    public int version;

    public List<String> explanationLines() {
        return explanation == null ? List.of() : Arrays.asList(explanation.split("\n"));
    }

    public String dispositionUrl() {
        return "/screening/hits/" + id + "/disposition";
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public String scoreText() {
        return score == null ? "" : score.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
