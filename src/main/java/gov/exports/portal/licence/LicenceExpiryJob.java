package gov.exports.portal.licence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.exports.portal.account.NotificationService;
import gov.exports.portal.audit.AuditLog;
import io.quarkus.scheduler.Scheduled;

/**
 * Daily: licences past their last day of validity become EXPIRED; licensees are warned 60 and 30 days before. Runs once
 * even with several portal instances: the work happens inside a transaction holding a PostgreSQL advisory lock, and an
 * instance that cannot take it skips (the warnings table also makes each warning go out only once).
 */
@ApplicationScoped
public class LicenceExpiryJob {

    private static final Logger LOG = Logger.getLogger(LicenceExpiryJob.class);

    /** The advisory lock key: any constant unique to this job across the portal. */
    static final long LOCK_KEY = 0x4C4943_455850L; // "LICEXP"

    public record Run(boolean ran, int expired, int warned60, int warned30) {
    }

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Inject
    AuditLog audit;

    @Scheduled(identity = "licence-expiry", cron = "${portal.licences.expiry-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run r = run(LocalDate.now(ZoneOffset.UTC));
        LOG.infof("licence expiry job: %s", r);
    }

    @Transactional
    public Run run(LocalDate today) {
        boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:k)").setParameter("k", LOCK_KEY).getSingleResult();
        if (!locked) {
            return new Run(false, 0, 0, 0);
        }
        int expired = 0;
        for (Licence l : Licence.<Licence> list("status in ?1 and validTo < ?2 order by id",
                List.of(LicenceStatus.ACTIVE, LicenceStatus.EXHAUSTED, LicenceStatus.SUSPENDED), today)) {
            String before = l.status.name();
            l.status = LicenceStatus.EXPIRED;
            em.flush();
            notifications.notifyOrganisation(l.organisation, "Licence " + l.number + " expired",
                    "Export licence " + l.number + " expired at the end of " + l.validTo + ". No shipment may be made under it.",
                    "/licences/" + l.id);
            audit.recordSystem("licence.expired", "licence", l.id, AuditLog.state("number", l.number, "status", before),
                    AuditLog.state("number", l.number, "status", "EXPIRED", "validTo", l.validTo));
            expired++;
        }
        int warned30 = warn(today, 30);
        int warned60 = warn(today, 60);
        return new Run(true, expired, warned60, warned30);
    }

    /** Licences ending within the window and not yet warned for it; a 30-day warning also stands for the 60-day one. */
    private int warn(LocalDate today, int days) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                SELECT l.id FROM licence l
                WHERE l.status IN ('ACTIVE', 'EXHAUSTED') AND l.valid_to >= :today AND l.valid_to <= :limit
                  AND NOT EXISTS (SELECT 1 FROM licence_expiry_warning w WHERE w.licence_id = l.id AND w.days_before <= :days)
                ORDER BY l.id""").setParameter("today", today).setParameter("limit", today.plusDays(days)).setParameter("days", days)
                .getResultList();
        for (Number id : ids) {
            Licence l = Licence.findById(id.longValue());
            em.createNativeQuery("INSERT INTO licence_expiry_warning (licence_id, days_before) VALUES (:id, :d), (:id, 60) ON CONFLICT DO NOTHING")
                    .setParameter("id", l.id).setParameter("d", days).executeUpdate();
            long left = java.time.temporal.ChronoUnit.DAYS.between(today, l.validTo);
            notifications.notifyOrganisation(l.organisation, "Licence " + l.number + " expires in " + left + " days",
                    "Export licence " + l.number + " is valid until " + l.validTo + " inclusive (" + left + " days from today). "
                            + "Shipments after that day are not allowed; apply in time if you need a new licence or an amendment.",
                    "/licences/" + l.id);
        }
        return ids.size();
    }
}
