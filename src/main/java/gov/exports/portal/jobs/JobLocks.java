package gov.exports.portal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How a background job tells other portal instances that it is alive: while a job of this instance is queued or running,
 * the instance holds the PostgreSQL advisory lock (job class, job id) on a connection of its own. The lock is released when
 * the job ends, and by PostgreSQL itself when the instance dies (its connection closes), so a job whose lock nobody holds
 * cannot be running anywhere. Start-up clean-ups probe the lock with {@code pg_try_advisory_xact_lock} in their own
 * transaction ({@link #NOT_HELD}), which releases it again at commit.
 */
@ApplicationScoped
public class JobLocks {

    private static final Logger LOG = Logger.getLogger(JobLocks.class);

    /** SQL condition, true for a job row whose lock no instance holds; parameter {@code :lockClass}, column {@code id}. */
    public static final String NOT_HELD = "pg_try_advisory_xact_lock(:lockClass, CAST(id AS int))";

    @Inject
    DataSource dataSource;

    private final Map<String, Connection> held = new ConcurrentHashMap<>();

    /** Takes the job's lock for this instance until {@link #release}; outside any transaction of the caller. */
    public void hold(int lockClass, long jobId) {
        String key = lockClass + ":" + jobId;
        QuarkusTransaction.suspendingExisting().run(() -> {
            Connection c = null;
            try {
                c = dataSource.getConnection();
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                    ps.setInt(1, lockClass);
                    ps.setInt(2, Math.toIntExact(jobId));
                    ps.execute();
                }
                Connection previous = held.put(key, c);
                if (previous != null) {
                    close(previous, lockClass, jobId);
                }
            } catch (SQLException e) {
                // the job still runs; without the lock a clean-up on another instance could call it interrupted
                LOG.warnf("Could not take the advisory lock of job %s: %s", key, e.getMessage());
                if (c != null) {
                    close(c, lockClass, jobId);
                }
            }
        });
    }

    /** The job ended (done, failed or never started): other instances may now treat its row as finished business. */
    public void release(int lockClass, long jobId) {
        Connection c = held.remove(lockClass + ":" + jobId);
        if (c != null) {
            QuarkusTransaction.suspendingExisting().run(() -> close(c, lockClass, jobId));
        }
    }

    /** Whether this instance holds the job's lock. */
    public boolean holds(int lockClass, long jobId) {
        return held.containsKey(lockClass + ":" + jobId);
    }

    @PreDestroy
    void stop() {
        held.forEach((key, c) -> {
            String[] k = key.split(":");
            close(c, Integer.parseInt(k[0]), Long.parseLong(k[1]));
        });
        held.clear();
    }

    private static void close(Connection c, int lockClass, long jobId) {
        try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, lockClass);
            ps.setInt(2, Math.toIntExact(jobId));
            ps.execute();
        } catch (SQLException e) {
            // a broken connection has lost the lock with it
            LOG.debugf("Releasing the advisory lock of job %d:%d: %s", lockClass, jobId, e.getMessage());
        }
    }
}
