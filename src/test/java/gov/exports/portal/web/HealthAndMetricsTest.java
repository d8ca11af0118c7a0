package gov.exports.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndMetricsTest {

    static final Pattern URI_TAG = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * Requests refused before a route template is known (CSRF, sign-in, unknown ids) must not each add a URI tag: every
     * tag is a time series in Prometheus, and past the cap (quarkus.micrometer.binder.http-server.max-uri-tags) Micrometer
     * stops recording new routes. Tags are route templates only, so there are never more than the routes (plus a few).
     */
    @Test
    void refusedRequestsWithIdsDoNotMultiplyUriTags() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        for (int id = 900_000; id < 900_060; id++) {
            vendor.given().contentType("application/x-www-form-urlencoded").formParam("version", "0")
                    .post("/applications/" + id + "/submit"); // no CSRF token: 400
            given().redirects().follow(false).get("/applications/" + id); // anonymous: sign-in
            given().auth().oauth2("not-a-token").get("/api/me/" + id); // refused bearer token
            given().get("/no-such-page/" + id);
        }
        Set<String> uris = new TreeSet<>();
        Matcher m = URI_TAG.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertTrue(uris.stream().noneMatch(u -> u.contains("9000")), "a URI tag per id: " + uris);
        long routes = java.util.stream.Stream.of("aftercare", "applications", "congress", "foundation", "review", "screening").flatMap(f -> {
                    try (var in = HealthAndMetricsTest.class.getResourceAsStream("/authz/" + f + ".tsv")) {
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList().stream();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).filter(l -> l.startsWith("GET") || l.startsWith("POST")).map(l -> l.split("\\s+")[1]).distinct().count();
        assertTrue(uris.size() <= routes + 20, uris.size() + " URI tags for " + routes + " routes: " + uris);
        assertTrue(uris.size() < 400, "below the configured cap, so every route is still measured");
    }
}
