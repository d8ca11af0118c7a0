package gov.exports.portal.application;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.audit.AuditRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The rules of the application wizard and submission, over HTTP as vendors, officials and attackers see them. */
@QuarkusTest
class ApplicationFlowTest {

    static final Pattern REFERENCE = Pattern.compile("ELA-\\d{4}-\\d{6}");

    @Inject
    CdiEventRecorder events;

    final DraftDriver nvidia = new DraftDriver("nvidia-vendor");

    static Application load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id));
    }

    static long auditCount(String action, long applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditRecord.count("action = ?1 and targetId = ?2", action, String.valueOf(applicationId)));
    }

    @Test
    void aCompleteDraftIsSubmittedOnceWithAReferenceSnapshotPrecheckAndAudit() {
        long id = nvidia.completeDraft("H200");
        nvidia.get("/applications/" + id).then().statusCode(200)
                .body(containsString("You have completed 6 of 6 sections"))
                .body(containsString("Check your answers"));
        nvidia.get("/applications/" + id + "/check").then().statusCode(200)
                .body(containsString("Meets the policy in force"))
                .body(containsString("$2,500,000.00"));

        Response submitted = nvidia.submit(id);
        assertEquals(303, submitted.statusCode());
        assertTrue(submitted.header("Location").endsWith("/applications/" + id + "?notice=submitted"));
        String page = nvidia.get("/applications/" + id + "?notice=submitted").then().statusCode(200).extract().asString();
        Matcher m = REFERENCE.matcher(page);
        assertTrue(m.find(), "reference shown");
        assertTrue(page.contains("Application submitted"));
        assertTrue(page.contains("status-submitted\">Submitted"));
        assertTrue(page.contains("end-user statement.pdf"));
        assertTrue(page.contains("Revenue share (25%)"));
        assertTrue(page.contains("$625,000.00"), "25% of $2.5m, shown to the cent");

        Application app = load(id);
        assertEquals(ApplicationStatus.SUBMITTED, app.status);
        assertEquals(m.group(), app.reference);
        assertEquals("2026-01-H200", app.policyCode);
        assertTrue(app.snapshot.contains("\"model\": \"H200\"") && app.snapshot.contains("\"sha256\": \"" + gov.exports.portal.web.PdfFiles.sha256(DraftDriver.pdf("end-user statement")) + "\""), app.snapshot);
        assertTrue(app.precheck.contains("\"outcome\": \"MET\"") && !app.precheck.contains("NOT_MET"), app.precheck);
        assertTrue(events.submitted.contains(id), "ApplicationSubmitted fired for screening");
        assertEquals(1, auditCount("application.submitted", id));
        assertEquals(1, auditCount("application.created", id));
        assertTrue(auditCount("application.document.added", id) == 1 && auditCount("application.certifications.saved", id) == 1);

        // officials see it in the queue and its frozen snapshot, and can open its document
        DraftDriver officer = new DraftDriver("officer");
        officer.get("/officer").then().statusCode(200).body(containsString(app.reference)).body(containsString("NVIDIA Corporation"));
        String official = officer.get("/officer/applications/" + id).then().statusCode(200).extract().asString();
        assertTrue(official.contains("Shanghai Example Cloud Computing Co., Ltd.") && official.contains("2026-01-H200"));
        Matcher doc = Pattern.compile("/applications/" + id + "/documents/(\\d+)").matcher(official);
        assertTrue(doc.find());
        Response download = officer.get(doc.group());
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.contentType());
        assertTrue(download.header("Content-Disposition").startsWith("attachment; filename=\"end-user statement.pdf\""));
        assertTrue(new String(download.asByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

        // the vendor's dashboard lists it; searching by reference finds it, filtering by another status does not
        nvidia.get("/vendor?q=" + app.reference).then().statusCode(200).body(containsString(app.reference))
                .body(containsString("Shanghai Example Cloud Computing"));
        nvidia.get("/vendor?status=WITHDRAWN&q=" + app.reference).then().statusCode(200).body(containsString("No applications match."))
                .body(not(containsString("/applications/" + id + "\"")));
    }

    @Test
    void anExcludedProductCannotBeSubmittedAndTheReasonIsShownNextToTheLine() {
        long id = nvidia.completeDraft("B200");
        String products = nvidia.get("/applications/" + id + "/products").then().statusCode(200).extract().asString();
        assertTrue(products.contains("Cannot be applied for."));
        assertTrue(products.contains("NVIDIA B200 is a Blackwell product"));

        Response r = nvidia.submit(id);
        assertEquals(400, r.statusCode());
        String html = r.body().asString();
        assertTrue(html.contains("There is a problem"));
        int line = html.indexOf("<tr id=\"line-");
        assertTrue(line > 0);
        String row = html.substring(line, html.indexOf("</tr>", line));
        assertTrue(row.contains("B200") && row.contains("excludes the Blackwell architecture"), row);
        assertTrue(html.contains("href=\"#line-"), "the error summary links to the line");
        Application app = load(id);
        assertEquals(ApplicationStatus.DRAFT, app.status);
        assertEquals(null, app.reference);
        assertEquals(0, auditCount("application.submitted", id));
    }

    @Test
    void anIncompleteDraftIsRefusedWithEveryMissingAnswerListed() {
        long id = nvidia.create();
        Response r = nvidia.submit(id);
        assertEquals(400, r.statusCode());
        String html = r.body().asString();
        for (String msg : List.of("Add at least one product line", "Name the ultimate consignee", "Describe the end use",
                "Upload at least one supporting document (PDF)", "certifications the licence policy requires")) {
            assertTrue(html.contains(msg), msg);
        }
        assertEquals(ApplicationStatus.DRAFT, load(id).status);
    }

    @Test
    void doubleSubmissionCreatesOneSubmissionAndTheSecondLandsOnTheApplication() throws Exception {
        long id = nvidia.completeDraft("H20");
        int version = nvidia.version(id);
        String token = nvidia.session.csrfToken();
        Callable<Response> click = () -> nvidia.session.given().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("version", version).post("/applications/" + id + "/submit");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clicks.add(pool.submit(click));
        }
        List<String> locations = new ArrayList<>();
        for (Future<Response> f : clicks) {
            Response r = f.get();
            assertEquals(303, r.statusCode(), r.body().asString());
            locations.add(r.header("Location"));
        }
        pool.shutdown();
        assertEquals(1, locations.stream().filter(l -> l.endsWith("notice=submitted")).count(), locations.toString());
        assertEquals(2, locations.stream().filter(l -> l.endsWith("notice=already-submitted")).count(), locations.toString());
        assertEquals(1, auditCount("application.submitted", id));
        assertEquals(1, events.submitted.stream().filter(x -> x == id).count());
        nvidia.get("/applications/" + id + "?notice=already-submitted").then().statusCode(200)
                .body(containsString("it was not submitted twice"));
    }

    @Test
    void anotherOrganisationGets404ForEveryApplicationAndDocumentUrl() {
        long id = nvidia.completeDraft("H200");
        String docs = nvidia.get("/applications/" + id + "/documents").then().statusCode(200).extract().asString();
        Matcher doc = Pattern.compile("/applications/" + id + "/documents/(\\d+)\"").matcher(docs);
        assertTrue(doc.find());
        String docPath = "/applications/" + id + "/documents/" + doc.group(1);
        assertEquals(200, nvidia.get(docPath).statusCode());

        DraftDriver amd = new DraftDriver("amd-vendor");
        for (String path : List.of("/applications/" + id, "/applications/" + id + "/products", "/applications/" + id + "/check",
                "/applications/" + id + "/parties/consignee", "/applications/" + id + "/documents", docPath,
                "/applications/" + id + "/withdraw", "/applications/" + id + "/delete")) {
            Response r = amd.get(path);
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.body().asString().contains("Shanghai Example"), path);
        }
        for (String path : List.of("/applications/" + id + "/submit", "/applications/" + id + "/delete",
                "/applications/" + id + "/copy", "/applications/" + id + "/end-use")) {
            assertEquals(404, amd.post(path, "version", 0, "endUseStatement", "hijack").statusCode(), path);
        }
        // nothing changed, and the AMD dashboard does not list it
        assertEquals(ApplicationStatus.DRAFT, load(id).status);
        assertFalse(load(id).endUseStatement.contains("hijack"));
        amd.get("/vendor").then().statusCode(200).body(not(containsString("/applications/" + id + "\"")));
        // officials do not see drafts
        assertEquals(404, new DraftDriver("officer").get("/officer/applications/" + id).statusCode());
        assertEquals(404, new DraftDriver("officer").get(docPath).statusCode());
    }

    @Test
    void aSubmittedApplicationCannotBeEdited() {
        long id = nvidia.completeDraft("Instinct MI308X");
        assertEquals(303, nvidia.submit(id).statusCode());
        Application before = load(id);
        Response r = nvidia.post("/applications/" + id + "/end-use", "version", before.version, "endUseStatement", "Changed afterwards");
        assertEquals(409, r.statusCode());
        assertTrue(r.body().asString().contains("has been submitted and can no longer be changed"));
        assertEquals(409, nvidia.post("/applications/" + id + "/products", "version", before.version, "productId",
                DraftDriver.productId("B200"), "quantity", 1, "unitPrice", "1.00").statusCode());
        assertEquals(409, nvidia.post("/applications/" + id + "/delete", "version", before.version).statusCode());
        // the edit pages send the user back to the application page
        Response page = nvidia.get("/applications/" + id + "/end-use");
        assertEquals(303, page.statusCode());
        Application after = load(id);
        assertEquals(before.version, after.version);
        assertEquals(before.endUseStatement, after.endUseStatement);
        assertEquals(before.snapshot, after.snapshot);
    }

    @Test
    void twoMembersEditingOneDraftGetAClearConflictAndNothingIsSilentlyLost() {
        long id = nvidia.create();
        DraftDriver admin = new DraftDriver("nvidia-admin");
        int seen = nvidia.version(id);
        assertEquals(seen, admin.version(id), "both opened the same version");
        assertEquals(303, nvidia.post("/applications/" + id + "/end-use", "version", seen, "endUseStatement",
                "Nora's statement").statusCode());
        Response late = admin.post("/applications/" + id + "/end-use", "version", seen, "endUseStatement", "Nate's statement");
        assertEquals(409, late.statusCode());
        assertTrue(late.body().asString().contains("Another member of your organisation saved changes to this draft"));
        assertEquals("Nora's statement", load(id).endUseStatement);
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedWhateverItsName() {
        long id = nvidia.create();
        Response r = nvidia.upload(id, "invoice.pdf", "<html><script>alert(1)</script></html>".getBytes());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().asString().contains("The file must be a PDF"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ApplicationDocument.count("application.id", id)));
        // a real PDF with a hostile name is stored under a sanitised name
        assertEquals(303, nvidia.upload(id, "../../etc/passwd.pdf", DraftDriver.pdf("x")).statusCode());
        ApplicationDocument d = QuarkusTransaction.requiringNew()
                .call(() -> ApplicationDocument.<ApplicationDocument> find("application.id", id).firstResult());
        assertEquals("passwd.pdf", d.fileName);
        assertEquals(gov.exports.portal.web.PdfFiles.sha256(DraftDriver.pdf("x")), d.sha256);
    }

    @Test
    void badInputIsShownNextToTheFieldsAndKept() {
        long id = nvidia.create();
        Response r = nvidia.post("/applications/" + id + "/products", "version", nvidia.version(id), "productId", "",
                "quantity", "many", "unitPrice", "12.345");
        assertEquals(400, r.statusCode());
        String html = r.body().asString();
        assertTrue(html.contains("There is a problem"));
        assertTrue(html.contains("Choose a product"));
        assertTrue(html.contains("The quantity must be a whole number"));
        assertTrue(html.contains("The unit price must be in dollars and cents"));
        assertTrue(html.contains("value=\"many\"") && html.contains("value=\"12.345\""), "input kept");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ApplicationLine.count("application.id", id)));
    }

    @Test
    void aPartyNotInTheRegisterIsFlaggedForTheOfficer() {
        long id = nvidia.create();
        assertEquals(303, nvidia.post("/applications/" + id + "/parties/consignee", "version", nvidia.version(id), "customerId", "",
                "name", "Unlisted Trading Co.", "address", "5 Unknown Road", "city", "Guangzhou", "country", "cn").statusCode());
        nvidia.get("/applications/" + id + "/check").then().statusCode(200)
                .body(containsString("Not in the register of approved customers: the officer will assess this party."))
                .body(containsString("Not in the register of approved customers: the officer must assess this party."));
    }

    @Test
    void withdrawCopyAndDeleteFollowTheLifecycle() {
        long id = nvidia.completeDraft("Gaudi 2");
        assertEquals(303, nvidia.submit(id).statusCode());
        Application submitted = load(id);
        nvidia.get("/applications/" + id + "/withdraw").then().statusCode(200).body(containsString("Are you sure"));
        Response w = nvidia.post("/applications/" + id + "/withdraw", "version", submitted.version, "reason", "Customer cancelled");
        assertEquals(303, w.statusCode());
        assertEquals(ApplicationStatus.WITHDRAWN, load(id).status);
        nvidia.get("/applications/" + id).then().statusCode(200).body(containsString("Withdrawn by Nora Vance: Customer cancelled"));
        assertEquals(409, nvidia.post("/applications/" + id + "/withdraw", "version", load(id).version).statusCode());
        assertEquals(1, auditCount("application.withdrawn", id));

        Response copy = nvidia.post("/applications/" + id + "/copy");
        assertEquals(303, copy.statusCode());
        Matcher m = DraftDriver.APP_ID.matcher(copy.header("Location"));
        assertTrue(m.find());
        long copyId = Long.parseLong(m.group(1));
        Application draft = load(copyId);
        assertEquals(ApplicationStatus.DRAFT, draft.status);
        assertEquals(id, draft.copiedFromId);
        assertNotNull(draft.endUseStatement);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ApplicationLine.count("application.id", copyId)));

        nvidia.get("/applications/" + copyId + "/delete").then().statusCode(200);
        assertEquals(303, nvidia.post("/applications/" + copyId + "/delete", "version", draft.version).statusCode());
        assertEquals(null, load(copyId));
        assertEquals(1, auditCount("application.deleted", copyId));
    }

    @Test
    void anOfficialsMessageReachesTheVendorAndIsAudited() {
        long id = nvidia.completeDraft("H200");
        assertEquals(303, nvidia.submit(id).statusCode());
        DraftDriver officer = new DraftDriver("officer");
        Response empty = officer.post("/officer/applications/" + id + "/messages", "message", " ");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().asString().contains("Enter the message to the exporter"));
        assertEquals(303, officer.post("/officer/applications/" + id + "/messages", "message",
                "Please upload the signed end-user certificate <b>in English</b>.").statusCode());
        String page = nvidia.get("/applications/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Please upload the signed end-user certificate &lt;b&gt;in English&lt;/b&gt;."), "escaped, shown");
        assertEquals(1, auditCount("application.message.sent", id));
        // the AMD vendor cannot read it, officials cannot message a draft
        assertEquals(404, new DraftDriver("amd-vendor").get("/applications/" + id).statusCode());
        long draft = nvidia.create();
        assertEquals(404, officer.post("/officer/applications/" + draft + "/messages", "message", "hello").statusCode());
    }

    @Test
    void theDashboardPagesTwentyApplicationsAtATimeNewestFirst() {
        DraftDriver intel = new DraftDriver("intel-vendor");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(intel.create());
        }
        String first = intel.get("/vendor").then().statusCode(200).extract().asString();
        assertTrue(first.contains("/applications/" + ids.get(20) + "\""), "newest on page 1");
        assertFalse(first.contains("/applications/" + ids.get(0) + "\""), "oldest not on page 1");
        assertTrue(first.contains("href=\"/vendor?page=2\" rel=\"next\""));
        String second = intel.get("/vendor?page=2").then().statusCode(200).extract().asString();
        assertTrue(second.contains("/applications/" + ids.get(0) + "\""));
        assertTrue(second.contains("rel=\"prev\""));
        intel.get("/vendor?status=DRAFT&q=%25").then().statusCode(200).body(containsString("No applications match."));
    }
}
