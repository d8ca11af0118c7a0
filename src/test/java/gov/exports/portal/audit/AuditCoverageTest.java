package gov.exports.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.PortalTraffic;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every state-changing route leaves an audit record. The first test pins, for every POST route of the authorization
 * expectation files, the audit action(s) it must write (a new form route without one fails the build) and checks that the
 * code writes each of them. The second performs the actions a vendor, officers, an editor and an admin take through the
 * real forms and finds each one's record: who (the signed-in user), what (action, target) and the state before/after.
 */
@QuarkusTest
class AuditCoverageTest {

    /** POST route → the audit action(s) it writes ("|" between alternatives); NONE for the one route exempt and why. */
    static final Map<String, String> ACTIONS = new LinkedHashMap<>();
    static {
        ACTIONS.put("/applications", "application.created");
        ACTIONS.put("/applications/{id}/copy", "application.copied");
        ACTIONS.put("/applications/{id}/delete", "application.deleted");
        ACTIONS.put("/applications/{id}/products", "application.line.added");
        ACTIONS.put("/applications/{id}/products/{lineId}/remove", "application.line.removed");
        ACTIONS.put("/applications/{id}/parties/{role}", "application.party.saved");
        ACTIONS.put("/applications/{id}/intermediaries", "application.intermediaries.confirmed|application.party.saved");
        ACTIONS.put("/applications/{id}/intermediaries/{partyId}/remove", "application.party.removed");
        ACTIONS.put("/applications/{id}/end-use", "application.end-use.saved");
        ACTIONS.put("/applications/{id}/certifications", "application.certifications.saved");
        ACTIONS.put("/applications/{id}/documents", "application.document.added");
        ACTIONS.put("/applications/{id}/documents/{documentId}/remove", "application.document.removed");
        ACTIONS.put("/applications/{id}/submit", "application.submitted");
        ACTIONS.put("/applications/{id}/withdraw", "application.withdrawn");
        ACTIONS.put("/applications/{id}/information-requests/{requestId}/answer", "review.information.answered");
        ACTIONS.put("/officer/applications/{id}/messages", "application.message.sent");
        ACTIONS.put("/review/cases/{id}/take", "review.taken");
        ACTIONS.put("/review/cases/{id}/assign", "review.assigned|review.reassigned");
        ACTIONS.put("/review/cases/{id}/notes", "review.note.added");
        ACTIONS.put("/review/cases/{id}/messages", "application.message.sent");
        ACTIONS.put("/review/cases/{id}/information-requests", "review.information.requested");
        ACTIONS.put("/review/cases/{id}/recommendation", "review.recommended");
        ACTIONS.put("/review/cases/{id}/countersignature", "review.countersigned|review.sent.back");
        ACTIONS.put("/review/cases/{id}/licence", "licence.issued");
        ACTIONS.put("/licences/{id}/shipments", "licence.shipment.reported");
        ACTIONS.put("/licences/{id}/shipments/{shipmentId}/correction", "licence.shipment.corrected");
        ACTIONS.put("/licences/{id}/status", "licence.suspended|licence.reinstated|licence.revoked");
        ACTIONS.put("/licences/{id}/amendments", "licence.amendment.requested");
        ACTIONS.put("/licences/{id}/amendments/{amendmentId}/recommendation", "licence.amendment.recommended");
        ACTIONS.put("/licences/{id}/amendments/{amendmentId}/countersignature", "licence.amended|licence.amendment.refused|licence.amendment.sent-back");
        // the request queues a job (audited); the worker then writes licence.suspended per licence
        ACTIONS.put("/licences/policy-events/{kind}/{id}/suspension", "licence.bulk-suspension.requested");
        ACTIONS.put("/licences/shipment-ratio/us-shipments", "licence.us-shipments.declared|licence.us-shipments.corrected");
        ACTIONS.put("/revenue/statements/{organisationId}/{quarter}/payment", "revenue.statement.paid");
        ACTIONS.put("/products", "product.created");
        ACTIONS.put("/products/{id}", "product.updated");
        ACTIONS.put("/customers", "customer.created");
        ACTIONS.put("/customers/{id}", "customer.updated");
        ACTIONS.put("/organisation", "organisation.updated");
        ACTIONS.put("/organisation/members", "membership.created");
        ACTIONS.put("/organisation/members/{id}/active", "membership.deactivated|membership.reactivated");
        ACTIONS.put("/policy/drafts", "policy.draft.created");
        ACTIONS.put("/policy/drafts/{id}/publish", "policy.version.published");
        ACTIONS.put("/policy/drafts/{id}/discard", "policy.draft.discarded");
        ACTIONS.put("/tracker/imports", "bill-import.recorded|bill-import.refused");
        ACTIONS.put("/api/tracker/imports", "bill-import.recorded|bill-import.refused");
        ACTIONS.put("/tracker/bills/{congress}/{type}/{number}", "bill.curated");
        ACTIONS.put("/tracker/bills/{congress}/{type}/{number}/tracking", "bill.tracked|bill.untracked");
        ACTIONS.put("/tracker/bills/{congress}/{type}/{number}/refresh", "bill.updated|bill-import.recorded|bill-import.refused");
        ACTIONS.put("/tracker/bills/{congress}/{type}/{number}/policy", "bill.policy-linked");
        ACTIONS.put("/screening/hits/{id}/disposition", "screening.hit.dispositioned");
        ACTIONS.put("/screening/import", "screening.list.import-requested");
        ACTIONS.put("/screening/entries", "screening.entry.added");
        ACTIONS.put("/screening/entries/{id}/retire", "screening.entry.retired");
        ACTIONS.put("/admin/audit/verify", "audit.verified");
        // marks the user's own notifications as read: no application, licence, customer, list or bill changes
        ACTIONS.put("/notifications/read", "NONE");
    }

