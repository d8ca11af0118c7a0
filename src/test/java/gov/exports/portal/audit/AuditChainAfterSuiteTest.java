package gov.exports.portal.audit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * After the whole suite has run (its own surefire execution, after the default one; see pom.xml), the audit trail that
 * every test wrote into the test database still verifies end to end. Plain JDBC: starting the portal again would clean
 * the database first.
 */
@Tag("after-suite")
class AuditChainAfterSuiteTest {

    @Test
    void theAuditChainVerifiesAfterEverythingElseRan() throws Exception {
        String url = System.getenv().getOrDefault("PORTAL_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/portal_test");
        String user = System.getenv().getOrDefault("PORTAL_DB_USER", System.getProperty("user.name"));
        try (Connection c = DriverManager.getConnection(url, user, System.getenv().getOrDefault("PORTAL_DB_PASSWORD", ""));
                var rs = c.createStatement().executeQuery("SELECT broken_id, reason, checked FROM audit_chain_first_break()")) {
            assertTrue(rs.next());
            long checked = rs.getLong(3);
            System.out.printf("Audit chain after the suite: %d records checked, first break %s%n", checked, rs.getString(1));
            assertNull(rs.getObject(1), "the chain breaks at record " + rs.getObject(1) + ": " + rs.getString(2));
            assertTrue(checked > 0, "records were checked");
        }
    }
}
