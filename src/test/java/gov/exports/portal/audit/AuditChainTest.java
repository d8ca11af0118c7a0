package gov.exports.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditChainTest {

    @Inject
    AuditLog audit;

    @Inject
    AuditChain chain;

    @Inject
    DataSource dataSource;

    @Test
    void recordsAreChainedAndVerify() {
        QuarkusTransaction.requiringNew().run(() -> audit.recordSystem("test.chained", "test", 1, null, AuditLog.state("n", 1)));
        QuarkusTransaction.requiringNew().run(() -> audit.recordSystem("test.chained", "test", 2, AuditLog.state("n", 1),
                AuditLog.state("n", 2)));
        AuditChain.Verification v = chain.verify();
        assertTrue(v.intact(), () -> "chain broken at " + v.brokenId() + ": " + v.reason());
        assertTrue(v.checked() >= 2);
    }

    @Test
    void updatesAndDeletesAreRefusedByTheDatabase() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> audit.recordSystem("test.immutable", "test", 3, null, null));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE audit_record SET actor_name = 'someone else'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_record"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_record"));
        }
    }

    /** Someone with superuser rights bypasses the triggers and edits a record: verification finds that record. */
    @Test
    void aTamperedRecordIsDetected() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> audit.recordSystem("test.tamper", "licence", "L-1", null,
                AuditLog.state("status", "REVOKED")));
        long id;
        String original;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT id, after_state::text FROM audit_record WHERE action = 'test.tamper' ORDER BY id DESC LIMIT 1");
            assertTrue(rs.next());
            id = rs.getLong(1);
            original = rs.getString(2);
            s.execute("SET session_replication_role = replica"); // disables the append-only triggers
            s.executeUpdate("UPDATE audit_record SET after_state = '{\"status\": \"ACTIVE\"}' WHERE id = " + id);
            s.execute("SET session_replication_role = origin");
        }
        try {
            AuditChain.Verification v = chain.verify();
            assertFalse(v.intact());
            assertEquals(id, v.brokenId());
            assertNotNull(v.reason());
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.executeUpdate("UPDATE audit_record SET after_state = '" + original + "' WHERE id = " + id);
                s.execute("SET session_replication_role = origin");
            }
        }
        assertTrue(chain.verify().intact(), "restoring the original content restores the chain");
    }

    @Test
    @Transactional
    void auditNeedsTheCallersTransaction() {
        // inside a transaction this works; the MANDATORY attribute refuses calls outside one (see next assertion)
        audit.recordSystem("test.in-transaction", "test", 4, null, null);
    }

    @Test
    void auditOutsideATransactionIsRefused() {
        assertThrows(Exception.class, () -> audit.recordSystem("test.no-transaction", "test", 5, null, null));
    }
}
