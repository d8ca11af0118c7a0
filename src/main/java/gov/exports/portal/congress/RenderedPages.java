package gov.exports.portal.congress;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.exports.portal.web.PortalConfig;

/**
 * Rendered public tracker pages (bill list, bill pages, member pages, feeds) for anonymous visitors, per instance. An
 * entry is only served for the tracker version it was rendered at: every request first reads the database's current
 * version (one query, which the ETag needs anyway), so a change committed through any instance, an import or plain SQL
 * makes every instance's entries unusable at once; they are replaced on the next request. Bounded by entry count and
 * by the characters held (least recently used first out), so a crawler walking every filter combination cannot grow it.
 * Signed-in viewers never use it (their pages show their name and editor links).
 */
@ApplicationScoped
public class RenderedPages {

    /** One rendered answer and the tracker version it shows. */
    record Page(long version, String body) {
        long size() {
            return 64L + 2L * body.length();
        }
    }

    private final Map<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private final AtomicLong renders = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    @Inject
    PortalConfig config;

    /** The page for this key if it was rendered at exactly this tracker version. */
    synchronized Page get(String key, long version) {
        Page p = pages.get(key);
        if (p == null) {
            return null;
        }
        if (p.version() != version) {
            // older (or, briefly, newer than this request's snapshot): never served for another version
            if (p.version() < version) {
                remove(key);
            }
            return null;
        }
        hits.incrementAndGet();
        return p;
    }

    synchronized void put(String key, Page page) {
        renders.incrementAndGet();
        long max = config.trackerPages().maxSize().asLongValue();
        if (page.size() > max / 4) {
            return; // one page must not push everything else out
        }
        Page old = pages.get(key);
        if (old != null && old.version() > page.version()) {
            return; // a slower request rendered an older snapshot
        }
        remove(key);
        pages.put(key, page);
        bytes += page.size();
        Iterator<Map.Entry<String, Page>> eldest = pages.entrySet().iterator();
        while ((pages.size() > config.trackerPages().maxEntries() || bytes > max) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    private void remove(String key) {
        Page p = pages.remove(key);
        if (p != null) {
            bytes -= p.size();
        }
    }

    /** Anonymous pages rendered (and stored) since start; with {@link #hits()} for tests and diagnosis. */
    public long renders() {
        return renders.get();
    }

    public long hits() {
        return hits.get();
    }

    public synchronized int size() {
        return pages.size();
    }

    /** Approximate heap held by the bodies (UTF-16 worst case). */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized void clear() {
        pages.clear();
        bytes = 0;
    }
}
