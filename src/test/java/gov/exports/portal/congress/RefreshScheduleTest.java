package gov.exports.portal.congress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The scheduled congress.gov refresh runs once per period across instances: the first claim wins, the rest skip. */
@QuarkusTest
class RefreshScheduleTest {

    @Inject
    TrackedBillRefresher refresher;

    @Inject
    EntityManager em;

    @Test
    void onlyTheFirstInstanceInAPeriodRunsTheRefresh() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM scheduled_run").executeUpdate());
        assertTrue(refresher.claimRun(), "first instance");
        assertFalse(refresher.claimRun(), "a second instance in the same period skips");
        // most of the period (6h by default) has passed since the last run: the next claim wins again
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE scheduled_run SET last_run_at = last_run_at - interval '5 hours 30 minutes'").executeUpdate());
        assertTrue(refresher.claimRun());
        assertFalse(refresher.claimRun());
    }
}
