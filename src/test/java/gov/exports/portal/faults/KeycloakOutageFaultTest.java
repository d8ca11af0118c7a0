package gov.exports.portal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Keycloak goes down while the portal runs and people are signed in (a proxy in front of the shared Keycloak is stopped),
 * then comes back. During the outage: public pages serve; anonymous visitors of signed-in pages get the "sign-in is
 * temporarily unavailable" page instead of a redirect to a dead login page; signed-in vendors and officers whose tokens are
 * still valid keep using their pages, forms included (their tokens are checked locally, Keycloak is not needed); once their
 * tokens have expired and must be refreshed, they get that page too, never a trace, a bare 401 or a redirect. Afterwards
 * the portal recovers by itself and the same browsers sign in again.
 */
@QuarkusTest
@TestProfile(KeycloakOutageFaultTest.Profile.class)
@QuarkusTestResource(value = KeycloakBehindProxy.class, restrictToAnnotatedClass = true)
@Tag("faults")
class KeycloakOutageFaultTest {

    public static class Profile implements QuarkusTestProfile {
    }

    static final Pattern APPLICATION = Pattern.compile("/applications/(\\d+)$");

    @Test
    void validSessionsKeepWorkingExpiredOnesGetAClearMessageAndThePortalRecovers() throws Exception {
        long tokenLifespan = realmAccessTokenLifespanSeconds();
        PortalSession vendor = PortalSession.fresh("nvidia-vendor");
        PortalSession officer = PortalSession.fresh("officer");
        long signedInBy = System.nanoTime();
        assertEquals(200, vendor.get("/vendor").statusCode(), "signed in through the proxy");
        assertEquals(200, officer.get("/review").statusCode(), "signed in through the proxy");
        assertEquals(302, RestAssured.given().redirects().follow(false).get("/vendor").statusCode(), "sign-in redirect while Keycloak answers");

        KeycloakBehindProxy.proxy.stop();
        try {
            // the sign-in probe runs every 2 s here; two failures mark Keycloak down
            Response anonymous = null;
            for (int i = 0; i < 30; i++) {
                anonymous = RestAssured.given().redirects().follow(false).get("/vendor");
                if (anonymous.statusCode() == 503) {
                    break;
                }
                Thread.sleep(1_000);
            }
            KeycloakDownFaultTest.assertSignInUnavailablePage(anonymous, "/vendor (anonymous)");
            assertEquals(200, RestAssured.given().get("/bills").statusCode(), "public pages keep serving");

            // tokens still valid: every signed-in page works, a form post included
            for (String path : new String[] {"/vendor", "/licences", "/notifications"}) {
                assertSignedInPage(vendor.get(path), "vendor " + path, "NVIDIA Corporation");
            }
            HttpResponse<String> created = vendor.postForm("/applications");
            assertEquals(303, created.statusCode(), "POST /applications during the outage: " + created.body());
            String location = created.headers().firstValue("Location").orElse("");
            Matcher id = APPLICATION.matcher(location);
            assertTrue(id.find(), "redirect to the new draft: " + location);
            assertSignedInPage(vendor.get("/applications/" + id.group(1)), "the new draft", "NVIDIA Corporation");
            for (String path : new String[] {"/review", "/officer", "/screening"}) {
                assertSignedInPage(officer.get(path), "officer " + path, "Sign out");
            }
            long validFor = tokenLifespan - (System.nanoTime() - signedInBy) / 1_000_000_000L;
            assertTrue(validFor > 0, "all of the above ran while the tokens were valid (" + validFor + " s left)");
            System.out.println("Keycloak outage: signed-in vendor and officer pages and a form post served with tokens valid for "
                    + validFor + " s more");

            // tokens expired: a refresh is needed and Keycloak does not answer
            Thread.sleep((validFor + 5) * 1_000L);
            KeycloakDownFaultTest.assertSignInUnavailablePage(vendor.given().get("/vendor"), "/vendor (signed in, tokens expired)");
            HttpResponse<String> officerPage = officer.get("/review");
            assertEquals(503, officerPage.statusCode(), "officer with expired tokens: " + officerPage.body());
            assertTrue(officerPage.body().contains("Sign-in is temporarily unavailable"), officerPage.body());
            assertTrue(officerPage.headers().firstValue("Location").isEmpty(), "no redirect to the dead sign-in page");
            assertFalse(KeycloakDownFaultTest.TRACE.matcher(officerPage.body()).find(), officerPage.body());
        } finally {
            KeycloakBehindProxy.proxy.start();
        }
        Response back = null;
        for (int i = 0; i < 30; i++) {
            back = RestAssured.given().redirects().follow(false).get("/vendor");
            if (back.statusCode() == 302) {
                break;
            }
            Thread.sleep(1_000);
        }
        assertEquals(302, back.statusCode(), "sign-in works again by itself");
        assertSignedInPage(vendor.signInAgain("/vendor"), "the vendor signs in again in the same browser", "NVIDIA Corporation");
        assertSignedInPage(officer.signInAgain("/review"), "the officer signs in again in the same browser", "Sign out");
        assertEquals(200, PortalSession.fresh("nvidia-vendor").get("/vendor").statusCode(), "a new sign-in works");
    }

    private static void assertSignedInPage(HttpResponse<String> r, String what, String expected) {
        String body = r.body();
        assertEquals(200, r.statusCode(), what + ": HTTP " + r.statusCode() + " " + r.headers().firstValue("Location").orElse("") + " " + body);
        assertTrue(body.contains("who-name"), what + ": the signed-in header");
        assertTrue(body.contains(expected), what + ": expected '" + expected + "'");
        assertFalse(KeycloakDownFaultTest.TRACE.matcher(body).find(), what + ": " + body);
    }

    /** The lifespan the realm gives access tokens (Keycloak's ID tokens share it). */
    private static long realmAccessTokenLifespanSeconds() throws java.io.IOException {
        String realm = Files.readString(Path.of("src/main/keycloak/export-portal-realm.json"));
        Matcher m = Pattern.compile("\"accessTokenLifespan\"\\s*:\\s*(\\d+)").matcher(realm);
        assertTrue(m.find(), "accessTokenLifespan in the realm file");
        return Long.parseLong(m.group(1));
    }
}
