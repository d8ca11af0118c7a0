package gov.exports.portal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * PostgreSQL restarted while the portal serves light mixed traffic (public pages, a vendor's pages, the API, readiness).
 * During the outage every answer is clean (a friendly page, JSON 503 for the API, readiness DOWN, never a stack trace);
 * the portal recovers by itself within seconds; afterwards the invariants hold in SQL. Restarts the SHARED cluster:
 * part of the separate "faults" suite (mvn -Pfaults), never of the default run.
 */
@QuarkusTest
@Tag("faults")
class DatabaseRestartFaultTest {

    static final Pattern TRACE = Pattern.compile("(?i)(\\bat [a-z]+\\.[a-z]+\\.|Exception|PSQL|SQLState)");

    @Inject
    EntityManager em;

    record Seen(long at, String what, int status, boolean trace) {
    }

    @Test
    void requestsFailCleanlyDuringARestartAndThePortalRecoversWithNothingHalfWritten() throws Exception {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        String token = Tokens.accessToken("nvidia-vendor");
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        long t0 = System.currentTimeMillis();
        List<Runnable> clients = List.of(
                () -> record(seen, t0, "GET /bills", RestAssured.given().get("/bills")),
                () -> record(seen, t0, "GET /vendor", vendor.given().get("/vendor")),
                () -> record(seen, t0, "GET /api/me", RestAssured.given().auth().oauth2(token).get("/api/me")),
                () -> record(seen, t0, "GET /q/health/ready", RestAssured.given().get("/q/health/ready")));
        for (Runnable client : clients) {
            load.submit(() -> {
                while (running.get()) {
                    try {
                        client.run();
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        seen.add(new Seen(System.currentTimeMillis() - t0, "client error " + e, -1, false));
                    }
                }
            });
        }
        Thread.sleep(2000);
        long restartAt = System.currentTimeMillis() - t0;
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart").inheritIO().start();
        assertEquals(0, p.waitFor(), "pg_ctlcluster restart");
        long backAt = System.currentTimeMillis() - t0;
        Thread.sleep(15_000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

        List<String> failures = new ArrayList<>();
        synchronized (seen) {
            for (Seen s : seen) {
                if (s.trace) {
                    failures.add(s + ": shows a stack trace or SQL");
                }
                if (s.status >= 500 && s.what.startsWith("GET /api/") && s.status != 503) {
                    failures.add(s + ": the API answers 503 while the database is away");
                }
                if (s.status >= 500 && s.status != 503 && !s.what.contains("/q/health")) {
                    failures.add(s + ": not a 503 'temporarily unavailable' answer");
                }
                if (s.status == -1) {
                    failures.add(s.toString());
                }
            }
            // recovered by itself within 10 seconds of the database being back: every later answer is a success
            for (Seen s : seen) {
                if (s.at > backAt + 10_000 && s.status != 200) {
                    failures.add(s + ": still failing " + (s.at - backAt) + " ms after the database came back");
                }
            }
            assertTrue(seen.stream().anyMatch(s -> s.at > backAt + 10_000 && s.status == 200), "traffic after recovery was measured");
        }
        System.out.printf("Database restart: %d requests, restart at %d ms, back at %d ms, %d non-200 answers%n", seen.size(), restartAt,
                backAt, seen.stream().filter(s -> s.status != 200).count());
        if (!failures.isEmpty()) {
            fail("During or after the restart:\n  " + String.join("\n  ", failures.stream().distinct().limit(40).toList()));
        }
        assertInvariants(em);
    }

    static void record(List<Seen> seen, long t0, String what, Response r) {
        String body = r.asString();
        seen.add(new Seen(System.currentTimeMillis() - t0, what, r.statusCode(), r.statusCode() >= 500 && TRACE.matcher(body).find()));
    }

    /** Nothing half-written: checked in SQL, as an auditor would. */
    static void assertInvariants(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> {
            Number noSnapshot = (Number) em.createNativeQuery(
                    "SELECT count(*) FROM application WHERE status <> 'DRAFT' AND (reference IS NULL OR snapshot IS NULL)").getSingleResult();
            assertEquals(0, noSnapshot.intValue(), "every non-draft application has its reference and snapshot");
            Number noLines = (Number) em.createNativeQuery(
                    "SELECT count(*) FROM licence l WHERE NOT EXISTS (SELECT 1 FROM licence_line x WHERE x.licence_id = l.id)").getSingleResult();
            assertEquals(0, noLines.intValue(), "every licence has lines");
            Number undecided = (Number) em.createNativeQuery(
                    "SELECT count(*) FROM application a WHERE a.status IN ('APPROVED','APPROVED_WITH_CONDITIONS','DENIED','RETURNED_WITHOUT_ACTION') "
                            + "AND NOT EXISTS (SELECT 1 FROM decision_letter d WHERE d.application_id = a.id)").getSingleResult();
            assertEquals(0, undecided.intValue(), "every decided application has its letter");
        });
        RestAssured.given().get("/api/admin/audit/verification"); // reachable; the chain itself is checked by AuditChainTest
    }
}
