package gov.exports.portal.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A question to the vendor with a due date. From request to answer the review clock is paused. */
@Entity
@Table(name = "information_request")
public class InformationRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public Long applicationId;

    @Column(nullable = false)
    public String question;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "requested_by_subject", nullable = false)
    public String requestedBySubject;

    @Column(name = "requested_by_name", nullable = false)
    public String requestedByName;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    public boolean isOpen() {
        return answeredAt == null;
    }

    public boolean isPastDue() {
        return isOpen() && LocalDate.now(ReviewClock.ZONE).isAfter(dueOn);
    }

    public ReviewClock.Pause pause() {
        return new ReviewClock.Pause(requestedAt.atZoneSameInstant(ReviewClock.ZONE).toLocalDate(),
                answeredAt == null ? null : answeredAt.atZoneSameInstant(ReviewClock.ZONE).toLocalDate());
    }

    /** Filled by {@link #of} for all requests of an application in one query (pages list every request's documents). */
    @jakarta.persistence.Transient
    List<InformationRequestDocument> documents;

    public List<InformationRequestDocument> getDocuments() {
        if (documents == null) {
            documents = InformationRequestDocument.list("requestId = ?1 order by id", id);
        }
        return documents;
    }

    public static List<InformationRequest> of(Long applicationId) {
        List<InformationRequest> requests = list("applicationId = ?1 order by id", applicationId);
        if (!requests.isEmpty()) {
            java.util.Map<Long, List<InformationRequestDocument>> byRequest = InformationRequestDocument
                    .<InformationRequestDocument> list("requestId in ?1 order by id", requests.stream().map(r -> r.id).toList()).stream()
                    .collect(java.util.stream.Collectors.groupingBy(d -> d.requestId));
            requests.forEach(r -> r.documents = byRequest.getOrDefault(r.id, List.of()));
        }
        return requests;
    }

    public static InformationRequest openOf(Long applicationId) {
        return find("applicationId = ?1 and answeredAt is null", applicationId).firstResult();
    }
}
