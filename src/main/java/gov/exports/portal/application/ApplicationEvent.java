package gov.exports.portal.application;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an application's timeline, as the vendor and officials see it. */
@Entity
@Table(name = "application_event")
public class ApplicationEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public Long applicationId;

    @Column(name = "occurred_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String kind;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    /** Written by an official (a message to the vendor, a review step) rather than by the vendor. */
    @Column(nullable = false)
    public boolean official;

    @Column(nullable = false)
    public String message;

    /** SUBMITTED → Submitted. */
    public String getKindLabel() {
        String s = kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static List<ApplicationEvent> of(Long applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }

    public static List<ApplicationEvent> messagesOf(Long applicationId) {
        return list("applicationId = ?1 and kind = 'MESSAGE' order by id", applicationId);
    }
}
