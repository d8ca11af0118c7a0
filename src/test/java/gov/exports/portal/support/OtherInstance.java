package gov.exports.portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Another portal instance, as far as job locks go: its own database session holding a job's advisory lock
 * (jobs/JobLocks), as the instance running that job would. Closing it is that instance stopping.
 */
public final class OtherInstance implements AutoCloseable {

    private final Connection connection;

    private OtherInstance(Connection connection) {
        this.connection = connection;
    }

    /** A session of the test database that holds the lock of job {@code id} of {@code lockClass}. */
    public static OtherInstance holdingJobLock(int lockClass, long id) throws SQLException {
        Connection c = connect();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            ps.setInt(1, lockClass);
            ps.setInt(2, (int) id);
            ps.execute();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new OtherInstance(c);
    }

    /** A plain session of the test database (no lock held). */
    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("root"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** Waits until PostgreSQL has released the lock of a stopped instance (a moment after its client closed the session). */
    public static void awaitLockReleased(int lockClass, long id) throws SQLException, InterruptedException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ?"
                        + " AND objid = ? AND objsubid = 2")) {
            ps.setInt(1, lockClass);
            ps.setInt(2, (int) id);
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the closed connection's lock is still held");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
