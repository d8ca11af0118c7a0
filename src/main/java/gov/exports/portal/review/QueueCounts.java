package gov.exports.portal.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The queue tab counts each instance computed, kept only for the queue version (table review_queue_version, raised by
 * triggers in the same transaction as every change to a submitted application, a review case or an information
 * request) and the review day they were computed at. A change committed through any instance, or plain SQL, raises the
 * version, so every instance stops serving its counts at once; the overdue count also moves with the day. The "my cases"
 * count differs per officer, so counts are kept per officer, a bounded number of them (least recently used out).
 */
@ApplicationScoped
public class QueueCounts {

    /** Officials are a few hundred at most; the bound only stops a flood of unknown subjects from growing the map. */
    static final int MAX_OFFICERS = 1_000;

    record Kept(long version, LocalDate day, Map<Queue, String> counts) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_OFFICERS;
        }
    };
    private final AtomicLong computed = new AtomicLong();

    /** This officer's counts if they were computed at exactly this version and day. */
    synchronized Map<Queue, String> get(String officer, long version, LocalDate day) {
        Kept k = kept.get(officer);
        if (k == null || k.version() != version || !k.day().equals(day)) {
            return null;
        }
        return k.counts();
    }

    synchronized void put(String officer, long version, LocalDate day, Map<Queue, String> counts) {
        computed.incrementAndGet();
        Kept old = kept.get(officer);
        if (old != null && old.version() > version) {
            return; // a slower request computed an older snapshot
        }
        kept.put(officer, new Kept(version, day, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    }

    /** How many times counts were computed, not served from the kept ones (QueueTest checks a page reuses them). */
    public long computed() {
        return computed.get();
    }
}
