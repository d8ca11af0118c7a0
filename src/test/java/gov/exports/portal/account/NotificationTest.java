package gov.exports.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotificationTest {

    @Inject
    NotificationService notifications;

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void clear() {
        mailbox.clear();
    }

    @Test
    void everyMemberOfTheOrganisationIsNotifiedAndMailedAfterCommit() {
        String subject = "Information requested on ELA-TEST-" + System.nanoTime();
        int n = QuarkusTransaction.requiringNew().call(() -> notifications.notifyOrganisation(
                Organisation.findBySlug("amd").orElseThrow(), subject, "An officer asked a question.", "/vendor"));
        assertEquals(2, n, "AMD has two demo members");
        List<Mail> toVendor = mailbox.getMailsSentTo("amd-vendor@demo.example");
        assertTrue(toVendor.stream().anyMatch(m -> m.getSubject().equals(subject)), "mail sent to the member");
        assertTrue(mailbox.getMailsSentTo("amd-admin@demo.example").stream().anyMatch(m -> m.getSubject().equals(subject)));
        assertTrue(mailbox.getMailsSentTo("nvidia-vendor@demo.example").stream().noneMatch(m -> m.getSubject().equals(subject)),
                "no other organisation is told");

        // the member sees it in the portal; a member of another organisation does not
        String amdPage = PortalSession.of("amd-vendor").get("/notifications").body();
        assertTrue(amdPage.contains(subject));
        String nvidiaPage = PortalSession.of("nvidia-vendor").get("/notifications").body();
        assertFalse(nvidiaPage.contains(subject));
    }

    @Test
    void aRolledBackActionMailsNobody() {
        String subject = "Never sent " + System.nanoTime();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notifications.notifyOrganisation(Organisation.findBySlug("intel").orElseThrow(), subject, "body", null);
            throw new IllegalStateException("the action failed after notifying");
        }));
        assertTrue(mailbox.getMailsSentTo("intel-vendor@demo.example").stream().noneMatch(m -> m.getSubject().equals(subject)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Notification.count("subject", subject)));
    }

    @Test
    void markingAllReadClearsTheUnreadCount() {
        String subject = "Read me " + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> notifications.notifyPerson("officer@demo.example", subject, "body", "/officer"));
        assertTrue(notifications.unreadCount("officer@demo.example") > 0);
        PortalSession officer = PortalSession.of("officer");
        officer.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", officer.csrfToken())
                .post("/notifications/read").then().statusCode(303);
        assertEquals(0, notifications.unreadCount("officer@demo.example"));
    }
}
