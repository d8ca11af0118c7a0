package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;

/**
 * Two packaged portal instances on one database, as behind a load balancer without sticky sessions. Started by
 * src/scripts/two-instances.sh (which then runs this class with mvn -Ptwo-instances); not part of the default suite.
 */
@Tag("two-instances")
class TwoInstancesTest {

    static final String A = System.getProperty("portal.a.url", "http://127.0.0.1:8096");
    static final String B = System.getProperty("portal.b.url", "http://127.0.0.1:8097");
    static final String DB = System.getProperty("portal.db.url", "jdbc:postgresql://127.0.0.1:5432/portal_t2x");
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    static Connection db() throws SQLException {
        return DriverManager.getConnection(DB, System.getProperty("user.name"), "");
    }

    static long number(String sql, Object... params) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    static String text(String sql, Object... params) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aSessionFromOneInstanceWorksOnTheOther() {
        PortalSession onA = PortalSession.at(A, "officer");
        HttpResponse<String> viaB = onA.via(B).get("/review");
        assertEquals(200, viaB.statusCode(), "the session cookie issued by A is accepted by B (no sign-in redirect)");
        assertTrue(viaB.body().contains("Sign out"), "signed in on B");
        PortalSession onB = PortalSession.at(B, "nvidia-vendor");
        HttpResponse<String> viaA = onB.via(A).get("/vendor");
        assertEquals(200, viaA.statusCode());
        assertTrue(viaA.body().contains("NVIDIA"), "the vendor's dashboard on A with B's cookie");
    }

    @Test
    void publicPagesHaveTheSameValidatorOnBothInstances() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String path = "/bills/119/s/3374";
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(A + path)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> b = http.send(HttpRequest.newBuilder(URI.create(B + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, a.statusCode());
        String etag = a.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, b.headers().firstValue("ETag").orElseThrow(), "same data, same ETag, whichever instance answers");
        HttpResponse<String> revalidated = http.send(HttpRequest.newBuilder(URI.create(B + path)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, revalidated.statusCode(), "A's validator is good on B");

        // an editor's change through B invalidates what A handed out
        PortalSession editor = PortalSession.at(B, "editor");
        String form = editor.get("/tracker/bills/119/s/3374").body();
        Matcher v = VERSION.matcher(form);
        assertTrue(v.find(), "curation form");
        Map<String, String> curation = new LinkedHashMap<>();
        curation.put("csrf-token", PortalSession.csrfFieldIn(form));
        curation.put("version", v.group(1));
        curation.put("tracked", "true");
        curation.put("topics", "Chip exports");
        curation.put("countries", "China");
        curation.put("otherCountries", "");
        curation.put("plainSummary", "Edited through instance B at " + System.nanoTime());
        assertEquals(303, editor.post("/tracker/bills/119/s/3374", curation).statusCode());
        // A learns of B's commit from PostgreSQL's announcement (LISTEN tracker_version): within a moment, well before the
        // five seconds after which A would stop trusting a version its listener had not confirmed
        HttpRequest revalidateOnA = HttpRequest.newBuilder(URI.create(A + path)).header("If-None-Match", etag).build();
        long deadline = System.nanoTime() + 2_000_000_000L;
        HttpResponse<String> onA = http.send(revalidateOnA, HttpResponse.BodyHandlers.ofString());
        while (onA.statusCode() == 304 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            onA = http.send(revalidateOnA, HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, onA.statusCode(), "A does not answer 304 with the old validator");
        assertTrue(onA.body().contains("Edited through instance B"), "A shows B's edit");
    }

    @Test
    void theVerificationLimitHoldsAcrossInstances() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int allowed = 0;
        int refused = 0;
        // the same client alternating between the instances: together they allow the limit (20 a minute), not twice it
        for (int i = 0; i < 40; i++) {
            String base = i % 2 == 0 ? A : B;
            int status = http.send(HttpRequest.newBuilder(URI.create(base + "/verify?number=CHX-2026-999999&vendor=Nobody")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status == 429) {
                refused++;
            } else {
                allowed++;
            }
        }
        System.out.printf("[two-instances] verification: %d allowed, %d refused over both instances%n", allowed, refused);
        assertTrue(allowed <= 22, "about the limit of 20 a minute in total: " + allowed);
        assertTrue(refused >= 18, "the rest refused on either instance: " + refused);
    }

    @Test
    void twoOfficersTakingTheSameCaseThroughDifferentInstancesGetOneWinnerAndOneConflict() throws Exception {
        long id = number("SELECT a.id FROM application a LEFT JOIN review_case r ON r.application_id = a.id"
                + " WHERE a.status = 'SUBMITTED' AND r.assigned_subject IS NULL ORDER BY a.id LIMIT 1");
        assertTrue(id > 0, "the demo data's submitted application is unassigned (run on a fresh database)");
        PortalSession officer = PortalSession.at(A, "officer");
        PortalSession officer2 = PortalSession.at(B, "officer2");
        // each reads the case on one instance and posts through the other
        String path = "/review/cases/" + id;
        List<Map<String, String>> forms = new ArrayList<>();
        for (PortalSession s : List.of(officer, officer2)) {
            String page = s.get(path).body();
            Matcher m = VERSION.matcher(page);
            assertTrue(m.find(), "the case page offers the take form to " + s.username());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("csrf-token", PortalSession.csrfFieldIn(page));
            f.put("version", m.group(1));
            forms.add(f);
        }
        assertEquals(forms.get(0).get("version"), forms.get(1).get("version"), "both saw the same version");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            await(go);
            return officer.via(B).post(path + "/take", forms.get(0));
        });
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> {
            await(go);
            return officer2.via(A).post(path + "/take", forms.get(1));
        });
        go.countDown();
        HttpResponse<String> r1 = first.get();
        HttpResponse<String> r2 = second.get();
        List<Integer> statuses = new ArrayList<>(List.of(r1.statusCode(), r2.statusCode()));
        statuses.sort(null);
        assertEquals(List.of(303, 409), statuses, "one wins, one is told about the conflict: " + r1.statusCode() + " / " + r2.statusCode());
        HttpResponse<String> loser = r1.statusCode() == 409 ? r1 : r2;
        String winner = r1.statusCode() == 303 ? "officer" : "officer2";
        assertTrue(loser.body().contains("already assigned to") || loser.body().contains("while you were looking at it"),
                () -> "a clear conflict page: " + loser.body());
        assertFalse(loser.body().contains("Exception"), "no stack trace");

        // exactly one outcome in the database
        assertEquals(1, number("SELECT count(*) FROM audit_record WHERE action = 'review.taken' AND target_id = ?", String.valueOf(id)));
        String assignee = text("SELECT assigned_name FROM review_case WHERE application_id = ?", id);
        assertNotNull(assignee);
        assertEquals(1, number("SELECT count(*) FROM review_case WHERE application_id = ? AND assigned_subject IS NOT NULL", id));
        System.out.printf("[two-instances] case %d: %s won (%d / %d), assigned to %s%n", id, winner, r1.statusCode(), r2.statusCode(),
                assignee);
        // both instances show the same result
        for (String base : List.of(A, B)) {
            String page = officer.via(base).get(path).body();
            assertTrue(page.contains(assignee), base + " shows the case assigned to " + assignee);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
