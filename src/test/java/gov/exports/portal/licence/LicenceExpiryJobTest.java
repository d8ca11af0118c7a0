package gov.exports.portal.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The daily expiry job: expires what ended, warns 60 and 30 days ahead once each, runs once across instances. */
@QuarkusTest
class LicenceExpiryJobTest {

    @Inject
    LicenceFixtures fixtures;

    @Inject
    LicenceExpiryJob job;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    long notifications(String subjectStart) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM notification WHERE subject LIKE :s").setParameter("s", subjectStart + "%").getSingleResult()).longValue());
    }

    LicenceStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Licence.<Licence> findById(id).status);
    }

    @Test
    void expiresEndedLicencesWarnsOnceAndSkipsWhenAnotherInstanceHoldsTheLock() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Licence ended = fixtures.issued("nvidia", 5, "50000.00", today.minusYears(1), today.minusDays(1));
        Licence lastDay = fixtures.issued("nvidia", 5, "50000.00", today.minusYears(1), today);
        Licence in45 = fixtures.issued("nvidia", 5, "50000.00", today.minusYears(1), today.plusDays(45));
        Licence in20 = fixtures.issued("nvidia", 5, "50000.00", today.minusYears(1), today.plusDays(20));
        Licence in200 = fixtures.issued("nvidia", 5, "50000.00", today.minusYears(1), today.plusDays(200));

        // another instance is running the job: this one does nothing
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, LicenceExpiryJob.LOCK_KEY);
                ps.execute();
            }
            LicenceExpiryJob.Run skipped = job.run(today);
            assertFalse(skipped.ran());
            assertEquals(LicenceStatus.ACTIVE, status(ended.id));
            other.commit();
        }

        LicenceExpiryJob.Run run = job.run(today);
        assertTrue(run.ran());
        assertEquals(LicenceStatus.EXPIRED, status(ended.id));
        assertEquals(LicenceStatus.ACTIVE, status(lastDay.id), "valid through its last day");
        assertEquals(LicenceStatus.ACTIVE, status(in45.id));
        assertEquals(members(), notifications("Licence " + ended.number + " expired"));
        assertEquals(members(), notifications("Licence " + in45.number + " expires in 45 days"));
        assertEquals(members(), notifications("Licence " + in20.number + " expires in 20 days"));
        assertEquals(0, notifications("Licence " + in200.number));
        // no shipment under the expired licence; the public sees it expired
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        long line = QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> find("licenceId", ended.id).firstResult().id);
        ShipmentTest.report(vendor, ended.id, line, today.minusDays(2), "1", "10.00", ShipmentTest.PDF).then().statusCode(409);

        // the next day: nothing new for the licence already warned at 60 days until it reaches 30
        job.run(today.plusDays(1));
        assertEquals(members(), notifications("Licence " + in45.number + " expires in"));
        job.run(today.plusDays(15));
        assertEquals(2 * members(), notifications("Licence " + in45.number + " expires in"), "the 30-day warning follows");
        assertEquals(members(), notifications("Licence " + in20.number + " expires in"), "warned once only");
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE action = 'licence.expired' AND target_id = :id AND actor_subject = 'system'")
                .setParameter("id", String.valueOf(ended.id)).getSingleResult()).longValue());
        assertEquals(1, audited);
    }

    /** Notifications go to every member of the organisation. */
    long members() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM membership m JOIN organisation o ON o.id = m.organisation_id WHERE o.slug = 'nvidia' AND m.active")
                .getSingleResult()).longValue());
    }
}
