package gov.exports.portal.congress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import gov.exports.portal.audit.AuditRecord;
import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Tracker editors upload, curate and track bills; every change is audited; bad input is explained. */
@QuarkusTest
class TrackerEditorPagesTest {

    @Test
    void anEditorUploadsABillStatusFileAndSeesWhatChanged() {
        PortalSession editor = PortalSession.of("editor");
        String xml = SharedSamples.text("billstatus/BILLSTATUS-119s1224.xml").replace("<number>1224</number>", "<number>6224</number>");
        Response r = editor.given().multiPart("csrf-token", editor.csrfToken())
                .multiPart("file", "BILLSTATUS-119s6224.xml", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("track", "true")
                .post("/tracker/imports");
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.header("Location");
        String page = editor.given().get(location).then().statusCode(200).extract().asString();
        assertTrue(page.contains("S. 6224 (119th): created — 2 new actions, 14 new cosponsors, 1 cosponsor withdrawn"), page);
        assertTrue(page.contains("editor"), "who imported it");
        // tracked on upload, so the public sees it
        assertEquals(200, given().get("/bills/119/s/6224").statusCode());
    }

    @Test
    void aHostileUploadIsRefusedNextToTheFieldAndRecorded() {
        PortalSession editor = PortalSession.of("editor");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><billStatus>&e;</billStatus>";
        Response r = editor.given().multiPart("csrf-token", editor.csrfToken())
                .multiPart("file", "evil.xml", xxe.getBytes(StandardCharsets.UTF_8), "application/xml")
                .post("/tracker/imports");
        assertEquals(400, r.statusCode());
        String html = r.asString();
        assertTrue(html.contains("There is a problem"), "error summary");
        assertTrue(html.contains("evil.xml declares a document type"), "message next to the field");
        assertTrue(html.contains("id=\"file-error\""));
        assertTrue(html.contains("<strong>Refused</strong>"), "the refusal is in the import history");
        Response noToken = editor.given().multiPart("file", "a.xml", "<billStatus/>".getBytes(StandardCharsets.UTF_8), "application/xml")
                .post("/tracker/imports");
        assertEquals(400, noToken.statusCode(), "an upload without the CSRF token is refused");
        Response none = editor.given().multiPart("csrf-token", editor.csrfToken()).multiPart("track", "true").post("/tracker/imports");
        assertEquals(400, none.statusCode());
        assertTrue(none.asString().contains("Choose a file to import"));
    }

    @Test
    void curationIsSavedAuditedAndValidated() {
        PortalSession editor = PortalSession.of("editor");
        String form = editor.given().get("/tracker/bills/119/s/3374").then().statusCode(200).extract().asString();
        String version = between(form, "name=\"version\" value=\"", "\"");
        // too many characters: refused, input kept, nothing written
        String longSummary = "x".repeat(5001);
        Response bad = post(editor, version, "Chip exports, Semiconductors", longSummary);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("Plain-language summary must be 5000 characters or fewer"));
        assertTrue(bad.asString().contains("value=\"Chip exports, Semiconductors\""), "input kept");
        assertFalse(given().get("/bills/119/s/3374").asString().contains("Semiconductors"));

        String before = given().get("/bills/119/s/3374").header("ETag");
        Response ok = post(editor, version, "Chip exports, Export controls, AI chips, Semiconductors",
                "Would ban licences for advanced AI chips to China, Russia, Iran and North Korea.");
        assertEquals(303, ok.statusCode(), ok.asString());
        String publicPage = given().get("/bills/119/s/3374").asString();
        assertTrue(publicPage.contains("Semiconductors"));
        assertTrue(publicPage.contains("Would ban licences for advanced AI chips"));
        assertFalse(before.equals(given().get("/bills/119/s/3374").header("ETag")), "the validator changes with the page");
        assertTrue(given().get("/bills?q=semiconductors").asString().contains("/bills/119/s/3374"), "tags are searchable");
        String audit = QuarkusTransaction.requiringNew().call(() -> {
            AuditRecord rec = AuditRecord.find("action = 'bill.curated' and actorName = 'editor' order by id desc").firstResult();
            return rec.beforeState + " -> " + rec.afterState;
        });
        assertTrue(audit.contains("Semiconductors"), audit);

        // the same (now stale) version again: someone else's change is not overwritten
        Response stale = post(editor, version, "Chip exports", "Overwrites?");
        assertEquals(409, stale.statusCode());
        assertTrue(stale.asString().contains("changed while you were editing it"));
        assertFalse(given().get("/bills/119/s/3374").asString().contains("Overwrites?"));
    }

