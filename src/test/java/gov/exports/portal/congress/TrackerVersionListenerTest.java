package gov.exports.portal.congress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.Waits;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The tracker version is announced by PostgreSQL to every instance: an anonymous visitor's kept page takes no database
 * connection at all, a change committed elsewhere shows within a moment, and a lost listening connection neither
 * leaves the last version trusted nor stops the pages: they read the database until the listener is back.
 */
@QuarkusTest
class TrackerVersionListenerTest {

    @Inject
    TrackerVersionListener listener;

    @Inject
    RenderedPages pages;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    void awaitListening(boolean wanted, long millis) {
        assertEquals(wanted, Waits.eventually(listener::listening, l -> l == wanted, millis),
                wanted ? "the listener is connected" : "the listener noticed the lost connection");
    }

    void rename(int number, String title) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE bill SET title_short = :t WHERE congress = 119 AND bill_type = 's' AND number = :n")
                .setParameter("t", title).setParameter("n", number).executeUpdate());
    }

    @Test
    void aKeptPageTakesNoDatabaseConnection() {
        String bill = "/bills/119/s/7228";
        BillCachingTest.importBill(7228);
        awaitListening(true, 10_000);
        given().get(bill).then().statusCode(200);
        dataSource.getConfiguration().setMetricsEnabled(true);
        try {
            // the pool is shared with the test instance's own work (jobs, other threads): asked again until one request
            // ran alone; a kept page that took a connection shows it on every try
            boolean alone = false;
            for (int attempt = 0; attempt < 40 && !alone; attempt++) {
                if (attempt > 0) {
                    Waits.pause(250);
                }
                long hits = pages.hits();
                long acquired = dataSource.getMetrics().acquireCount();
                given().get(bill).then().statusCode(200);
                alone = dataSource.getMetrics().acquireCount() == acquired;
                assertEquals(hits + 1, pages.hits(), "served from the kept page");
            }
            assertTrue(alone, "a kept page for an anonymous visitor takes no connection from the pool");
        } finally {
            dataSource.getConfiguration().setMetricsEnabled(false);
        }
    }

    @Test
    void aLostConnectionIsNoticedAndTheListenerComesBack() {
        String bill = "/bills/119/s/7229";
        BillCachingTest.importBill(7229);
        awaitListening(true, 10_000);
        assertTrue(given().get(bill).asString().contains("<html"));
        Object before = backend();

        // the listening connection is cut (a PostgreSQL restart or failover, a network fault)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :a")
                .setParameter("a", TrackerVersionListener.APPLICATION_NAME).getResultList());
        rename(7229, "Renamed while the listener was cut off");
        // whether the request finds the listener still reconnecting (it reads the database) or back (it read the row
        // after LISTEN), the change shows well within the five seconds for which an unconfirmed version would be trusted
        String page = Waits.eventually(() -> given().get(bill).asString(),
                b -> b.contains("Renamed while the listener was cut off"), 2_000);
        assertTrue(page.contains("Renamed while the listener was cut off"), "no stale page after the connection was lost");

        awaitListening(true, 10_000);
        assertNotEquals(before, backend(), "a new listening connection");
        rename(7229, "Renamed after the listener came back");
        page = Waits.eventually(() -> given().get(bill).asString(), b -> b.contains("Renamed after the listener came back"), 2_000);
        assertTrue(page.contains("Renamed after the listener came back"), "announcements arrive again");
    }

    Object backend() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT string_agg(pid::text, ',') FROM pg_stat_activity WHERE application_name = :a")
                .setParameter("a", TrackerVersionListener.APPLICATION_NAME).getSingleResult());
    }
}
