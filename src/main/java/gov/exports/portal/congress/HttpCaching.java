package gov.exports.portal.congress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.account.CurrentUser;

/**
 * Conditional GET for the public tracker pages: a validator (ETag and Last-Modified) from when the data last
 * changed, 304 Not Modified on revalidation without rendering anything. Anonymous responses may be cached by
 * shared caches for a minute; a signed-in user's pages (their name is in the header) stay private.
 */
final class HttpCaching {

    static final int PUBLIC_MAX_AGE = 60;

    private HttpCaching() {
    }

    static Response conditional(Request request, CurrentUser user, Instant lastChange, String variant, String mediaType,
            Supplier<Object> body) {
        Instant lm = lastChange.truncatedTo(ChronoUnit.SECONDS);
        String who = user.isAuthenticated() ? user.subject() + "|" + user.rolesText() : "anonymous";
        EntityTag etag = new EntityTag(hash(variant + "|" + lastChange.toEpochMilli() + "|" + who));
        CacheControl cc = new CacheControl();
        if (user.isAuthenticated()) {
            cc.setPrivate(true);
            cc.setNoCache(true);
        } else {
            cc.setMaxAge(PUBLIC_MAX_AGE);
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(Date.from(lm), etag);
        if (notModified != null) {
            return notModified.tag(etag).lastModified(Date.from(lm)).cacheControl(cc).header("Vary", "Cookie").build();
        }
        Object entity = body.get();
        // rendered here, inside the caller's transaction, so lazy associations can still load
        if (entity instanceof io.quarkus.qute.TemplateInstance t) {
            entity = t.render();
        }
        return Response.ok(entity, mediaType).tag(etag).lastModified(Date.from(lm)).cacheControl(cc).header("Vary", "Cookie")
                .build();
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
