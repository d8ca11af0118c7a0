package gov.exports.portal.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Keycloak down (the shared Keycloak is never stopped: this portal is configured against a dead address). Public pages
 * keep serving; a page that needs a sign-in and the API answer with a clear message, never a stack trace.
 */
@QuarkusTest
@TestProfile(DeadKeycloakProfile.class)
@Tag("faults")
class KeycloakDownFaultTest {

    static final Pattern TRACE = Pattern.compile("(?i)(\\bat [a-z]+\\.[a-z]+\\.|Exception|ConnectException|vertx)");

    @Test
    void publicPagesServeAndProtectedOnesExplainWithoutATrace() {
        for (String path : new String[] {"/", "/bills", "/bills/119/s/3374", "/accessibility"}) {
            Response r = RestAssured.given().redirects().follow(false).get(path);
            assertTrue(r.statusCode() == 200, path + ": HTTP " + r.statusCode());
        }
        for (String path : new String[] {"/vendor", "/login", "/review"}) {
            Response r = RestAssured.given().redirects().follow(false).get(path);
            String body = r.asString();
            assertFalse(TRACE.matcher(body).find(), path + " shows a trace: " + body);
            // not a redirect to a sign-in page that cannot load. KNOWN GAP: the HTTP security layer answers a bare
            // "401 Not Authenticated" before any portal code runs; a 503 page would be clearer (see the issue 9 report)
            assertTrue(r.statusCode() == 503 || r.statusCode() == 401, path + ": HTTP " + r.statusCode() + " " + r.header("Location") + " " + body);
            assertTrue(r.header("Location") == null, "no redirect to the dead sign-in service");
        }
        Response api = RestAssured.given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.x").get("/api/me");
        assertTrue(api.statusCode() == 503, "API: HTTP " + api.statusCode());
        assertTrue(api.asString().contains("sign-in service is temporarily unavailable"), api.asString());
        assertFalse(TRACE.matcher(api.asString()).find(), api.asString());
    }
}
