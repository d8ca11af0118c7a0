package gov.exports.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SecurityBaselineTest {

    @Test
    void pagesCarrySecurityHeaders() {
        Response r = given().get("/");
        assertEquals(200, r.statusCode());
        String csp = r.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"));
        assertNotNull(r.header("X-Request-Id"));
        // the CSRF cookie is HttpOnly and SameSite
        String setCookie = r.header("Set-Cookie");
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        // sign in fresh and look at the portal's own Set-Cookie for the session
        PortalSession s = PortalSession.fresh("officer");
        var sessionCookies = s.setCookieHeaders().entrySet().stream().filter(e -> e.getKey().startsWith("q_session")).toList();
        assertFalse(sessionCookies.isEmpty(), "the portal set a session cookie");
        for (var c : sessionCookies) {
            String header = c.getValue().toLowerCase();
            assertTrue(header.contains("httponly"), c.getValue());
            assertTrue(header.contains("samesite=lax"), c.getValue());
            // Secure is forced in prod (quarkus.oidc.authentication.cookie-force-secure); tests run over plain HTTP
        }
        Response r = s.given().get("/officer");
        assertEquals(200, r.statusCode());
    }

    @Test
    void notFoundPageIsFriendlyAndShowsARequestId() {
        Response r = given().accept("text/html").get("/no/such/page");
        assertEquals(404, r.statusCode());
        String body = r.asString();
        assertTrue(body.contains("Page not found"), body);
        assertTrue(body.contains(r.header("X-Request-Id")), "request id shown on the page");
        assertFalse(body.contains("Exception"));
        assertFalse(body.contains("at io."));
    }

    @Test
    void forbiddenPageIsFriendly() {
        Response r = PortalSession.of("nvidia-vendor").given().get("/admin");
        assertEquals(403, r.statusCode());
        assertTrue(r.asString().contains("You do not have access to this page"));
    }

    /**
     * Error pages decided before the request reaches a worker thread (a role check, a path no route matches) keep the
     * signed-in header: the vendor's name, role and organisation (read from the database), and the way back to their pages.
     */
    @Test
    void errorPagesOfSignedInUsersShowTheirHeaderWithTheirOrganisation() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        for (String path : new String[] {"/admin", "/review", "/no/such/page"}) {
            Response r = vendor.given().accept("text/html").get(path);
            String body = r.asString();
            assertEquals(path.startsWith("/no/") ? 404 : 403, r.statusCode(), path + ": " + body);
            assertTrue(body.contains("class=\"who-name\"") && body.contains("Exporter · NVIDIA Corporation"),
                    path + ": the header names the vendor's organisation: " + body);
            assertTrue(body.contains("Go to your start page") && body.contains("href=\"/vendor\""), path + ": the way back");
            assertTrue(body.contains(r.header("X-Request-Id")), path + ": the request id on the page");
        }
        Response officer = PortalSession.of("officer").given().accept("text/html").get("/organisation");
        assertEquals(403, officer.statusCode());
        assertTrue(officer.asString().contains("Licensing officer") && !officer.asString().contains("NVIDIA"), officer.asString());
        Response anonymous = given().accept("text/html").get("/no/such/page");
        assertEquals(404, anonymous.statusCode());
        assertFalse(anonymous.asString().contains("who-name") || anonymous.asString().contains("Go to your start page"),
                "no signed-in header for a visitor");
    }

    @Test
    void serverErrorShowsNoInternalsAndItsRequestIdIsInTheLog() throws Exception {
        Response r = given().accept("text/html").get("/test-support/failure?fail=true");
        assertEquals(500, r.statusCode());
        String body = r.asString();
        String requestId = r.header("X-Request-Id");
        assertTrue(body.contains("Sorry, something went wrong on our side"), body);
        assertTrue(body.contains(requestId));
        assertFalse(body.contains("secret_table"), "no SQL on the page");
        assertFalse(body.contains("IllegalStateException"), "no class names on the page");
        assertFalse(body.contains("at gov."), "no stack trace on the page");
        Path log = Path.of("target/quarkus-test.log");
        String logged = "";
        for (int i = 0; i < 20 && !logged.contains(requestId); i++) {
            Thread.sleep(100);
            logged = Files.exists(log) ? Files.readString(log) : "";
        }
        assertTrue(logged.contains("req=" + requestId) && logged.contains("secret_table"),
                "the log has the details under the same request id");
    }

    @Test
    void apiErrorsAreJson() {
        given().get("/api/me").then().statusCode(401);
        given().auth().oauth2(gov.exports.portal.support.Tokens.accessToken("nvidia-vendor"))
                .get("/api/admin/audit/verification")
                .then().statusCode(403).contentType(startsWith("application/json"))
                .body(containsString("requestId")).body(not(containsString("Exception")));
    }

    @Test
    void csrfTokenIsRequiredForStateChangingForms() {
        PortalSession admin = PortalSession.of("admin");
        String page = admin.get("/admin/audit").body();
        String field = PortalSession.csrfFieldIn(page);
        assertNotNull(field, "the form tag renders the CSRF field");

        // no token at all
        admin.given().contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post("/admin/audit/verify").then().statusCode(400);
        // a token that does not match the cookie (as a forging site would send)
        admin.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .post("/admin/audit/verify").then().statusCode(400);
        // the genuine token from the page
        admin.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", field)
                .post("/admin/audit/verify").then().statusCode(200).body(containsString("The audit chain is intact"));
    }

    @Test
    void loginIsNotAnOpenRedirect() {
        // restore-path-after-redirect keeps the path only; an absolute URL in a parameter cannot take the user away
        Response r = given().redirects().follow(false).get("/login?redirect=https://evil.example/");
        assertEquals(302, r.statusCode());
        assertTrue(r.header("Location").startsWith(PortalSession.keycloakUrl()));
    }
}
