package gov.exports.portal.audit;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.web.RequestIds;

/**
 * Writes the audit trail: who, when, what, before and after. Call it inside the transaction of the
 * change it describes (so both commit or neither), as the last write: the chain lock is held to commit.
 * The database assigns the id, time and hashes (see V2__audit_trail.sql).
 */
@ApplicationScoped
public class AuditLog {

    /** Stable, canonical JSON for before/after snapshots. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    /** Records a change made by the current user. {@code before}/{@code after} are maps or records; null for none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, Object targetId, Object before, Object after) {
        boolean user = currentUser.isAuthenticated();
        write(user ? currentUser.subject() : "anonymous",
                user ? currentUser.username() : "anonymous",
                user ? currentUser.rolesText() : "",
                action, targetType, targetId, before, after);
    }

    /** Records a change made by the system itself (scheduled jobs, imports at start-up). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(String action, String targetType, Object targetId, Object before, Object after) {
        write("system", "system", "", action, targetType, targetId, before, after);
    }

    private void write(String subject, String name, String roles, String action, String targetType, Object targetId,
            Object before, Object after) {
        em.createNativeQuery("""
                INSERT INTO audit_record (actor_subject, actor_name, actor_roles, action, target_type, target_id,
                                          before_state, after_state, request_id, prev_hash, hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), cast(?8 as jsonb), ?9, '', '')""")
                .setParameter(1, subject)
                .setParameter(2, name)
                .setParameter(3, roles)
                .setParameter(4, action)
                .setParameter(5, targetType)
                .setParameter(6, String.valueOf(targetId))
                .setParameter(7, toJson(before))
                .setParameter(8, toJson(after))
                .setParameter(9, RequestIds.current())
                .executeUpdate();
    }

    public static String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit state is not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** Convenience for small snapshots: {@code AuditLog.state("status", "SUBMITTED", ...)}. */
    public static Map<String, Object> state(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return m;
    }
}
