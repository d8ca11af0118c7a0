package gov.exports.portal.licence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * Public licence verification for customs officers and consignees: a licence number and the licensee's name give
 * validity and status only, never quantities, values, consignees or contacts. A GET form: bookmarkable, no session.
 */
@Path("/verify")
@PermitAll
public class VerifyResource {

    /** What the public may learn about a licence. */
    public record Verdict(String number, String licensee, String status, LocalDate validFrom, LocalDate validTo, boolean validToday) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(String number, String vendor, Verdict verdict, boolean searched, String error);

        static native TemplateInstance tooMany(int retryAfter);
    }

    @Inject
    VerificationLimiter limiter;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@QueryParam("number") String rawNumber, @QueryParam("vendor") String rawVendor, @Context HttpServerRequest request) {
        String number = Forms.text(rawNumber);
        String vendor = Forms.text(rawVendor);
        if (number == null && vendor == null) {
            return page(Templates.verify(null, null, null, false, null), 200);
        }
        if (number == null || vendor == null) {
            return page(Templates.verify(number, vendor, null, false,
                    number == null ? "Enter the licence number, like CHX-2026-000123" : "Enter the licensee's name as printed on the licence"), 400);
        }
        if (!limiter.tryAcquire(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress())) {
            return Response.status(429).header("Retry-After", limiter.retryAfterSeconds())
                    .entity(Templates.tooMany(limiter.retryAfterSeconds()).data("navSection", "verify")).type(MediaType.TEXT_HTML).build();
        }
        String normalisedNumber = number.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        Licence l = normalisedNumber.matches("CHX-[0-9]{4}-[0-9]{6}") ? Licence.find("number", normalisedNumber).firstResult() : null;
        Verdict verdict = null;
        if (l != null && sameName(l.organisation.legalName, vendor)) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            boolean valid = l.status == LicenceStatus.ACTIVE && !today.isBefore(l.validFrom) && !today.isAfter(l.validTo);
            verdict = new Verdict(l.number, l.organisation.legalName, l.status.name(), l.validFrom, l.validTo, valid);
        }
        return page(Templates.verify(number, vendor, verdict, true, null), 200);
    }

    private static Response page(TemplateInstance t, int status) {
        return Response.status(status).entity(t.data("navSection", "verify")).type(MediaType.TEXT_HTML)
                .header("Cache-Control", "no-store").build();
    }

    /** The legal name, or its leading words (e.g. "NVIDIA" for "NVIDIA Corporation"), ignoring case and punctuation. */
    static boolean sameName(String legalName, String entered) {
        String legal = normalise(legalName);
        String given = normalise(entered);
        return given.length() >= 3 && (legal.equals(given) || legal.startsWith(given + " "));
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
