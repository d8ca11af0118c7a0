package gov.exports.portal.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Posting the case forms as a signed-in official would. */
final class ReviewTestSupport {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    private ReviewTestSupport() {
    }

    static String casePage(PortalSession s, long id) {
        Response r = s.given().get("/review/cases/" + id);
        assertTrue(r.statusCode() == 200, "case page for " + s.username() + ": HTTP " + r.statusCode());
        return r.asString();
    }

    /**
     * The version the case forms carry right now; when the page offers this official no form (e.g. a case assigned to
     * someone else), the current version as stored, as a hand-crafted post would carry it.
     */
    static String version(PortalSession s, long id) {
        Matcher m = VERSION.matcher(casePage(s, id));
        if (m.find()) {
            return m.group(1);
        }
        return String.valueOf(QuarkusTransaction.requiringNew().call(() -> {
            ReviewCase c = ReviewCase.findById(id);
            return c == null ? 0 : c.version;
        }));
    }

    static RequestSpecification form(PortalSession s) {
        return s.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken());
    }

    static Response post(PortalSession s, String path, Object... params) {
        RequestSpecification r = form(s);
        for (int i = 0; i < params.length; i += 2) {
            r = r.formParam((String) params[i], params[i + 1]);
        }
        return r.post(path);
    }
}
