package gov.exports.portal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalInvariants;
import gov.exports.portal.support.PortalProcess;
import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.PortalTraffic;

/**
 * Soak: the packaged portal under steady mixed traffic for {@code -Dsoak.minutes} (default 20): the public reading bills,
 * three vendors filing applications, officials deciding them and issuing licences, vendors reporting shipments. Each
 * kind of user acts at a fixed rate (scheduled, not as fast as possible). Every minute the portal's RSS, its heap after a
 * full GC (jcmd) and its database connections are sampled. Afterwards: no 5xx, every acknowledged write present, the
 * invariants hold, and neither live heap nor connections grew. Run with {@code src/scripts/soak.sh [minutes]}; the
 * summary is printed and written to target/soak-summary.txt.
 */
@Tag("soak")
class SoakIT {

    static PortalProcess portal;

    record Sample(long second, long rssKb, long liveHeapBytes, int dbConnections, long requests) {
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void steadyMixedTrafficWithoutErrorsLeaksOrLostWrites() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "20"));
        String db = System.getProperty("soak.db", "portal_soak");
        int port = Integer.getInteger("soak.port", 8099);
        portal = PortalProcess.startFresh("soak-portal", port, db, "512m");
        Supplier<Connection> jdbc = portal.connections();
        PortalTraffic traffic = new PortalTraffic(jdbc);
        PortalSession officer = PortalTraffic.signIn("officer");
        PortalSession senior = PortalTraffic.signIn("senior");
        LinkedBlockingQueue<Long> submitted = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Long> approved = new LinkedBlockingQueue<>();
        List<long[]> licences = new java.util.concurrent.CopyOnWriteArrayList<>(); // {licenceId, lineId}
        AtomicLong shipmentNo = new AtomicLong();
        AtomicLong stepFailures = new AtomicLong();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

        ScheduledExecutorService users = Executors.newScheduledThreadPool(8);
        java.util.function.BiConsumer<Duration, Runnable> every = (period, action) -> users.scheduleAtFixedRate(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                stepFailures.incrementAndGet();
                if (failures.size() < 30) {
                    failures.add(e.toString());
                }
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);

        for (int i = 0; i < 2; i++) {
            PortalSession anonymous = PortalSession.anonymous();
            every.accept(Duration.ofSeconds(2), () -> traffic.readPublicPages(anonymous));
        }
        for (String vendor : List.of("nvidia-vendor", "amd-vendor", "intel-vendor")) {
            PortalSession s = PortalTraffic.signIn(vendor);
            every.accept(Duration.ofSeconds(30), () -> submitted.add(traffic.fileApplication(s)));
        }
        every.accept(Duration.ofSeconds(12), () -> {
            Long next = submitted.poll();
            if (next != null) {
                traffic.decide(officer, senior, next);
                approved.add(next);
            }
        });
        every.accept(Duration.ofSeconds(30), () -> {
            Long next = approved.poll();
            if (next != null) {
                long licence = traffic.issueLicence(officer, next);
                licences.add(new long[] {licence, traffic.licenceLineOf(licence)});
            }
        });
        PortalSession shipper = PortalTraffic.signIn("nvidia-vendor");
        PortalSession amdShipper = PortalTraffic.signIn("amd-vendor");
        PortalSession intelShipper = PortalTraffic.signIn("intel-vendor");
        every.accept(Duration.ofSeconds(3), () -> {
            if (licences.isEmpty()) {
                return;
            }
            long[] l = licences.get((int) (shipmentNo.incrementAndGet() % licences.size()));
            long org = traffic.organisationOfLicence(l[0]);
            PortalSession s = org == traffic.organisationOf("nvidia") ? shipper : org == traffic.organisationOf("amd") ? amdShipper : intelShipper;
            traffic.reportShipment(s, l[0], l[1], "SOAK-" + shipmentNo.get());
        });

        List<Sample> samples = new ArrayList<>();
        long start = System.currentTimeMillis();
        long end = start + (long) (minutes * 60_000);
        while (System.currentTimeMillis() < end) {
            samples.add(sample(start, traffic));
            Thread.sleep(Math.min(60_000, Math.max(1000, end - System.currentTimeMillis())));
        }
        users.shutdown();
        assertTrue(users.awaitTermination(120, TimeUnit.SECONDS));
        samples.add(sample(start, traffic));

        List<String> violations;
        List<String> missing;
        try (Connection c = portal.jdbc()) {
            violations = PortalInvariants.violations(c);
            missing = PortalInvariants.missing(c, traffic.acknowledged);
        }
        long count = traffic.acknowledged.size();
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("Soak: %.1f min, %d requests (%.1f/s), %d 5xx, %d 4xx, %d writes acknowledged (%d applications submitted, "
                + "%d decided, %d licences, %d shipments), %d refused shipments, %d steps not completed%n", minutes, traffic.requests.get(),
                traffic.requests.get() / (minutes * 60), traffic.serverErrors.get(), traffic.clientErrors.get(), count,
                kind(traffic, "submitted"), kind(traffic, "decided"), kind(traffic, "licence"), kind(traffic, "shipment"), traffic.refused.get(),
                stepFailures.get()));
        summary.append("second  rss_MB  live_heap_MB  db_connections  requests\n");
        for (Sample s : samples) {
            summary.append(String.format("%6d  %6d  %12d  %14d  %8d%n", s.second, s.rssKb / 1024, s.liveHeapBytes / 1024 / 1024, s.dbConnections,
                    s.requests));
        }
        summary.append("invariant violations: ").append(violations).append("\nacknowledged writes missing: ").append(missing)
                .append("\n5xx samples: ").append(traffic.serverErrorSamples).append("\nsteps not completed: ").append(failures).append('\n');
        System.out.println(summary);
        Files.writeString(Path.of("target/soak-summary.txt"), summary);

        assertEquals(0, traffic.serverErrors.get(), "5xx answers: " + traffic.serverErrorSamples);
        assertEquals(List.of(), violations);
        assertEquals(List.of(), missing);
        assertTrue(kind(traffic, "shipment") > 0 && kind(traffic, "decided") > 0, "every kind of write happened");
        // no growth: the second half's live heap and connections stay within the first half's range (plus slack)
        List<Sample> settled = samples.subList(Math.min(2, samples.size() - 1), samples.size());
        int half = settled.size() / 2;
        long firstHeap = settled.subList(0, Math.max(1, half)).stream().mapToLong(Sample::liveHeapBytes).max().orElse(0);
        long lastHeap = settled.subList(half, settled.size()).stream().mapToLong(Sample::liveHeapBytes).max().orElse(0);
        assertTrue(lastHeap <= firstHeap * 1.3 + 16 * 1024 * 1024, "live heap grew from " + firstHeap + " to " + lastHeap);
        int maxConnections = samples.stream().mapToInt(Sample::dbConnections).max().orElse(0);
        assertTrue(maxConnections <= 21, "connections stay within the pool: " + maxConnections);
    }

    static long kind(PortalTraffic t, String kind) {
        return t.acknowledged.stream().filter(a -> a.kind().equals(kind)).count();
    }

    static Sample sample(long start, PortalTraffic traffic) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(portal.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gc.waitFor(30, TimeUnit.SECONDS);
        return new Sample((System.currentTimeMillis() - start) / 1000, portal.rssKb(), portal.heapUsedBytes(), portal.databaseConnections(),
                traffic.requests.get());
    }
}
