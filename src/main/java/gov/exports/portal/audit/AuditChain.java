package gov.exports.portal.audit;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Verifies the audit trail's hash chain with the same digest function the database used to write it. */
@ApplicationScoped
public class AuditChain {

    public record Verification(boolean intact, long checked, Long brokenId, String reason, OffsetDateTime at) {
    }

    @Inject
    EntityManager em;

    public Verification verify() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT broken_id, reason, checked FROM audit_chain_first_break()")
                .getSingleResult();
        Long brokenId = row[0] == null ? null : ((Number) row[0]).longValue();
        long checked = row[2] == null ? 0 : ((Number) row[2]).longValue();
        return new Verification(brokenId == null, checked, brokenId, (String) row[1], OffsetDateTime.now());
    }
}
