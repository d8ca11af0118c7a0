package gov.exports.portal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Keycloak goes down while the portal runs and people are signed in (a proxy in front of the shared Keycloak is stopped),
 * then comes back. During the outage: public pages serve; anonymous visitors of signed-in pages get the "sign-in is
 * temporarily unavailable" page instead of a redirect to a dead login page; a signed-in user whose token must be
 * refreshed gets that page too (or their page, while their token is still good), never a trace, a bare 401 or a redirect.
 * Afterwards the portal recovers by itself.
 */
@QuarkusTest
@TestProfile(KeycloakOutageFaultTest.Profile.class)
@QuarkusTestResource(value = KeycloakBehindProxy.class, restrictToAnnotatedClass = true)
@Tag("faults")
class KeycloakOutageFaultTest {

    public static class Profile implements QuarkusTestProfile {
    }

    @Test
    void signedInAndAnonymousUsersGetAClearMessageAndThePortalRecovers() throws Exception {
        PortalSession vendor = PortalSession.fresh("nvidia-vendor");
        assertEquals(200, vendor.get("/vendor").statusCode(), "signed in through the proxy");
        assertEquals(302, RestAssured.given().redirects().follow(false).get("/vendor").statusCode(), "sign-in redirect while Keycloak answers");

        KeycloakBehindProxy.proxy.stop();
        Thread.sleep(8_000); // the sign-in probe runs every 2 s here (two failures mark it down); the token is now due for refresh (295 s skew)
        try {
            assertEquals(200, RestAssured.given().get("/bills").statusCode(), "public pages keep serving");
            KeycloakDownFaultTest.assertSignInUnavailablePage(RestAssured.given().redirects().follow(false).get("/vendor"), "/vendor (anonymous)");
            Response signedIn = vendor.given().get("/vendor");
            String body = signedIn.asString();
            assertTrue(signedIn.statusCode() == 200 || signedIn.statusCode() == 503,
                    "signed-in page during the outage: HTTP " + signedIn.statusCode() + " " + signedIn.header("Location") + " " + body);
            if (signedIn.statusCode() == 503) {
                KeycloakDownFaultTest.assertSignInUnavailablePage(signedIn, "/vendor (signed in, token due for refresh)");
            } else {
                assertTrue(body.contains("Sign out") || body.contains("sign out") || body.contains("Applications"), "the vendor's own page");
            }
            assertFalse(KeycloakDownFaultTest.TRACE.matcher(body).find(), body);
            System.out.println("Keycloak outage: a signed-in vendor whose token was due for refresh got HTTP " + signedIn.statusCode());
        } finally {
            KeycloakBehindProxy.proxy.start();
        }
        Thread.sleep(5_000);
        assertEquals(302, RestAssured.given().redirects().follow(false).get("/vendor").statusCode(), "sign-in works again by itself");
        assertEquals(200, PortalSession.fresh("nvidia-vendor").get("/vendor").statusCode(), "a new sign-in works");
    }
}
