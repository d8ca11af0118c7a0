import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for the scenarios wrk cannot drive (issue 8 benchmarks), JDK only, run as a source file:
 *   java BenchClient.java login BASE USER           prints the portal's session cookies as a Cookie header value
 *   java BenchClient.java post BASE USER THREADS FILE   POSTs each line "path form-body" of FILE once (CSRF added),
 *                                                        THREADS at a time; prints latency percentiles and throughput
 * Sign-in is the real Keycloak authorization-code flow, as src/test/.../support/PortalSession does it.
 */
public class BenchClient {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    BenchClient(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        BenchClient c = new BenchClient(args[1]);
        c.signIn(args[2]);
        switch (args[0]) {
            case "login" -> System.out.println(c.portalCookies());
            case "post" -> c.postLoad(Integer.parseInt(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    String portalCookies() {
        StringBuilder b = new StringBuilder();
        cookies.forEach((k, v) -> {
            if (k.startsWith("q_session") || k.equals("csrf-token")) {
                b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v);
            }
        });
        return b.toString();
    }

    void postLoad(int threads, Path file) throws Exception {
        send(HttpRequest.newBuilder(URI.create(base + "/notifications")).GET().build());
        String csrf = cookies.get("csrf-token");
        if (csrf == null) {
            throw new IllegalStateException("no CSRF cookie");
        }
        String cookie = portalCookies();
        List<String> lines = Files.readAllLines(file);
        ConcurrentLinkedQueue<String> work = new ConcurrentLinkedQueue<>(lines);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                String line;
                while ((line = work.poll()) != null) {
                    String[] f = line.split(" ", 2);
                    String body = f[1] + "&csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
                    HttpRequest rq = HttpRequest.newBuilder(URI.create(base + f[0])).header("Cookie", cookie)
                            .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(rq, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - s);
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        // success is the post-redirect-get answer back to a portal page (not to sign-in or an error)
                        String loc = r.headers().firstValue("Location").orElse("");
                        if (r.statusCode() != 303 || loc.contains("/login") || loc.contains("/realms/")) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("error " + r.statusCode() + " on " + f[0] + ": "
                                        + r.body().replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ").substring(0, Math.min(300, r.body().length())));
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RESULT requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps=%.1f statuses=%s%n", sorted.size(),
                errors.get(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.size() / secs, statuses);
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    void signIn(String user) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
        int hops = 0;
        while (r.statusCode() / 100 == 3 && hops++ < 10) {
            r = send(HttpRequest.newBuilder(location(r)).GET().build());
        }
        Matcher m = FORM_ACTION.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("Keycloak login form not found: HTTP " + r.statusCode());
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&credentialId=";
        r = send(HttpRequest.newBuilder(URI.create(m.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        hops = 0;
        while (r.statusCode() / 100 == 3 && hops++ < 10) {
            r = send(HttpRequest.newBuilder(location(r)).GET().build());
        }
        if (cookies.keySet().stream().noneMatch(c -> c.startsWith("q_session"))) {
            throw new IllegalStateException("sign-in as " + user + " failed: HTTP " + r.statusCode() + " at " + r.uri());
        }
    }

    private URI location(HttpResponse<String> r) {
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).method(request.method(),
                request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().map().forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
        if (!cookies.isEmpty()) {
            StringBuilder c = new StringBuilder();
            cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", c.toString());
        }
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        for (String sc : r.headers().allValues("Set-Cookie")) {
            String pair = sc.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (sc.toLowerCase().contains("max-age=0") || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }
}
