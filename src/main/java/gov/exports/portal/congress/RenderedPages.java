package gov.exports.portal.congress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.exports.portal.web.PortalConfig;

/**
 * Rendered public tracker pages (bill list, bill pages, member pages, feeds) for anonymous visitors, per instance. An
 * entry is only served for the tracker version it was rendered at: every request first learns the tracker's current
 * version (the ETag needs it anyway), as PostgreSQL announced it ({@link TrackerVersionListener}) or else read from the
 * database, so a change committed through any instance, an import or plain SQL makes every instance's entries unusable
 * as soon as it is announced; they are replaced on the next request. Bounded by entry count and
 * by the bytes held (least recently used first out), so a crawler walking every filter combination cannot grow it.
 * Signed-in viewers never use it (their pages show their name and editor links).
 */
@ApplicationScoped
public class RenderedPages {

    /**
     * One rendered answer and the tracker version it shows, kept as the bytes sent: UTF-8 for clients that accept no
     * compression, and gzipped once here for those that do (instead of by the HTTP layer on every request).
     */
    record Page(long version, byte[] plain, byte[] gzipped) {

        static Page of(long version, String body) {
            byte[] plain = body.getBytes(StandardCharsets.UTF_8);
            return new Page(version, plain, gzip(plain));
        }

        long size() {
            return 64L + plain.length + gzipped.length;
        }

        /** The body as a string (tests and diagnosis). */
        String body() {
            return new String(plain, StandardCharsets.UTF_8);
        }
    }

    /** Same level as the HTTP layer's compression (quarkus.http.compression-level=6). */
    static final int GZIP_LEVEL = 6;

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(GZIP_LEVEL);
            }
        }) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
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

    /** Heap held by the kept bodies (plain and gzipped bytes). */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized void clear() {
        pages.clear();
        bytes = 0;
    }
}
