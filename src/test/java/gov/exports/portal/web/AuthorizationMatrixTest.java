package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalRoutes;
import gov.exports.portal.support.PortalRoutes.Route;
import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.RouterCapture;
import gov.exports.portal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every route the application exposes — JAX-RS resource methods read from the CDI container that Quarkus
 * REST serves them from, plus the routes on Quarkus' HTTP router — is called as anonymous and as every role.
 * Expectations live in src/test/resources/authz/*.tsv; a route with none fails this test, so no new route
 * ships without a decision about who may use it.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Demo users and their effective realm roles (composites expanded as Keycloak does). */
    static final Map<String, Set<String>> USERS = new LinkedHashMap<>();
    static {
        USERS.put("nvidia-vendor", Set.of("vendor"));
        USERS.put("nvidia-admin", Set.of("vendor-admin", "vendor"));
        USERS.put("officer", Set.of("officer"));
        USERS.put("senior", Set.of("senior-officer", "officer"));
        USERS.put("editor", Set.of("tracker-editor"));
        USERS.put("admin", Set.of("admin"));
    }

    record Expectation(String anonymous, Set<String> allowedRoles, boolean anyRole) {
        boolean allows(Set<String> roles) {
            return anyRole || roles.stream().anyMatch(allowedRoles::contains);
        }
    }

    @Inject
    RouterCapture router;

    @Test
    void everyRouteHasAnExpectationAndBehavesAsDeclared() {
        Set<Route> routes = discoverRoutes();
        assertTrue(routes.size() > 10, "route discovery found too few routes: " + routes);
        Map<Route, Expectation> expectations = loadExpectations();

        List<String> missing = new ArrayList<>();
        for (Route r : routes) {
            if (!expectations.containsKey(r)) {
                missing.add(r.method() + " " + r.path());
            }
        }
        if (!missing.isEmpty()) {
            fail("Routes with no declared access expectation (add them to src/test/resources/authz/*.tsv):\n  "
                    + String.join("\n  ", missing));
        }
        List<String> stale = new ArrayList<>();
        for (Route r : expectations.keySet()) {
            if (!routes.contains(r)) {
                stale.add(r.method() + " " + r.path());
            }
        }
        if (!stale.isEmpty()) {
            fail("Expectations for routes that do not exist (remove or fix them):\n  " + String.join("\n  ", stale));
        }

        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            Expectation e = expectations.get(route);
            check(route, "anonymous", null, e, failures);
            for (var user : USERS.entrySet()) {
                check(route, user.getKey(), user.getValue(), e, failures);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " access-control violations:\n  " + String.join("\n  ", failures));
        }
    }

    /**
     * Every state-changing browser route refuses a form post without the CSRF token, even from a user who
     * may use it (a forged cross-site post carries the session cookie but cannot know the token).
     */
    @Test
    void everyStateChangingFormRouteRefusesAPostWithoutTheCsrfToken() {
        Map<Route, Expectation> expectations = loadExpectations();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Route route : discoverRoutes()) {
            if (route.method().equals("GET") || route.method().equals("HEAD") || route.path().startsWith("/api/")
                    || route.path().startsWith("/q/")) {
                continue;
            }
            Expectation e = expectations.get(route);
            String user = e == null ? null : USERS.entrySet().stream().filter(u -> e.allows(u.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (user == null) {
                continue; // nobody may post here at all: the matrix already checks the 403s
            }
            checked++;
            PortalSession s = PortalSession.of(user);
            s.csrfToken(); // the cookie half exists; only the form half is missing, as in a forged post
            int status = s.given().contentType("application/x-www-form-urlencoded").formParam("x", "1")
                    .request(route.method(), concrete(route.path())).statusCode();
            if (status != 400) {
                failures.add(route.method() + " " + route.path() + " as " + user + " without token: HTTP " + status);
            }
        }
        assertTrue(checked > 0, "no state-changing routes found");
        if (!failures.isEmpty()) {
            fail("State-changing routes that accept a post without the CSRF token:\n  " + String.join("\n  ", failures));
        }
    }

    private void check(Route route, String who, Set<String> roles, Expectation e, List<String> failures) {
        boolean api = route.path().startsWith("/api/");
        String path = concrete(route.path());
        RequestSpecification req;
        if (roles == null) {
            req = RestAssured.given().redirects().follow(false);
        } else if (api) {
            req = RestAssured.given().redirects().follow(false).auth().oauth2(Tokens.accessToken(who));
        } else {
            PortalSession s = PortalSession.of(who);
            req = s.given();
            if (!route.method().equals("GET") && !route.method().equals("HEAD")) {
                req = req.contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken());
            }
        }
        if (api && !route.method().equals("GET") && !route.method().equals("HEAD")) {
            req = req.contentType("application/json").body("{}");
        }
        Response resp = req.request(route.method(), path);
        int status = resp.statusCode();
        String location = resp.header("Location");
        boolean toLogin = (status == 302 || status == 303) && location != null
                && location.startsWith(PortalSession.keycloakUrl());
        String expected;
        boolean ok;
        if (roles == null) {
            expected = e.anonymous;
            ok = switch (e.anonymous) {
                case "public" -> status != 401 && status != 403 && !toLogin && status < 500;
                case "login" -> toLogin;
                case "401" -> status == 401;
                default -> throw new IllegalArgumentException("unknown anonymous outcome " + e.anonymous);
            };
        } else if (e.allows(roles)) {
            expected = "allowed";
            ok = status != 401 && status != 403 && !toLogin && status < 500;
        } else {
            expected = "403";
            ok = status == 403;
        }
        if (!ok) {
            failures.add(String.format("%-6s %-40s as %-14s expected %-8s got %d%s", route.method(), route.path(), who,
                    expected, status, location != null ? " → " + location : ""));
        }
    }

    /** Path parameters become "0": enough to reach the access check, never an existing record of another party. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "0");
    }

    Set<Route> discoverRoutes() {
        return PortalRoutes.discover(router);
    }

    static Map<Route, Expectation> loadExpectations() {
        Map<Route, Expectation> map = new TreeMap<>();
        try {
            URI dir = AuthorizationMatrixTest.class.getClassLoader().getResource("authz").toURI();
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                    int n = 0;
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        n++;
                        String t = line.strip();
                        if (t.isEmpty() || t.startsWith("#")) {
                            continue;
                        }
                        String[] cols = t.split("\\s+");
                        if (cols.length != 4) {
                            throw new IllegalStateException(f.getFileName() + ":" + n + ": expected METHOD PATH ANONYMOUS ROLES");
                        }
                        boolean any = cols[3].equals("*");
                        Set<String> roles = any || cols[3].equals("-") ? Set.of() : Set.copyOf(Arrays.asList(cols[3].split(",")));
                        Route r = new Route(cols[0], cols[1]);
                        if (map.put(r, new Expectation(cols[2], roles, any)) != null) {
                            throw new IllegalStateException(f.getFileName() + ":" + n + ": duplicate expectation for " + r);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return map;
    }
}