    @Test
    void untrackingHidesABillFromThePublicAndIsAudited() {
        PortalSession editor = PortalSession.of("editor");
        String xml = SharedSamples.text("billstatus/BILLSTATUS-119s1224.xml").replace("<number>1224</number>", "<number>5224</number>");
        given().auth().oauth2(Tokens.accessToken("editor")).contentType("application/xml").body(xml)
                .post("/api/tracker/imports?name=BILLSTATUS-119s5224.xml&track=true").then().statusCode(201);
        assertEquals(200, given().get("/bills/119/s/5224").statusCode());
        String home = editor.given().get("/tracker?q=S. 5224").asString();
        assertTrue(home.contains("Bills matching “S. 5224”"), "editors find a bill among thousands by its number");
        assertTrue(home.contains("/tracker/bills/119/s/5224\""));
        assertFalse(home.contains("/tracker/bills/119/s/3374\""), "only the bill searched for");
        String version = between(home.substring(home.indexOf("/tracker/bills/119/s/5224/tracking")), "name=\"version\" value=\"", "\"");
        Response r = editor.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", editor.csrfToken())
                .formParam("version", version).formParam("tracked", "false").post("/tracker/bills/119/s/5224/tracking");
        assertEquals(303, r.statusCode());
        assertEquals(404, given().get("/bills/119/s/5224").statusCode());
        long audits = QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action = 'bill.untracked' and actorName = 'editor'"));
        assertTrue(audits >= 1);
    }

    @Test
    void theBulkImportApiNeedsAnEditorTokenAndReportsWhatChanged() {
        given().contentType("application/json").body("{}").post("/api/tracker/imports").then().statusCode(401);
        given().auth().oauth2(Tokens.accessToken("officer")).contentType("application/json").body("{}").post("/api/tracker/imports")
                .then().statusCode(403);
        String token = Tokens.accessToken("editor");
        given().auth().oauth2(token).contentType("application/octet-stream").body(SharedSamples.bytes("billstatus/BILLSTATUS-117hr2471.xml"))
                .post("/api/tracker/imports?name=BILLSTATUS-117hr2471.xml").then().statusCode(201);
        Response again = given().auth().oauth2(token).contentType("application/octet-stream")
                .body(SharedSamples.bytes("billstatus/BILLSTATUS-117hr2471.xml")).post("/api/tracker/imports?name=BILLSTATUS-117hr2471.xml");
        assertEquals(201, again.statusCode());
        assertEquals(0, again.jsonPath().getInt("actionsAdded"), "idempotent");
        assertEquals(0, again.jsonPath().getInt("billsCreated"));
        Response refused = given().auth().oauth2(token).contentType("application/json").body("{\"bills\": []}")
                .post("/api/tracker/imports?name=list.json");
        assertEquals(422, refused.statusCode());
        assertEquals("REFUSED", refused.jsonPath().getString("outcome"));
        assertTrue(refused.jsonPath().getString("message").contains("list of bills"));
    }

    private static Response post(PortalSession s, String version, String topics, String summary) {
        return s.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken())
                .formParam("version", version).formParam("tracked", "true").formParam("topics", topics)
                .formParam("countries", "China").formParam("countries", "Russia").formParam("countries", "Iran")
                .formParam("countries", "North Korea").formParam("otherCountries", "")
                .formParam("plainSummary", summary).post("/tracker/bills/119/s/3374");
    }

    private static String between(String s, String start, String end) {
        int i = s.indexOf(start) + start.length();
        return s.substring(i, s.indexOf(end, i));
    }
}
