package gov.exports.portal.congress;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Refreshes every tracked bill from the congress.gov API on a schedule, when an API key is configured. */
@ApplicationScoped
public class TrackedBillRefresher {

    private static final Logger LOG = Logger.getLogger(TrackedBillRefresher.class);

    @Inject
    CongressApiConfig config;

    @Inject
    BillImportService importer;

    @Inject
    jakarta.persistence.EntityManager em;

    /** Skips the scheduled run when no API key is set: there is nothing we could fetch. */
    @Singleton
    public static class NoApiKey implements Scheduled.SkipPredicate {
        @Inject
        CongressApiConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return config.apiKey().isEmpty();
        }
    }

    public record RefreshReport(int refreshed, int failed) {
    }

    @Scheduled(identity = "congress-api-refresh", every = "${portal.congress-api.refresh-every}", delayed = "2m",
            skipExecutionIf = NoApiKey.class, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!claimRun()) {
            LOG.info("congress.gov refresh: another portal instance ran it in this period");
            return;
        }
        RefreshReport r = refreshAll(client());
        LOG.infof("congress.gov refresh: %d tracked bills refreshed, %d failed", r.refreshed(), r.failed());
    }

    /**
     * Every instance schedules the refresh; the first to claim the period (table scheduled_run, the database's clock)
     * runs it, the others skip until 90% of the period has passed.
     */
    boolean claimRun() {
        long seconds = io.quarkus.runtime.configuration.DurationConverter.parseDuration(config.refreshEvery()).toSeconds();
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("""
                INSERT INTO scheduled_run (job, last_run_at) VALUES ('congress-api-refresh', now())
                ON CONFLICT (job) DO UPDATE SET last_run_at = now()
                  WHERE scheduled_run.last_run_at < now() - make_interval(secs => :s)
                RETURNING job""").setParameter("s", seconds * 0.9).getResultList().isEmpty());
    }

    /** Whether congress.gov can be asked at all (an API key is configured). */
    public boolean configured() {
        return config.apiKey().isPresent();
    }

    public CongressApiClient client() {
        return new CongressApiClient(config.baseUrl(), config.apiKey().orElse(""), config.timeout(), config.maxPages());
    }

    /** Refreshes all tracked bills with the given client; one bill failing does not stop the others. */
    public RefreshReport refreshAll(CongressApiClient client) {
        List<Object[]> tracked = QuarkusTransaction.joiningExisting().call(() -> Bill.<Bill> list("tracked = true order by id")
                .stream().map(b -> new Object[] { b.congress, b.billType, b.number }).toList());
        int ok = 0;
        int failed = 0;
        for (Object[] t : tracked) {
            try {
                refresh(client, (Integer) t[0], (String) t[1], (Integer) t[2], Actor.SYSTEM);
                ok++;
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf("congress.gov refresh of %s %s %s failed: %s", t[0], t[1], t[2], e.getMessage());
            }
        }
        return new RefreshReport(ok, failed);
    }

    public ImportOutcome refresh(CongressApiClient client, int congress, String type, int number, Actor actor) {
        var bundle = client.fetchBill(congress, type, number);
        return importer.importApiBundle(bundle, "congress.gov /bill/" + congress + "/" + type + "/" + number,
                BillImport.SourceKind.CONGRESS_GOV, actor);
    }
}
