package gov.exports.portal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Keycloak down from the start (the shared Keycloak is never stopped: this portal is configured against a dead address).
 * Public pages keep serving; a page that needs a sign-in says that sign-in is temporarily unavailable (503, with a
 * request id), the API answers JSON, never a stack trace nor a redirect to a sign-in page that cannot load.
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
        for (String path : new String[] {"/vendor", "/login", "/review", "/applications/1"}) {
            assertSignInUnavailablePage(RestAssured.given().redirects().follow(false).get(path), path);
        }
        Response api = RestAssured.given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.x").get("/api/me");
        assertEquals(503, api.statusCode(), "API with a token that cannot be checked: " + api.asString());
        assertTrue(api.asString().contains("Sign-in is temporarily unavailable"), api.asString());
        assertFalse(TRACE.matcher(api.asString()).find(), api.asString());
        Response anonymousApi = RestAssured.given().get("/api/me");
        assertEquals(401, anonymousApi.statusCode(), "API without a token: " + anonymousApi.asString());
        assertEquals("application/json", anonymousApi.contentType().split(";")[0]);
        assertFalse(TRACE.matcher(anonymousApi.asString()).find(), anonymousApi.asString());
    }

    static void assertSignInUnavailablePage(Response r, String path) {
        String body = r.asString();
        assertEquals(503, r.statusCode(), path + ": HTTP " + r.statusCode() + " " + r.header("Location") + " " + body);
        assertNull(r.header("Location"), path + ": no redirect to the dead sign-in service");
        assertTrue(body.contains("Sign-in is temporarily unavailable") && body.contains("Public pages"), path + ": " + body);
        String requestId = r.header("X-Request-Id");
        assertTrue(requestId != null && body.contains(requestId), path + ": the page quotes the request id " + requestId);
        assertTrue(r.contentType().startsWith("text/html"), path + ": " + r.contentType());
        assertFalse(TRACE.matcher(body).find(), path + " shows a trace: " + body);
    }
}
