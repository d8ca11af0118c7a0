package gov.exports.portal.congress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.account.CurrentUser;

/**
 * Conditional GET for the public tracker pages. The validator comes from the database, not from the instance: the ETag
 * is derived from the tracker version (table tracker_version, raised by triggers on every committed change to bills,
 * members and committees), the page variant and the viewer, so every instance behind the load balancer gives the same
 * ETag for the same data, and an edit or import through any instance changes it. Revalidation costs one query and no
 * rendering. Anonymous pages are also kept rendered per instance ({@link RenderedPages}), for the version they show only,
 * so a full answer to an anonymous visitor costs the same one query while the tracker does not change.
 * <p>
 * Anonymous answers are {@code public, max-age=0, must-revalidate}: browsers and shared caches may keep them but must
 * ask again before each use, so nobody is shown a bill older than the last commit. A signed-in viewer's pages (their
 * name is in the header) are {@code private, no-cache}. ETags are weak because HTTP compression changes the bytes, and
 * shared caches are told the answer varies with the cookie and the accepted encoding.
 */
final class HttpCaching {

    static final String PUBLIC = "public, max-age=0, must-revalidate";
    static final String PRIVATE = "private, no-cache";

    private HttpCaching() {
    }

    /**
     * @param variant which page (and query) this is, everything the anonymous page depends on besides the tracker data:
     *        part of the ETag and the key of the rendered page
     * @param body renders the page; not called for a 304 or when the rendered page for this version is kept
     */
    static Response conditional(Request request, CurrentUser user, RenderedPages pages, BillQueries.Freshness freshness, String variant,
            String mediaType, Supplier<Object> body) {
        Date lm = Date.from(freshness.changedAt().truncatedTo(ChronoUnit.SECONDS));
        String who = user.isAuthenticated() ? user.subject() + "|" + user.rolesText() : "anonymous";
        EntityTag etag = new EntityTag(hash(variant + "|v" + freshness.version() + "|" + who), true);
        String cc = user.isAuthenticated() ? PRIVATE : PUBLIC;
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lm, etag);
        if (notModified != null) {
            return notModified.tag(etag).lastModified(lm).header("Cache-Control", cc).header("Vary", "Cookie, Accept-Encoding").build();
        }
        RenderedPages.Page kept = user.isAuthenticated() ? null : pages.get(variant, freshness.version());
        Object entity;
        if (kept != null) {
            entity = kept.body();
        } else {
            // loaded and rendered in one transaction, so lazy associations can still load; a kept page needs none
            entity = QuarkusTx.read(() -> {
                Object e = body.get();
                return e instanceof io.quarkus.qute.TemplateInstance t ? t.render() : e;
            });
            if (!user.isAuthenticated() && entity instanceof String s) {
                pages.put(variant, new RenderedPages.Page(freshness.version(), s));
            }
        }
        return Response.ok(entity, mediaType).tag(etag).lastModified(lm).header("Cache-Control", cc).header("Vary", "Cookie, Accept-Encoding").build();
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
