package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A vendor of one organisation (AMD) tries every id-taking page a vendor may use with the ids of another
 * organisation's records (NVIDIA's draft, submitted application, documents, information request and its
 * documents, decision letter and licence): each answers 404, indistinguishable from the 404 for an id that
 * does not exist, and the page names nothing of NVIDIA's record.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossOrganisationAccessTest {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final long MISSING = 987_654_321L;

    @Inject
    ReviewFixtures fixtures;

    @Inject
    EntityManager em;

    /** Path parameter name → NVIDIA's id for it (filled in per record family). */
    long nvDraft;
    long nvDecided;
    long nvDraftDoc;
    long nvDecidedDoc;
    long nvRequest;
    long nvRequestDoc;
    long nvLetter;
    long nvLicence;
    long amdDraft;
    long amdDraftDoc;
    String nvReference;
    String nvLicenceNumber;

    boolean created;

    /** Not in @BeforeAll: REST Assured's port is set only once the first test starts. */
    void nvidiaRecords() {
        if (created) {
            return;
        }
        created = true;
        PortalSession officer = PortalSession.of("officer");
        PortalSession senior = PortalSession.of("senior");
        PortalSession nvidia = PortalSession.of("nvidia-vendor");
        nvDraft = fixtures.completeDraft("nvidia", 10, "31000.00");
        nvDecided = fixtures.submitted("nvidia");
        amdDraft = fixtures.completeDraft("amd", 10, "31000.00");
        ReviewFixtures.DecidedCase decidedCase = fixtures.decideThroughForms(nvDecided, officer, senior, nvidia,
                "Which NVIDIA-only laboratory tests the shipments?", "Secret lab answer of NVIDIA.", "nvidia-secret-lab-report.pdf");
        nvRequest = decidedCase.request();
        nvRequestDoc = number("SELECT id FROM information_request_document WHERE request_id = " + nvRequest);
        nvLetter = decidedCase.letter();
        nvLicence = decidedCase.licence();
        nvDraftDoc = number("SELECT id FROM application_document WHERE application_id = " + nvDraft);
        nvDecidedDoc = number("SELECT id FROM application_document WHERE application_id = " + nvDecided);
        amdDraftDoc = number("SELECT id FROM application_document WHERE application_id = " + amdDraft);
        nvReference = text("SELECT reference FROM application WHERE id = " + nvDecided);
        nvLicenceNumber = text("SELECT number FROM licence WHERE id = " + nvLicence);
    }

    String caseVersion(long id) {
        return fixtures.caseVersion(id);
    }

    long number(String sql) {
        return fixtures.number(sql);
    }

    String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).getSingleResult());
    }

    /** The ids each path parameter takes in one attempt. */
    record Ids(String label, long id, long documentId, long requestId, long letterId) {
    }

    @Test
    void everyVendorRouteWithIdsAnswersForeignIdsExactlyAsMissingOnes() {
        nvidiaRecords();
        var routes = AuthorizationMatrixTest.loadExpectations().entrySet().stream()
                .filter(e -> e.getKey().method().equals("GET") && e.getKey().path().contains("{"))
                .filter(e -> e.getValue().allows(java.util.Set.of("vendor")))
                .map(e -> e.getKey().path()).distinct().toList();
        assertTrue(routes.contains("/applications/{id}/documents/{documentId}"), routes.toString());
        assertTrue(routes.contains("/licences/{id}.pdf"), routes.toString());

        List<Ids> foreign = List.of(
                new Ids("NVIDIA draft", nvDraft, nvDraftDoc, nvRequest, nvLetter),
                new Ids("NVIDIA decided application", nvDecided, nvDecidedDoc, nvRequest, nvLetter),
                // AMD's own application with NVIDIA's child ids: the child must belong to the parent
                new Ids("AMD draft with NVIDIA documents", amdDraft, nvDecidedDoc, nvRequest, nvLetter));
        Ids missing = new Ids("missing", MISSING, MISSING, MISSING, MISSING);
        PortalSession amd = PortalSession.of("amd-vendor");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String route : routes) {
            if (route.startsWith("/customers/") || route.startsWith("/bills/") || route.startsWith("/members/")) {
                continue; // the shared registry and the public tracker belong to no organisation
            }
            Response none = amd.given().get(concrete(route, missing, true));
            for (Ids ids : foreign) {
                if (ids.id == amdDraft && !route.matches(".*\\{(documentId|requestId|letterId)}.*")) {
                    continue; // AMD's own application page itself is AMD's to see
                }
                if (route.startsWith("/licences/{id}")) {
                    ids = new Ids(ids.label, nvLicence, 0, 0, 0);
                }
                String path = concrete(route, ids, false);
                Response r = amd.given().get(path);
                checked++;
                String body = r.asString();
                if (r.statusCode() != 404) {
                    failures.add(path + " (" + ids.label + "): HTTP " + r.statusCode());
                    continue;
                }
                if (none.statusCode() != 404) {
                    failures.add(concrete(route, missing, true) + " (missing): HTTP " + none.statusCode());
                }
                if (!title(body).equals(title(none.asString()))) {
                    failures.add(path + ": title '" + title(body) + "' differs from missing id's '" + title(none.asString()) + "'");
                }
                if (!String.valueOf(r.contentType()).equals(String.valueOf(none.contentType()))) {
                    failures.add(path + ": content type " + r.contentType() + " vs " + none.contentType());
                }
                for (String secret : List.of(nvReference, nvLicenceNumber, "NVIDIA", "nvidia-secret-lab-report", "Secret lab answer",
                        "NVIDIA-only laboratory")) {
                    if (body.contains(secret)) {
                        failures.add(path + ": 404 page reveals '" + secret + "'");
                    }
                }
            }
        }
        assertTrue(checked >= 30, "checked only " + checked);
        if (!failures.isEmpty()) {
            fail("Foreign ids not answered as missing ones:\n  " + String.join("\n  ", failures));
        }
        // the owner still sees them: the 404s above are about organisation, not broken routes
        PortalSession nvidia = PortalSession.of("nvidia-vendor");
        nvidia.given().get("/licences/" + nvLicence).then().statusCode(200);
        nvidia.given().get("/applications/" + nvDecided + "/documents/" + nvDecidedDoc).then().statusCode(200);
        nvidia.given().get("/applications/" + nvDecided + "/letters/" + nvLetter).then().statusCode(200);
        PortalSession.of("amd-vendor").given().get("/applications/" + amdDraft + "/documents/" + amdDraftDoc).then().statusCode(200);
    }

    @Test
    void stateChangingPostsWithForeignIdsAreRefusedAndChangeNothing() {
        nvidiaRecords();
        PortalSession amd = PortalSession.of("amd-vendor");
        String before = state();
        long amdApplications = number("SELECT count(*) FROM application a JOIN organisation o ON o.id = a.organisation_id WHERE o.slug = 'amd'");
        Map<String, Object[]> posts = new LinkedHashMap<>();
        posts.put("/applications/" + nvDraft + "/submit", new Object[] {"version", "0"});
        posts.put("/applications/" + nvDraft + "/delete", new Object[] {"version", "0"});
        posts.put("/applications/" + nvDraft + "/end-use", new Object[] {"version", "0", "endUseStatement", "hijacked", "shippingRoute", "x"});
        posts.put("/applications/" + nvDraft + "/documents/" + nvDraftDoc + "/remove", new Object[] {"version", "0"});
        posts.put("/applications/" + amdDraft + "/documents/" + nvDraftDoc + "/remove", new Object[] {"version", "0"});
        posts.put("/applications/" + nvDecided + "/copy", new Object[] {});
        posts.put("/applications/" + nvDecided + "/withdraw", new Object[] {"version", "0"});
        posts.put("/applications/" + nvDecided + "/information-requests/" + nvRequest + "/answer", new Object[] {"version", "0", "answer", "x"});
        List<String> failures = new ArrayList<>();
        posts.forEach((path, params) -> {
            int status = FormPost.post(amd, path, params).statusCode();
            if (status != 404) {
                failures.add(path + ": HTTP " + status);
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(before, state(), "NVIDIA's records are unchanged");
        assertEquals(amdApplications, number("SELECT count(*) FROM application a JOIN organisation o ON o.id = a.organisation_id WHERE o.slug = 'amd'"),
                "no copy of NVIDIA's application was made for AMD");
    }

    String state() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "SELECT string_agg(a.id || ':' || a.status || ':' || a.version || ':' || coalesce(a.end_use_statement, '') || ':' "
                        + "|| (SELECT count(*) FROM application_document d WHERE d.application_id = a.id), ',' ORDER BY a.id) "
                        + "FROM application a WHERE a.id IN (" + nvDraft + "," + nvDecided + ")").getSingleResult()));
    }

    static String concrete(String route, Ids ids, boolean missing) {
        return route.replace("{id}", String.valueOf(ids.id)).replace("{documentId}", String.valueOf(ids.documentId))
                .replace("{requestId}", String.valueOf(ids.requestId)).replace("{letterId}", String.valueOf(ids.letterId))
                .replace("{role}", "consignee").replace("{quarter}", "2026-Q4")
                // children of a licence (shipments, amendments) and other ids this test has no record for: a missing id
                .replaceAll("\\{[A-Za-z]+}", String.valueOf(MISSING));
    }

    static String title(String html) {
        Matcher m = TITLE.matcher(html);
        return m.find() ? m.group(1).strip() : "";
    }

    static {
        assertFalse(title("<title>x</title>").isEmpty());
    }
}
