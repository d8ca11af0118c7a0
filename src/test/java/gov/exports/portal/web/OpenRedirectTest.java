package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * No parameter sends a user to another site: the page restored after signing in, redirect and logout
 * addresses handed to Keycloak, and the Host / X-Forwarded-Host headers that absolute redirects are built from.
 */
@QuarkusTest
class OpenRedirectTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final String EVIL = "evil.example";

    @Test
    void thePageRestoredAfterSignInIsAlwaysOnThePortal() throws Exception {
        List<String> crafted = List.of("//evil.example/", "//evil.example/vendor", "/%2F%2Fevil.example/", "/%5Cevil.example/",
                "/vendor?next=https://evil.example/", "/login?redirect_uri=https://evil.example/&returnTo=https://evil.example/",
                "/vendor/..//evil.example");
        List<String> failures = new ArrayList<>();
        for (String path : crafted) {
            List<URI> hops = signInStartingAt(path, "amd-vendor");
            for (URI hop : hops) {
                if (hop.getHost() == null || !hop.getHost().equals("127.0.0.1") || String.valueOf(hop).contains(EVIL + "/") && hop.getPath()
                        .startsWith("//")) {
                    failures.add(path + " → " + hop);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail("Sign-in led off the portal:\n  " + String.join("\n  ", failures));
        }
    }

    @Test
    void keycloakRefusesForeignRedirectAndLogoutAddressesForThePortalClient() {
        String kc = PortalSession.keycloakUrl() + "/realms/export-portal/protocol/openid-connect";
        for (String target : List.of("https://evil.example/", "http://127.0.0.1:8080@evil.example/", "http://evil.example/127.0.0.1:80",
                "http://127.0.0.1.evil.example/")) {
            Response auth = RestAssured.given().redirects().follow(false).queryParam("client_id", "portal").queryParam("response_type", "code")
                    .queryParam("scope", "openid").queryParam("redirect_uri", target).get(kc + "/auth");
            assertFalse(String.valueOf(auth.header("Location")).contains(EVIL), target + " → " + auth.header("Location"));
            assertEquals(400, auth.statusCode(), "Keycloak refuses redirect_uri " + target);
            Response logout = RestAssured.given().redirects().follow(false).queryParam("client_id", "portal")
                    .queryParam("post_logout_redirect_uri", target).get(kc + "/logout");
            assertFalse(String.valueOf(logout.header("Location")).contains(EVIL), target + " → " + logout.header("Location"));
        }
    }

    @Test
    void aForgedHostHeaderDoesNotPointRedirectsElsewhere() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        List<String> failures = new ArrayList<>();
        for (String header : List.of("Host", "X-Forwarded-Host", "Forwarded")) {
            String value = header.equals("Forwarded") ? "host=" + EVIL : EVIL;
            Response signedIn = vendor.given().header(header, value).get("/login");
            check("/login signed in, " + header, signedIn, failures);
            Response anonymous = RestAssured.given().redirects().follow(false).header(header, value).get("/vendor");
            check("/vendor anonymous, " + header, anonymous, failures);
            Response post = vendor.given().header(header, value).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", vendor.csrfToken()).post("/notifications/read");
            check("POST /notifications/read, " + header, post, failures);
        }
        if (!failures.isEmpty()) {
            fail("Redirects built from a forged header:\n  " + String.join("\n  ", failures));
        }
    }

    private static void check(String what, Response r, List<String> failures) {
        String location = r.header("Location");
        if (location == null) {
            return;
        }
        if (location.startsWith("//")) {
            failures.add(what + ": scheme-relative Location " + location);
        }
        URI u = URI.create(location);
        String host = u.getHost();
        if (host != null && host.contains(EVIL)) {
            failures.add(what + ": Location " + location);
        }
        // the Keycloak redirect carries the portal's own callback; a forged one must not be the portal's callback
        String decoded = java.net.URLDecoder.decode(location, StandardCharsets.UTF_8);
        if (host != null && !host.contains(EVIL) && decoded.contains("redirect_uri=http://" + EVIL)) {
            // Quarkus OIDC builds its callback from the request's host; Keycloak is the guard: it refuses the address
            Response kc = RestAssured.given().redirects().follow(false).get(location);
            if (kc.statusCode() != 400) {
                failures.add(what + ": Keycloak accepted a callback built from a forged header: HTTP " + kc.statusCode());
            }
        }
    }

    /** Follows an anonymous visit to {@code path} through Keycloak's login and back, returning every address visited. */
    private static List<URI> signInStartingAt(String path, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        List<URI> hops = new ArrayList<>();
        HttpResponse<String> r = send(http, cookies, HttpRequest.newBuilder(URI.create(PortalSession.baseUrl() + path)).GET());
        r = follow(http, cookies, r, hops);
        Matcher m = FORM_ACTION.matcher(r.body());
        if (!m.find()) {
            return hops; // the portal answered without sending to login (e.g. 404): nothing to restore
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&credentialId=";
        r = send(http, cookies, HttpRequest.newBuilder(URI.create(m.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        follow(http, cookies, r, hops);
        assertTrue(!hops.isEmpty());
        return hops;
    }

    private static HttpResponse<String> follow(HttpClient http, Map<String, String> cookies, HttpResponse<String> r, List<URI> hops)
            throws Exception {
        int n = 0;
        while (r.statusCode() / 100 == 3 && n++ < 10) {
            URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            hops.add(next);
            if (next.getHost() == null || !next.getHost().equals("127.0.0.1")) {
                return r; // never follow off-site
            }
            r = send(http, cookies, HttpRequest.newBuilder(next).GET());
        }
        return r;
    }

    private static HttpResponse<String> send(HttpClient http, Map<String, String> cookies, HttpRequest.Builder b)
            throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            StringBuilder c = new StringBuilder();
            cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", c.toString());
        }
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        for (String sc : r.headers().allValues("Set-Cookie")) {
            String pair = sc.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return r;
    }
}
