package gov.exports.portal.licence;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * A small token bucket per client address for the public verification page: enough for a customs officer, too slow
 * to enumerate licence numbers. Kept in PostgreSQL (table verify_bucket, V77) so that the limit holds across all
 * portal instances: one row per client, refilled and taken in one statement under the row's lock.
 */
@ApplicationScoped
public class VerificationLimiter {

    @jakarta.inject.Inject
    LicencesConfig config;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    /** Takes one token for this client; false when the client must wait. Committed at once, whatever the request does. */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(String client) {
        String key = client.length() > 100 ? client.substring(0, 100) : client;
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(100) == 0) {
            // idle buckets are full again after a minute: forget them (bounds the table under a flood of addresses)
            em.createNativeQuery("DELETE FROM verify_bucket WHERE updated_at < now() - interval '10 minutes'").executeUpdate();
        }
        return (Boolean) em.createNativeQuery("""
                WITH c AS (SELECT CAST(:per AS double precision) AS per)
                INSERT INTO verify_bucket AS b (client, tokens, allowed, updated_at)
                SELECT :client, c.per - 1, true, clock_timestamp() FROM c
                ON CONFLICT (client) DO UPDATE SET
                    tokens = least(:per, b.tokens + extract(epoch FROM clock_timestamp() - b.updated_at) / 60.0 * :per)
                        - CASE WHEN least(:per, b.tokens + extract(epoch FROM clock_timestamp() - b.updated_at) / 60.0 * :per) >= 1
                          THEN 1 ELSE 0 END,
                    allowed = least(:per, b.tokens + extract(epoch FROM clock_timestamp() - b.updated_at) / 60.0 * :per) >= 1,
                    updated_at = clock_timestamp()
                RETURNING allowed""").setParameter("client", key).setParameter("per", (double) perMinute()).getSingleResult();
    }

    /** Forgets every client (tests). */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.REQUIRES_NEW)
    void reset() {
        em.createNativeQuery("DELETE FROM verify_bucket").executeUpdate();
    }

    public int perMinute() {
        return config.verifyLookupsPerMinute();
    }

    /** Seconds until the next lookup is allowed (for Retry-After). */
    public int retryAfterSeconds() {
        return Math.max(1, (int) Math.ceil(60.0 / perMinute()));
    }
}
