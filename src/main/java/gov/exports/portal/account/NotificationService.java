package gov.exports.portal.account;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Notifies people in the portal and by e-mail. Notifications are written in the caller's transaction;
 * e-mails go out only after it commits, so a rolled-back action never mails anyone.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    /** Fired inside the transaction; observed after a successful commit. */
    public record Created(List<Long> ids) {
    }

    @Inject
    Event<Created> created;

    @Inject
    Mailer mailer;

    /** Every active member of the organisation gets the notification. Returns how many were notified. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notifyOrganisation(Organisation organisation, String subject, String body, String link) {
        List<Long> ids = new ArrayList<>();
        for (Membership m : Membership.<Membership> list("organisation = ?1 and active = true", organisation)) {
            ids.add(persist(m.email, organisation.id, subject, body, link));
        }
        created.fire(new Created(ids));
        return ids.size();
    }

    /** One person, e.g. the officer assigned to a case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyPerson(String email, String subject, String body, String link) {
        if (email == null || email.isBlank()) {
            return;
        }
        created.fire(new Created(List.of(persist(email, null, subject, body, link))));
    }

    private Long persist(String email, Long organisationId, String subject, String body, String link) {
        Notification n = new Notification();
        n.recipientEmail = email.toLowerCase(Locale.ROOT);
        n.organisationId = organisationId;
        n.subject = subject;
        n.body = body;
        n.link = link;
        n.persist();
        n.flush();
        return n.id;
    }

    void sendAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Created event) {
        for (Long id : event.ids()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Notification n = Notification.findById(id);
                    if (n == null || n.emailedAt != null) {
                        return;
                    }
                    mailer.send(Mail.withText(n.recipientEmail, n.subject, n.body
                            + (n.link != null ? "\n\nSee it in the portal: " + n.link : "")
                            + "\n\n— Export Licensing Portal. This message was sent automatically."));
                    n.emailedAt = OffsetDateTime.now();
                });
            } catch (RuntimeException e) {
                // The in-app notification stays; a failed e-mail is logged, never fails the user's action.
                LOG.errorf(e, "E-mail for notification %d could not be sent", id);
            }
        }
    }

    public List<Notification> forRecipient(String email, int limit) {
        if (email == null) {
            return List.of();
        }
        return Notification.find("recipientEmail = ?1 order by id desc", email.toLowerCase(Locale.ROOT)).page(0, limit).list();
    }

    public long unreadCount(String email) {
        return email == null ? 0 : Notification.count("recipientEmail = ?1 and readAt is null", email.toLowerCase(Locale.ROOT));
    }

    @Transactional
    public int markAllRead(String email) {
        if (email == null) {
            return 0;
        }
        return Notification.update("readAt = ?1 where recipientEmail = ?2 and readAt is null", OffsetDateTime.now(),
                email.toLowerCase(Locale.ROOT));
    }
}
