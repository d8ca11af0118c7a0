package gov.exports.portal.congress;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import gov.exports.portal.web.PortalConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The tracker version as PostgreSQL announces it (channel tracker_version, migration V91), so that an anonymous visitor's
 * kept page costs no query at all. One connection of its own per instance (not from the pool: it stays open and
 * listening): LISTEN first, then read the row, so no commit falls between; every announcement, and every
 * {@value #RESYNC_MILLIS} ms in any case, reads the row again. The version is only given out while the connection has
 * answered within the last {@value #TRUST_MILLIS} ms: a lost or stalled connection makes the callers read the database
 * on every request again (as they did before this listener existed) until it is back. A kept page can so lag a commit by
 * the delivery of one notification (milliseconds), never by more than {@value #TRUST_MILLIS} ms; and a change committed
 * through this instance ({@link ChangesTracker}) is shown by the next anonymous page here at once: that request reads
 * the version from the database and hands it on ({@link #offer}).
 * <p>
 * Signed-in viewers (editors among them) never use it: their ETag is read from the database, so an editor who just saved
 * is never answered 304 for the page before the save.
 */
@ApplicationScoped
public class TrackerVersionListener {

    private static final Logger LOG = Logger.getLogger(TrackerVersionListener.class);
    static final String CHANNEL = "tracker_version";
    static final String APPLICATION_NAME = "export-portal tracker listener";
    static final int RESYNC_MILLIS = 2_000;
    static final int TRUST_MILLIS = 5_000;

    /** The version last read, or null when a change made here may have made it old (see {@link #distrust()}). */
    private BillQueries.Freshness version;
    /** Raised by every {@link #distrust()} and lost connection: a reading begun before it is not taken. */
    private long epoch;
    /** When the listening connection last answered (System.nanoTime), 0 while it is not connected. */
    private volatile long confirmedAtNanos;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    @Inject
    PortalConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    void start(@Observes StartupEvent e) {
        if (!config.trackerPages().listen()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tracker-version-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent e) {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * The current tracker version if this instance is listening, its connection answered lately and no change was made
     * here since it was read; else null, and the caller reads the database (and may {@link #offer} what it read).
     */
    public synchronized BillQueries.Freshness current() {
        return listening() ? version : null;
    }

    /** To pass to {@link #offer} with a version read from the database after this call. */
    public synchronized long epoch() {
        return epoch;
    }

    /**
     * A version a request read from the database: kept if nothing made it old since {@code epochBeforeRead}, so that
     * after a change made here one request reads the database and the next ones need not (the announcement of that
     * change may still be on its way).
     */
    public synchronized void offer(BillQueries.Freshness read, long epochBeforeRead) {
        if (epochBeforeRead == epoch && confirmedAtNanos != 0) {
            version = newer(version, read);
        }
    }

    /**
     * Called after this instance committed a change to the tracker (see {@link ChangesTracker}): until the version is
     * read again, requests read it from the database, so that the next anonymous page here shows the change even before
     * its announcement arrives.
     */
    public synchronized void distrust() {
        epoch++;
        version = null;
    }

    /** Whether the listening connection answered within the last TRUST_MILLIS (its announcements are being received). */
    public boolean listening() {
        long confirmed = confirmedAtNanos;
        return confirmed != 0 && System.nanoTime() - confirmed <= TimeUnit.MILLISECONDS.toNanos(TRUST_MILLIS);
    }

    private static BillQueries.Freshness newer(BillQueries.Freshness a, BillQueries.Freshness b) {
        return a != null && a.version() > b.version() ? a : b;
    }

    private void run() {
        long backoff = 200;
        boolean warned = false;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                resync(c);
                if (warned) {
                    LOG.info("Tracker version listener connected again");
                    warned = false;
                }
                backoff = 200;
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastResync = System.nanoTime();
                while (running) {
                    var notes = pg.getNotifications(RESYNC_MILLIS);
                    if ((notes != null && notes.length > 0)
                            || System.nanoTime() - lastResync >= TimeUnit.MILLISECONDS.toNanos(RESYNC_MILLIS)) {
                        resync(c);
                        lastResync = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                synchronized (this) {
                    confirmedAtNanos = 0;
                    version = null;
                    epoch++;
                }
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warnf("Tracker version listener lost its connection (%s); anonymous tracker pages read the version "
                            + "from the database until it is back", ex.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            } finally {
                connection = null;
            }
        }
    }

    private Connection open() throws SQLException {
        Properties p = new Properties();
        username.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", APPLICATION_NAME);
        p.setProperty("connectTimeout", "5");
        // a stalled server or network ends the read with an error rather than leaving the last version trusted
        p.setProperty("socketTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }

    /** Reads the row; the version never goes backwards. */
    private void resync(Connection c) throws SQLException {
        long before = epoch();
        BillQueries.Freshness read = BillQueries.Freshness.read(c);
        synchronized (this) {
            confirmedAtNanos = System.nanoTime();
            if (before == epoch) {
                version = newer(version, read);
            }
        }
    }
}
