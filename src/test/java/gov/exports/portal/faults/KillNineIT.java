package gov.exports.portal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalInvariants;
import gov.exports.portal.support.PortalProcess;
import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.PortalTraffic;

/**
 * The packaged portal killed with SIGKILL while vendors report shipments and file applications and officials decide, all
 * at once: after a restart every invariant holds in SQL (nothing half-written, balances equal to the shipment ledger,
 * audit chain intact) and every write acknowledged before the kill is there. Runs the jar as its own process (port
 * {@code -Dkill9.port}, default 8098; database {@code -Dkill9.db}, default portal_kill9, dropped and recreated).
 * Part of the fault suite: {@code src/scripts/test.sh -Pfaults} (after packaging, as a failsafe integration test).
 */
@Tag("faults")
class KillNineIT {

    static PortalProcess portal;

    @AfterAll
    static void stop() throws InterruptedException {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void aPortalKilledMidTransactionKeepsEveryInvariantAndEveryAcknowledgedWrite() throws Exception {
        String db = System.getProperty("kill9.db", "portal_kill9");
        int port = Integer.getInteger("kill9.port", 8098);
        portal = PortalProcess.startFresh("kill9-portal", port, db, "384m");
        Supplier<Connection> jdbc = portal.connections();
        PortalTraffic traffic = new PortalTraffic(jdbc);
        PortalSession officer = PortalTraffic.signIn("officer");
        PortalSession senior = PortalTraffic.signIn("senior");
        PortalSession nvidia = PortalTraffic.signIn("nvidia-vendor");
        // a licence to report against, through the real flow
        // (1,000 units: shipments of one unit still flow when the kill comes)
        long first = traffic.fileApplication(nvidia, 1000);
        traffic.decide(officer, senior, first);
        long licence = traffic.issueLicence(officer, first, 1000);
        long line = traffic.licenceLineOf(licence);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger cutOff = new AtomicInteger();
        LinkedBlockingQueue<Long> toDecide = new LinkedBlockingQueue<>();
        List<Runnable> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PortalSession s = PortalTraffic.signIn("nvidia-vendor");
            int client = i;
            AtomicInteger n = new AtomicInteger();
            clients.add(() -> traffic.reportShipment(s, licence, line, "K9-" + client + "-" + n.incrementAndGet()));
        }
        PortalSession amd = PortalTraffic.signIn("amd-vendor");
        clients.add(() -> toDecide.add(traffic.fileApplication(amd)));
        clients.add(() -> {
            Long next = toDecide.poll();
            if (next != null) {
                traffic.decide(officer, senior, next);
            } else {
                traffic.readPublicPages(officer);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        for (Runnable c : clients) {
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        c.run();
                    } catch (PortalTraffic.StepFailed e) {
                        traffic.note("step not completed: " + e.getMessage());
                    } catch (RuntimeException e) {
                        cutOff.incrementAndGet(); // the connection died with the portal: neither acknowledged nor counted
                        return;
                    }
                }
            });
        }
        Thread.sleep(Long.getLong("kill9.loadMillis", 12_000));
        long before = traffic.acknowledged.size();
        portal.kill9();
        long killedAt = System.currentTimeMillis();
        Thread.sleep(1500);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(90, TimeUnit.SECONDS));
        int acknowledgedBeforeKill = traffic.acknowledged.size();

        portal.start();
        long restartMillis = System.currentTimeMillis() - killedAt;
        List<String> violations;
        List<String> missing;
        try (Connection c = portal.jdbc()) {
            violations = PortalInvariants.violations(c);
            missing = PortalInvariants.missing(c, traffic.acknowledged);
        }
        // and the portal works again for the same signed-in users (the licence may be used up by now: a new application)
        long filedAfterRestart = traffic.fileApplication(nvidia);
        System.out.printf("kill -9: %d requests answered, %d writes acknowledged (%d when the kill was sent), %d clients cut off mid-request, "
                + "%d 5xx, back and ready %d ms after the kill; violations %s; missing %s; samples %s%n", traffic.requests.get(),
                acknowledgedBeforeKill, before, cutOff.get(), traffic.serverErrors.get(), restartMillis, violations, missing,
                traffic.serverErrorSamples);
        System.out.printf("kill -9: %d shipments acknowledged, %d refused (nothing left on the licence)%n",
                traffic.acknowledged.stream().filter(a -> a.kind().equals("shipment")).count(), traffic.refused.get());
        assertTrue(traffic.acknowledged.stream().filter(a -> a.kind().equals("shipment")).count() > 3, "shipments were reported before the kill");
        assertEquals(List.of(), violations, "invariants after kill -9 and restart");
        assertEquals(List.of(), missing, "acknowledged writes lost");
        assertEquals(0, traffic.serverErrors.get(), "5xx before the kill: " + traffic.serverErrorSamples);
        assertTrue(filedAfterRestart > 0, "an application is filed after the restart");
    }
}
