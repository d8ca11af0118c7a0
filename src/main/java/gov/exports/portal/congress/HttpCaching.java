package gov.exports.portal.congress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.account.CurrentUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Conditional GET for the public tracker pages. The validator comes from the database, not from the instance: the ETag
 * is derived from the tracker version (table tracker_version, raised by triggers on every committed change to bills,
 * members and committees), the page variant and the viewer, so every instance behind the load balancer gives the same
 * ETag for the same data, and an edit or import through any instance changes it. Revalidation costs at most one query
 * and no rendering. Anonymous pages are also kept rendered per instance ({@link RenderedPages}), for the version they show
 * only, so a full answer to an anonymous visitor costs no query at all while the tracker does not change (the version is
 * announced by PostgreSQL: {@link TrackerVersionListener}); the kept page is also gzipped once, and sent as it is to
 * clients that accept gzip.
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
    static Response conditional(Request request, HttpServerRequest http, CurrentUser user, RenderedPages pages,
            BillQueries.Freshness freshness, String variant, String mediaType, Supplier<Object> body) {
        Date lm = Date.from(freshness.changedAt().truncatedTo(ChronoUnit.SECONDS));
        String who = user.isAuthenticated() ? user.subject() + "|" + user.rolesText() : "anonymous";
        EntityTag etag = new EntityTag(hash(variant + "|v" + freshness.version() + "|" + who), true);
        String cc = user.isAuthenticated() ? PRIVATE : PUBLIC;
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lm, etag);
        if (notModified != null) {
            return validators(notModified, etag, lm, cc);
        }
        RenderedPages.Page kept = user.isAuthenticated() ? null : pages.get(variant, freshness.version());
        if (kept == null) {
            // loaded and rendered in one transaction, so lazy associations can still load; a kept page needs none
            Object entity = QuarkusTx.read(() -> {
                Object e = body.get();
                return e instanceof io.quarkus.qute.TemplateInstance t ? t.render() : e;
            });
            if (user.isAuthenticated() || !(entity instanceof String s)) {
                // a signed-in viewer's page: compressed by the HTTP layer, per request, for clients that accept it
                return validators(Response.ok(entity, mediaType), etag, lm, cc);
            }
            kept = RenderedPages.Page.of(freshness.version(), s);
            pages.put(variant, kept);
        }
        // an anonymous page was gzipped once when it was rendered. Over HTTP/1.1 the HTTP layer sends an answer whose
        // Content-Encoding is already set as it is; set on the Vert.x response (replacing the "identity" placed there for
        // every request), not added through JAX-RS, which would leave "identity" first and have the HTTP layer drop both
        // and compress again. Over HTTP/2 (h2c) the HTTP layer takes Content-Encoding as the coding to apply, so there the
        // plain page goes out and is compressed per request. Both forms carry the same (weak) ETag.
        Response.ResponseBuilder ok;
        if (http.version() != io.vertx.core.http.HttpVersion.HTTP_2 && acceptsGzip(http.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            http.response().headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
            ok = Response.ok(kept.gzipped(), mediaType);
        } else {
            ok = Response.ok(kept.plain(), mediaType);
        }
        return validators(ok, etag, lm, cc);
    }

    /** What every answer of a tracker page carries, 304 or 200: its validators and who may keep it. */
    private static Response validators(Response.ResponseBuilder answer, EntityTag etag, Date lastModified, String cacheControl) {
        return answer.tag(etag).lastModified(lastModified).header("Cache-Control", cacheControl).header("Vary", "Cookie, Accept-Encoding")
                .build();
    }

    /**
     * Whether an Accept-Encoding header admits gzip (RFC 9110 section 12.5.3): listed as gzip or x-gzip, or covered by
     * "*", with a quality above zero. No header: no compression (as the HTTP layer does).
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.split(";");
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].strip();
                if (param.length() > 2 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q') && param.charAt(1) == '=') {
                    try {
                        q = Double.parseDouble(param.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0; // unreadable weight: do not assume the client copes
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? q : Math.max(gzip, q);
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        double q = gzip != null ? gzip : any != null ? any : 0;
        return q > 0;
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
