package gov.exports.portal.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * A signed-in browser session obtained the way a person gets one: the portal redirects to Keycloak's real
 * login page, the form is filled in and posted, Keycloak redirects back with a code, and the portal sets
 * its session cookie. Cookies are kept by name (Keycloak and the portal share 127.0.0.1), ignoring the
 * Secure flag as browsers do for loopback addresses.
 */
public final class PortalSession {

    public static final String PASSWORD = "demo";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Map<String, PortalSession> CACHE = new ConcurrentHashMap<>();

    private final String username;
    /** The portal instance this session talks to; null: the portal under test. */
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> setCookieHeaders = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private PortalSession(String username) {
        this(username, null);
    }

    private PortalSession(String username, String base) {
        this.username = username;
        this.base = base;
    }

    /** A fresh session signed in through the portal instance at baseUrl (for tests against several instances). */
    public static PortalSession at(String baseUrl, String username) {
        PortalSession s = new PortalSession(username, baseUrl);
        s.signIn();
        return s;
    }

    /** The same cookies sent to another portal instance, as a load balancer without sticky sessions would. */
    public PortalSession via(String otherBaseUrl) {
        PortalSession s = new PortalSession(username, otherBaseUrl);
        s.cookies.putAll(cookies);
        return s;
    }

    private String base() {
        return base != null ? base : baseUrl();
    }

    /** A cached signed-in session for a demo user (password "demo"). */
    public static PortalSession of(String username) {
        return CACHE.computeIfAbsent(username, u -> {
            PortalSession s = new PortalSession(u);
            s.signIn();
            return s;
        });
    }

    /** A fresh session, not cached (for tests that sign out). */
    public static PortalSession fresh(String username) {
        PortalSession s = new PortalSession(username);
        s.signIn();
        return s;
    }

    /** A visitor who has not signed in (cookies kept, e.g. the CSRF cookie). */
    public static PortalSession anonymous() {
        return new PortalSession("anonymous");
    }

    /** The portal under test; {@code -Dportal.base-url} points at a separately started portal (soak, kill -9 tests). */
    public static String baseUrl() {
        String override = System.getProperty("portal.base-url");
        if (override != null) {
            return override;
        }
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        return "http://127.0.0.1:" + port;
    }

    public static String keycloakUrl() {
        String override = System.getProperty("portal.keycloak.url");
        return override != null ? override
                : ConfigProvider.getConfig().getOptionalValue("portal.keycloak.url", String.class).orElse("http://127.0.0.1:8180");
    }

    public String username() {
        return username;
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** The last raw Set-Cookie header seen for each cookie name (to check its attributes). */
    public Map<String, String> setCookieHeaders() {
        return Map.copyOf(setCookieHeaders);
    }

    /** A REST Assured request carrying this session's cookies, not following redirects. */
    public RequestSpecification given() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    /** The CSRF token (double-submit cookie) of this session, fetched from a page with a form if needed. */
    public String csrfToken() {
        if (!cookies.containsKey("csrf-token")) {
            get("/");
        }
        return cookies.get("csrf-token");
    }

    /** GET a portal page within this session, keeping cookies; returns the body. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    /** POST a form (URL-encoded, in the given order) within this session, keeping cookies; redirects are not followed. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** POST a url-encoded form with this session's CSRF token, keeping cookies (thread-safe per session). */
    public HttpResponse<String> postForm(String path, Object... keyValues) {
        StringBuilder form = new StringBuilder("csrf-token=").append(enc(csrfToken()));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            for (Object one : v instanceof java.util.List<?> list ? list : java.util.List.of(v)) {
                form.append('&').append(enc((String) keyValues[i])).append('=').append(enc(String.valueOf(one)));
            }
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    /** POST multipart/form-data with this session's CSRF token; {@code files} maps field name to (file name, PDF bytes). */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----portal" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csrf-token", csrfToken());
        all.putAll(fields);
        all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        files.forEach((k, f) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /**
     * Opens {@code path} in this browser (its cookies as they are now) and signs in again as a person would: following the
     * redirect to Keycloak, filling in the login form if Keycloak shows one (it does not while its own session lasts), and
     * back. Returns the page finally shown.
     */
    public HttpResponse<String> signInAgain(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
        int hops = 0;
        while (r.statusCode() / 100 == 3 && hops++ < 10) {
            r = send(HttpRequest.newBuilder(location(r)).GET().build());
        }
        if (FORM_ACTION.matcher(r.body()).find()) {
            r = submitLoginForm(r);
        }
        return r;
    }

    private void signIn() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build());
        // Follow redirects to Keycloak's login page
        int hops = 0;
        while (r.statusCode() / 100 == 3 && hops++ < 10) {
            r = send(HttpRequest.newBuilder(location(r)).GET().build());
        }
        r = submitLoginForm(r);
        if (r.statusCode() != 200 || !cookies.keySet().stream().anyMatch(c -> c.startsWith("q_session"))) {
            throw new IllegalStateException("Sign-in as " + username + " failed: HTTP " + r.statusCode() + " at " + r.uri());
        }
    }

    private HttpResponse<String> submitLoginForm(HttpResponse<String> r) {
        int hops;
        Matcher m = FORM_ACTION.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("Keycloak login form not found for " + username + ": HTTP " + r.statusCode());
        }
        String action = m.group(1).replace("&amp;", "&");
        String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&credentialId=";
        r = send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        hops = 0;
        while (r.statusCode() / 100 == 3 && hops++ < 10) {
            r = send(HttpRequest.newBuilder(location(r)).GET().build());
        }
        return r;
    }

    /** Extracts the CSRF hidden field from an HTML page (the value the form tag rendered). */
    public static String csrfFieldIn(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private URI location(HttpResponse<String> r) {
        String loc = r.headers().firstValue("Location").orElseThrow();
        return r.uri().resolve(loc);
    }

    private synchronized HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).method(request.method(),
                request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().map().forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
        if (!cookies.isEmpty()) {
            StringBuilder c = new StringBuilder();
            cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", c.toString());
        }
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String sc : r.headers().allValues("Set-Cookie")) {
                String pair = sc.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                setCookieHeaders.put(name, sc);
                boolean expired = sc.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