    @Inject
    DataSource dataSource;

    static List<String> postRoutes() throws IOException {
        List<String> routes = new ArrayList<>();
        for (String file : List.of("aftercare", "applications", "congress", "foundation", "review", "screening")) {
            try (InputStream in = AuditCoverageTest.class.getResourceAsStream("/authz/" + file + ".tsv")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] cols = line.strip().split("\\s+");
                    if (cols.length > 1 && cols[0].equals("POST")) {
                        routes.add(cols[1]);
                    }
                }
            }
        }
        return routes;
    }

    @Test
    void everyStateChangingRouteNamesTheAuditActionsItWritesAndTheCodeWritesThem() throws IOException {
        assertEquals(new TreeSet<>(postRoutes()), new TreeSet<>(ACTIONS.keySet()), "POST routes in authz/*.tsv and audit actions here");
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(p));
            }
        }
        for (var e : ACTIONS.entrySet()) {
            for (String action : e.getValue().split("\\|")) {
                if (!action.equals("NONE")) {
                    assertTrue(code.indexOf("\"" + action + "\"") >= 0, e.getKey() + ": the code never writes " + action);
                }
            }
        }
    }

    record Audit(String action, String actorSubject, String actorName, String targetType, String targetId, String before, String after) {
    }

    List<Audit> since(long id) throws SQLException {
        List<Audit> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement("SELECT action, actor_subject, actor_name, target_type, "
                + "target_id, before_state::text, after_state::text FROM audit_record WHERE id > ? ORDER BY id")) {
            st.setLong(1, id);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Audit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }

    long lastAuditId() throws SQLException {
        try (Connection c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("SELECT coalesce(max(id), 0) FROM audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Performs one action and asserts its audit record: by this signed-in user, on this target, with a state. */
    void audited(String route, String user, String targetType, Object targetId, Runnable action) throws SQLException {
        long before = lastAuditId();
        action.run();
        List<String> expected = List.of(ACTIONS.get(route).split("\\|"));
        List<Audit> found = since(before).stream().filter(a -> expected.contains(a.action())).toList();
        assertFalse(found.isEmpty(), route + ": no " + expected + " record; got " + since(before));
        Audit a = found.get(found.size() - 1);
        assertFalse(a.actorSubject().isBlank() || a.actorSubject().equals("anonymous") || a.actorSubject().equals("system"), route + ": who? " + a);
        assertTrue(a.actorName() != null && !a.actorName().isBlank(), route + ": no actor name " + a);
        assertEquals(targetType, a.targetType(), route + ": " + a);
        if (targetId != null) {
            assertEquals(String.valueOf(targetId), a.targetId(), route + ": " + a);
        }
        assertTrue(a.before() != null || a.after() != null, route + ": no state before or after " + a);
        DRIVEN.add(route);
        ACTORS.computeIfAbsent(user, u -> new TreeSet<>()).add(a.actorSubject());
    }

    static final java.util.Set<String> DRIVEN = new TreeSet<>();
    static final Map<String, java.util.Set<String>> ACTORS = new LinkedHashMap<>();

    static void ok(java.net.http.HttpResponse<String> r, String what) {
        assertEquals(303, r.statusCode(), what + ": " + r.body());
    }

    @Test
    void eachActionLeavesItsRecordWithWhoWhatAndState() throws Exception {
        PortalTraffic traffic = new PortalTraffic(() -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        PortalSession vendor = PortalSession.fresh("nvidia-vendor");
        PortalSession officer = PortalSession.fresh("officer");
        PortalSession senior = PortalSession.fresh("senior");

        long[] app = new long[1];
        long mark = lastAuditId();
        audited("/applications/{id}/submit", "nvidia-vendor", "application", null, () -> app[0] = traffic.fileApplication(vendor));
        // the wizard's steps, each with its own record on the application
        List<Audit> filing = since(mark);
        for (String route : List.of("/applications", "/applications/{id}/products", "/applications/{id}/parties/{role}",
                "/applications/{id}/intermediaries", "/applications/{id}/end-use", "/applications/{id}/certifications",
                "/applications/{id}/documents", "/applications/{id}/submit")) {
            List<String> expected = List.of(ACTIONS.get(route).split("\\|"));
            assertTrue(filing.stream().anyMatch(a -> expected.contains(a.action()) && a.targetId().equals(String.valueOf(app[0]))
                    && (a.before() != null || a.after() != null) && !a.actorSubject().equals("anonymous")), route + ": " + filing);
            DRIVEN.add(route);
        }
        String base = "/applications/" + app[0];

        long[] copy = new long[1];
        audited("/applications/{id}/copy", "nvidia-vendor", "application", null, () -> {
            var r = vendor.postForm(base + "/copy");
            ok(r, "copy");
            copy[0] = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll(".*/applications/(\\d+).*", "$1"));
        });
        String copyPath = "/applications/" + copy[0];
        long line = traffic.single("SELECT id FROM application_line WHERE application_id = ?", copy[0]);
        audited("/applications/{id}/products/{lineId}/remove", "nvidia-vendor", "application", copy[0], () -> ok(vendor.postForm(copyPath
                + "/products/" + line + "/remove", "version", traffic.version(vendor, copyPath + "/products")), "remove line"));
        audited("/applications/{id}/delete", "nvidia-vendor", "application", copy[0], () -> ok(vendor.postForm(copyPath + "/delete", "version",
                traffic.version(vendor, copyPath + "/delete")), "delete"));

        long second = traffic.fileApplication(vendor);
        audited("/applications/{id}/withdraw", "nvidia-vendor", "application", second, () -> ok(vendor.postForm("/applications/" + second
                + "/withdraw", "version", traffic.version(vendor, "/applications/" + second + "/withdraw"), "reason", "Customer changed its order."), "withdraw"));

        String c = "/review/cases/" + app[0];
        audited("/review/cases/{id}/take", "officer", "application", app[0], () -> ok(officer.postForm(c + "/take", "version",
                traffic.version(officer, c)), "take"));
        audited("/review/cases/{id}/notes", "officer", "application", app[0], () -> ok(officer.postForm(c + "/notes", "note",
                "Checked the end-user statement against the customer registry."), "note"));
        audited("/review/cases/{id}/messages", "officer", "application", app[0], () -> ok(officer.postForm(c + "/messages", "message",
                "Thank you, we are reviewing your application."), "message"));
        audited("/review/cases/{id}/recommendation", "officer", "application", app[0], () -> ok(officer.postForm(c + "/recommendation",
                "version", traffic.version(officer, c), "outcome", "APPROVE", "reasons", "Eligible product, approved customer."), "recommend"));
        audited("/review/cases/{id}/countersignature", "senior", "application", app[0], () -> ok(senior.postForm(c + "/countersignature",
                "version", traffic.version(senior, c), "decision", "agree"), "countersign"));
        long[] licence = new long[1];
        audited("/review/cases/{id}/licence", "officer", "licence", null, () -> licence[0] = traffic.issueLicence(officer, app[0]));
        long licenceLine = traffic.licenceLineOf(licence[0]);
        audited("/licences/{id}/shipments", "nvidia-vendor", "licence", licence[0], () -> assertTrue(traffic.reportShipment(vendor, licence[0],
                licenceLine, "AUDIT-1")));
        audited("/licences/{id}/status", "senior", "licence", licence[0], () -> ok(senior.postForm("/licences/" + licence[0] + "/status",
                "version", traffic.version(senior, "/licences/" + licence[0] + "/status"), "action", "SUSPEND", "reason",
                "End-use check pending."), "suspend"));

        PortalSession editor = PortalSession.fresh("editor");
        String bill = "/tracker/bills/119/s/3374";
        audited("/tracker/bills/{congress}/{type}/{number}/tracking", "editor", "bill", null, () -> ok(editor.postForm(bill + "/tracking",
                "version", traffic.version(editor, bill), "tracked", "false"), "untrack"));
        audited("/tracker/bills/{congress}/{type}/{number}/tracking", "editor", "bill", null, () -> ok(editor.postForm(bill + "/tracking",
                "version", traffic.version(editor, bill), "tracked", "true"), "track again"));
        PortalSession admin = PortalSession.fresh("admin");
        audited("/admin/audit/verify", "admin", "audit_trail", "chain", () -> assertTrue(admin.postForm("/admin/audit/verify").statusCode() < 400));

        // every driven action was recorded under the acting user's own subject, and the users are told apart
        assertEquals(ACTORS.size(), ACTORS.values().stream().flatMap(java.util.Set::stream).distinct().count(), "one subject per user: " + ACTORS);
        System.out.printf("Audit coverage: %d of %d state-changing routes driven here with their record checked: %s%n", DRIVEN.size(),
                ACTIONS.size(), DRIVEN);
    }
}
