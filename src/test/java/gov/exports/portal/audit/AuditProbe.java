package gov.exports.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.exports.portal.support.PortalSession;

/**
 * Performs one state-changing action as a signed-in user and finds the audit record it left: who (the user's own subject,
 * user name and roles), when (during the action), what (one of the actions the route is declared to write, on the object
 * acted upon) and the state before and after. Remembers which routes were performed, for the completeness check.
 */
final class AuditProbe {

    /** What the action does to its object, and so which of before/after the record must carry. */
    enum Change {
        /** a new object: nothing before, the new object after */
        CREATE,
        /** an existing object changes: both, and they differ */
        UPDATE,
        /** an object goes away: what it was before (after may be empty) */
        DELETE
    }

    /** One audit record as stored, with its before/after read as JSON objects. */
    record Audit(long id, OffsetDateTime at, String action, String actorSubject, String actorName, String actorRoles, String targetType,
            String targetId, Map<String, Object> before, Map<String, Object> after, String requestId) {

        Object before(String key) {
            assertNotNull(before, action + ": no before state");
            assertTrue(before.containsKey(key), action + ": before state has no " + key + ": " + before);
            return before.get(key);
        }

        Object after(String key) {
            assertNotNull(after, action + ": no after state");
            assertTrue(after.containsKey(key), action + ": after state has no " + key + ": " + after);
            return after.get(key);
        }

        /** Asserts a field of the before state, compared as text (numbers and dates are JSON). */
        Audit before(String key, Object expected) {
            assertEquals(String.valueOf(expected), String.valueOf(before(key)), action + " before." + key + ": " + this);
            return this;
        }

        Audit after(String key, Object expected) {
            assertEquals(String.valueOf(expected), String.valueOf(after(key)), action + " after." + key + ": " + this);
            return this;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final DataSource db;
    private final Map<String, String> actions;
    /** route → the audit action seen for it (several when a route writes alternatives) */
    final Map<String, Set<String>> performed = new TreeMap<>();
    /** user name → the subjects its records carried */
    final Map<String, Set<String>> subjects = new TreeMap<>();

    AuditProbe(DataSource db, Map<String, String> actions) {
        this.db = db;
        this.actions = actions;
    }

    /**
     * Runs {@code action} (which returns the id of the object it acted upon, known only afterwards for creations) and
     * asserts the newest matching record: one of the route's actions, on {@code targetType}/that id, by {@code as}.
     */
    Audit perform(String route, PortalSession as, String targetType, Change change, Callable<Object> action) {
        String declared = actions.get(route);
        assertNotNull(declared, route + " is not a declared state-changing route");
        assertNotEquals("NONE", declared, route + " is declared to write no record");
        List<String> expected = List.of(declared.split("\\|"));
        long mark = lastId();
        OffsetDateTime started = now();
        Object targetId;
        try {
            targetId = action.call();
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(route + " as " + as.username() + ": " + e, e);
        }
        assertNotNull(targetId, route + ": the action did not say which object it acted upon");
        List<Audit> written = since(mark);
        List<Audit> found = written.stream().filter(a -> expected.contains(a.action()) && targetType.equals(a.targetType())
                && String.valueOf(targetId).equals(a.targetId())).toList();
        if (found.isEmpty()) {
            fail(route + " as " + as.username() + ": no " + expected + " record on " + targetType + " " + targetId + "; written: "
                    + written.stream().map(a -> a.action() + " " + a.targetType() + "/" + a.targetId() + " by " + a.actorName()).toList());
        }
        Audit a = found.get(found.size() - 1);
        String what = route + " → " + a.action() + " " + targetType + "/" + targetId + ": ";
        // who: the signed-in user, by the subject Keycloak gave them, never anonymous or the system
        assertEquals(as.username(), a.actorName(), what + "actor name");
        assertFalse(a.actorSubject() == null || a.actorSubject().isBlank() || a.actorSubject().equals("anonymous")
                || a.actorSubject().equals("system"), what + "actor subject " + a.actorSubject());
        assertFalse(a.actorRoles() == null || a.actorRoles().isBlank(), what + "actor roles");
        // when: during the action (the database's clock on both sides)
        assertFalse(a.at().isBefore(started), what + "recorded at " + a.at() + ", before the action started at " + started);
        // before / after
        switch (change) {
            case CREATE -> {
                assertNull(a.before(), what + "a creation has no before state: " + a.before());
                assertTrue(a.after() != null && !a.after().isEmpty(), what + "no after state");
            }
            case UPDATE -> {
                assertTrue(a.before() != null && !a.before().isEmpty(), what + "no before state");
                assertTrue(a.after() != null && !a.after().isEmpty(), what + "no after state");
                assertNotEquals(a.before(), a.after(), what + "before and after are the same");
            }
            case DELETE -> assertTrue(a.before() != null && !a.before().isEmpty(), what + "no before state of what was removed");
        }
        performed.computeIfAbsent(route, r -> new TreeSet<>()).add(a.action());
        subjects.computeIfAbsent(as.username(), u -> new TreeSet<>()).add(a.actorSubject());
        return a;
    }

    /** A route declared to write no record: performed, and it wrote none. */
    void performExempt(String route, PortalSession as, Runnable action) {
        assertEquals("NONE", actions.get(route), route);
        long mark = lastId();
        action.run();
        List<Audit> written = since(mark).stream().filter(a -> Objects.equals(a.actorName(), as.username())).toList();
        assertEquals(List.of(), written, route + " is declared to write no record");
        performed.computeIfAbsent(route, r -> new TreeSet<>()).add("NONE");
    }

    /** Records written since the given id, oldest first. */
    List<Audit> since(long id) {
        List<Audit> out = new ArrayList<>();
        try (Connection c = db.getConnection(); var st = c.prepareStatement("SELECT id, occurred_at, action, actor_subject, actor_name, "
                + "actor_roles, target_type, target_id, before_state::text, after_state::text, request_id FROM audit_record WHERE id > ? ORDER BY id")) {
            st.setLong(1, id);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Audit(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), map(rs.getString(9)), map(rs.getString(10)), rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    long lastId() {
        return number("SELECT coalesce(max(id), 0) FROM audit_record");
    }

    OffsetDateTime now() {
        try (Connection c = db.getConnection(); var rs = c.createStatement().executeQuery("SELECT now()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row (-1 when there is none); {@code params} bind in order. */
    long number(String sql, Object... params) {
        try (Connection c = db.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String text(String sql, Object... params) {
        try (Connection c = db.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection c = db.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> map(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("audit state is not a JSON object: " + json, e);
        }
    }
}
