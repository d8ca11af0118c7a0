package gov.exports.portal.licence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * A small token bucket per client address for the public verification page: enough for a customs officer, too slow
 * to enumerate licence numbers. In memory, per instance (each instance allows its own share).
 */
@ApplicationScoped
public class VerificationLimiter {

    @jakarta.inject.Inject
    LicencesConfig config;

    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    /** Takes one token for this client; false when the client must wait. */
    public boolean tryAcquire(String client) {
        int perMinute = perMinute();
        long now = System.nanoTime();
        if (buckets.size() > 10_000) {
            buckets.clear(); // crude bound on memory under a flood of addresses
        }
        double[] b = buckets.computeIfAbsent(client, k -> new double[] { perMinute, now });
        synchronized (b) {
            double refill = (now - (long) b[1]) / 60e9 * perMinute;
            b[0] = Math.min(perMinute, b[0] + refill);
            b[1] = now;
            if (b[0] >= 1) {
                b[0] -= 1;
                return true;
            }
            return false;
        }
    }

    /** Forgets every client (tests). */
    void reset() {
        buckets.clear();
    }

    public int perMinute() {
        return config.verifyLookupsPerMinute();
    }

    /** Seconds until the next lookup is allowed (for Retry-After). */
    public int retryAfterSeconds() {
        return Math.max(1, (int) Math.ceil(60.0 / perMinute()));
    }
}
