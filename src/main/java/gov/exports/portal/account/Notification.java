package gov.exports.portal.account;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message to one person, shown in the portal and sent by e-mail. Links are portal-relative only. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    @Column(name = "organisation_id")
    public Long organisationId;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    public String link;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "emailed_at")
    public OffsetDateTime emailedAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    public boolean isUnread() {
        return readAt == null;
    }
}
