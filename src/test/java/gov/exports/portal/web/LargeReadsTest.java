package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A large read inside a transaction comes from PostgreSQL in batches (defaultRowFetchSize in application.properties):
 * the driver keeps an open portal and holds one batch, instead of the whole result, while the rows are read. Without
 * the setting no portal stays open after the first row.
 */
@QuarkusTest
class LargeReadsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLargeResultInATransactionIsReadInBatches() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 Statement big = c.createStatement();
                 Statement probe = c.createStatement()) {
                try (ResultSet rs = big.executeQuery("SELECT n FROM generate_series(1, 2500) n")) {
                    assertTrue(rs.next());
                    // the rest of the result waits in the server, in a portal of this session
                    try (ResultSet open = probe.executeQuery(
                            "SELECT count(*) FROM pg_cursors WHERE statement LIKE '%generate_series%' AND statement NOT LIKE '%pg_cursors%'")) {
                        open.next();
                        assertEquals(1, open.getInt(1), "an open portal holds the rows not fetched yet");
                    }
                    int rows = 1;
                    while (rs.next()) {
                        rows++;
                    }
                    assertEquals(2500, rows, "every row still arrives");
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
