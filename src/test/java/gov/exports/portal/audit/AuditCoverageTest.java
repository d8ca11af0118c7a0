package gov.exports.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.congress.TrackedBillRefresher;
import gov.exports.portal.licence.LicenceFixtures;
import gov.exports.portal.screening.ScreeningService;
import gov.exports.portal.support.PortalRoutes;
import gov.exports.portal.support.RouterCapture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every state-changing action leaves an audit record. {@link #ACTIONS} names, for every state-changing route the running
 * portal exposes (POST, PUT, DELETE, PATCH, found the way the authorization matrix finds routes), the audit action(s) it
 * writes. Each area's test then performs its routes over HTTP as the users who use them (signed-in form sessions with their
 * CSRF tokens, the JSON API with a bearer token) and checks each record: who, when, what (action and object id) and the
 * state before and after. The last test proves that the routes performed are exactly the state-changing routes, so a new
 * route without an audit check fails the build.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditCoverageTest {

    /** Route (METHOD path) → the audit action(s) it writes ("|" between alternatives); NONE for the one route exempt, and why. */
    static final Map<String, String> ACTIONS = new LinkedHashMap<>();
    static {
        // a vendor's draft and submission (AuditCoverageApplications)
        ACTIONS.put("POST /applications", "application.created");
        ACTIONS.put("POST /applications/{id}/copy", "application.copied");
        ACTIONS.put("POST /applications/{id}/delete", "application.deleted");
        ACTIONS.put("POST /applications/{id}/products", "application.line.added");
        ACTIONS.put("POST /applications/{id}/products/{lineId}/remove", "application.line.removed");
        ACTIONS.put("POST /applications/{id}/parties/{role}", "application.party.saved");
        ACTIONS.put("POST /applications/{id}/intermediaries", "application.intermediaries.confirmed|application.party.saved");
        ACTIONS.put("POST /applications/{id}/intermediaries/{partyId}/remove", "application.party.removed");
        ACTIONS.put("POST /applications/{id}/end-use", "application.end-use.saved");
        ACTIONS.put("POST /applications/{id}/certifications", "application.certifications.saved");
        ACTIONS.put("POST /applications/{id}/documents", "application.document.added");
        ACTIONS.put("POST /applications/{id}/documents/{documentId}/remove", "application.document.removed");
        ACTIONS.put("POST /applications/{id}/submit", "application.submitted");
        ACTIONS.put("POST /applications/{id}/withdraw", "application.withdrawn");
        ACTIONS.put("POST /officer/applications/{id}/messages", "application.message.sent");
        // the review (AuditCoverageReview)
        ACTIONS.put("POST /review/cases/{id}/take", "review.taken");
        ACTIONS.put("POST /review/cases/{id}/assign", "review.assigned|review.reassigned");
        ACTIONS.put("POST /review/cases/{id}/notes", "review.note.added");
        ACTIONS.put("POST /review/cases/{id}/messages", "application.message.sent");
        ACTIONS.put("POST /review/cases/{id}/information-requests", "review.information.requested");
        ACTIONS.put("POST /applications/{id}/information-requests/{requestId}/answer", "review.information.answered");
        ACTIONS.put("POST /review/cases/{id}/recommendation", "review.recommended");
        ACTIONS.put("POST /review/cases/{id}/countersignature", "review.countersigned|review.sent.back");
        ACTIONS.put("POST /review/cases/{id}/licence", "licence.issued");
        // after the licence (AuditCoverageAftercare)
        ACTIONS.put("POST /licences/{id}/shipments", "licence.shipment.reported");
        ACTIONS.put("POST /licences/{id}/shipments/{shipmentId}/correction", "licence.shipment.corrected");
        ACTIONS.put("POST /licences/{id}/status", "licence.suspended|licence.reinstated|licence.revoked");
        ACTIONS.put("POST /licences/{id}/amendments", "licence.amendment.requested");
        ACTIONS.put("POST /licences/{id}/amendments/{amendmentId}/recommendation", "licence.amendment.recommended");
        ACTIONS.put("POST /licences/{id}/amendments/{amendmentId}/countersignature",
                "licence.amended|licence.amendment.refused|licence.amendment.sent-back");
        ACTIONS.put("POST /licences/shipment-ratio/us-shipments", "licence.us-shipments.declared|licence.us-shipments.corrected");
        ACTIONS.put("POST /revenue/statements/{organisationId}/{quarter}/payment", "revenue.statement.paid");
        // reference data, policy, the bill tracker and policy events (AuditCoverageReferenceData, AuditCoverageTracker)
        ACTIONS.put("POST /products", "product.created");
        ACTIONS.put("POST /products/{id}", "product.updated");
        ACTIONS.put("POST /customers", "customer.created");
        ACTIONS.put("POST /customers/{id}", "customer.updated");
        ACTIONS.put("POST /policy/drafts", "policy.draft.created");
        ACTIONS.put("POST /policy/drafts/{id}/publish", "policy.version.published");
        ACTIONS.put("POST /policy/drafts/{id}/discard", "policy.draft.discarded");
        ACTIONS.put("POST /tracker/imports", "bill-import.recorded|bill-import.refused");
        ACTIONS.put("POST /api/tracker/imports", "bill-import.recorded|bill-import.refused");
        ACTIONS.put("POST /tracker/bills/{congress}/{type}/{number}", "bill.curated");
        ACTIONS.put("POST /tracker/bills/{congress}/{type}/{number}/tracking", "bill.tracked|bill.untracked");
        ACTIONS.put("POST /tracker/bills/{congress}/{type}/{number}/refresh", "bill-import.recorded|bill-import.refused");
        ACTIONS.put("POST /tracker/bills/{congress}/{type}/{number}/policy", "bill.policy-linked");
        // the request queues a job (audited as the senior officer's); the worker then writes licence.suspended per licence
        ACTIONS.put("POST /licences/policy-events/{kind}/{id}/suspension", "licence.bulk-suspension.requested");
        // organisations, members, administration (AuditCoverageAccounts)
        ACTIONS.put("POST /organisation", "organisation.updated");
        ACTIONS.put("POST /organisation/members", "membership.created");
        ACTIONS.put("POST /organisation/members/{id}/active", "membership.deactivated|membership.reactivated");
        ACTIONS.put("POST /admin/audit/verify", "audit.verified");
        // marks the user's own notifications as read: no application, licence, customer, list or bill changes
        ACTIONS.put("POST /notifications/read", "NONE");
        // denied-party screening (AuditCoverageScreening)
        ACTIONS.put("POST /screening/hits/{id}/disposition", "screening.hit.dispositioned");
        ACTIONS.put("POST /screening/import", "screening.list.import-requested");
        ACTIONS.put("POST /screening/entries", "screening.entry.added");
        ACTIONS.put("POST /screening/entries/{id}/retire", "screening.entry.retired");
    }

    /** Shared by the area tests of one run (JUnit makes a test instance per method). */
    static AuditProbe probe;

    @Inject
    DataSource dataSource;

    @Inject
    RouterCapture router;

    @Inject
    ReviewFixtures reviews;

    @Inject
    LicenceFixtures licences;

    @Inject
    ScreeningService screening;

    @Inject
    TrackedBillRefresher refresher;

    AuditProbe probe() {
        if (probe == null) {
            probe = new AuditProbe(dataSource, ACTIONS);
        }
        return probe;
    }

    /** The state-changing routes of the running portal, as METHOD path. */
    Set<String> stateChangingRoutes() {
        return PortalRoutes.discover(router).stream().filter(PortalRoutes.Route::changesState).map(PortalRoutes.Route::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @Order(1)
    void everyStateChangingRouteNamesTheAuditActionsItWritesAndTheCodeWritesThem() throws IOException {
        assertEquals(stateChangingRoutes(), new TreeSet<>(ACTIONS.keySet()), "state-changing routes of the portal and audit actions here");
        assertEquals(new TreeSet<>(authzStateChangingRoutes()), new TreeSet<>(ACTIONS.keySet()),
                "state-changing routes in authz/*.tsv and audit actions here");
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

    static List<String> authzStateChangingRoutes() throws IOException {
        List<String> routes = new ArrayList<>();
        for (String file : List.of("aftercare", "applications", "congress", "foundation", "review", "screening")) {
            try (InputStream in = AuditCoverageTest.class.getResourceAsStream("/authz/" + file + ".tsv")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] cols = line.strip().split("\\s+");
                    if (cols.length > 1 && !cols[0].startsWith("#") && new PortalRoutes.Route(cols[0], cols[1]).changesState()) {
                        routes.add(cols[0] + " " + cols[1]);
                    }
                }
            }
        }
        return routes;
    }

    @Test
    @Order(10)
    void aVendorsDraftAndSubmission() {
        new AuditCoverageApplications(probe(), reviews).run();
    }

    @Test
    @Order(20)
    void theReviewFromTakingTheCaseToIssuingTheLicence() {
        new AuditCoverageReview(probe(), reviews).run();
    }

    @Test
    @Order(30)
    void shipmentsAmendmentsStatusRatioAndRevenue() {
        new AuditCoverageAftercare(probe(), licences).run();
    }

    @Test
    @Order(40)
    void productsCustomersPolicyBillsAndPolicyEvents() {
        new AuditCoverageReferenceData(probe(), licences, refresher).run();
    }

    @Test
    @Order(50)
    void organisationMembersNotificationsAndTheAuditTrail() {
        new AuditCoverageAccounts(probe()).run();
    }

    @Test
    @Order(60)
    void screeningListsEntriesAndHits() {
        new AuditCoverageScreening(probe(), screening).run();
    }

    /** The routes performed above, with their records checked, are exactly the state-changing routes of the portal. */
    @Test
    @Order(100)
    void everyStateChangingRouteWasPerformedAndItsRecordChecked() {
        AuditProbe p = probe();
        Set<String> missing = new TreeSet<>(stateChangingRoutes());
        missing.removeAll(p.performed.keySet());
        assertEquals(Set.of(), missing, "state-changing routes not performed with their audit record checked");
        assertEquals(stateChangingRoutes(), p.performed.keySet());
        // each user's records carry that user's own subject, and no two users share one
        p.subjects.forEach((user, subjects) -> assertEquals(1, subjects.size(), user + ": " + subjects));
        assertEquals(p.subjects.size(), p.subjects.values().stream().flatMap(Set::stream).distinct().count(), "one subject per user: "
                + p.subjects);
        System.out.printf("Audit coverage: %d of %d state-changing routes performed with their record checked (%d users)%n",
                p.performed.size(), stateChangingRoutes().size(), p.subjects.size());
    }
}
