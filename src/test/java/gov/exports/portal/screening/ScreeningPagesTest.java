package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.exports.portal.audit.AuditRecord;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Officials' pages over HTTP: upload, refusal with the line, versions with their counts, hand edits audited. */
@QuarkusTest
class ScreeningPagesTest {

    @Inject
    ListImporter importer;

    @AfterEach
    void restore() {
        ScreeningTestSupport.demoListInForce(importer);
    }

    @Test
    void seniorOfficerUploadsAListAndSeesTheVersionWithItsCounts() {
        ScreeningTestSupport.demoListInForce(importer);
        PortalSession senior = PortalSession.of("senior");
        String csv = ScreeningTestSupport.demoCsv() + ScreeningTestSupport.cslRow("UP-0001", "Uploaded Test Party Ltd.", "Wuhan, CN", "") + "\n";
        Response r = senior.given().multiPart("csrf-token", senior.csrfToken())
                .multiPart("file", "upload.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/screening/import");
        assertEquals(303, r.statusCode(), r.asString());
        // the file was checked at once; it is written in the background while the page refreshes itself
        String job = senior.given().get(r.header("Location")).asString();
        for (int i = 0; i < 100 && job.contains("http-equiv=\"refresh\""); i++) {
            sleep();
            job = senior.given().get(r.header("Location")).asString();
        }
        assertTrue(job.contains("1 added, 0 changed, 0 removed"), job);
        String jobId = r.header("Location").substring(r.header("Location").lastIndexOf('/') + 1);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditRecord.count(
                "action = ?1 and actorName = ?2 and targetId = ?3", "screening.list.import-requested", "senior", jobId)));
        String versions = senior.given().get("/screening/versions").asString();
        assertTrue(versions.contains("Import of upload.csv"), versions);
        assertTrue(versions.contains(ListEntryData.sha256Hex(csv.getBytes(StandardCharsets.UTF_8)).substring(0, 12)));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void malformedUploadIsRefusedWithTheLineAndTheListStays() {
        PortalSession senior = PortalSession.of("senior");
        long before = QuarkusTransaction.requiringNew().call(() -> ListVersion.current().orElseThrow().id);
        String csv = ScreeningTestSupport.demoCsv().replace("2019-05-16", "16/05/2019");
        Response r = senior.given().multiPart("csrf-token", senior.csrfToken())
                .multiPart("file", "bad.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/screening/import");
        assertEquals(400, r.statusCode());
        String page = r.asString();
        assertTrue(page.contains("There is a problem"), page);
        assertTrue(page.contains("Line 2: start_date &quot;16/05/2019&quot; is not a date") || page.contains("Line 2: start_date \"16/05/2019\" is not a date"), page);
        assertTrue(page.contains("the list in force is unchanged"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ListVersion.current().orElseThrow().id));
    }

    @Test
    void seniorOfficerAddsAndRetiresAnEntryByHandAndBothAreAudited() {
        ScreeningTestSupport.demoListInForce(importer);
        PortalSession senior = PortalSession.of("senior");
        Response empty = senior.given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", senior.csrfToken())
                .formParam("name", "").formParam("reason", "").post("/screening/entries");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.asString().contains("Enter the listed party&#39;s name") || empty.asString().contains("Enter the listed party's name"));

        Response added = senior.given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", senior.csrfToken())
                .formParam("name", "Handmade Quantum Devices Co., Ltd.").formParam("altNames", "手工量子器件有限公司\nHQD")
                .formParam("country", "China").formParam("reason", "91 FR 3001, effective today")
                .post("/screening/entries");
        assertEquals(303, added.statusCode(), added.asString());
        String location = added.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // the new entry is matched at once, Chinese name included
        String search = senior.given().queryParam("name", "手工量子器件").get("/screening").asString();
        assertTrue(search.contains("Handmade Quantum Devices Co., Ltd."), search);

        Response retired = senior.given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", senior.csrfToken())
                .formParam("reason", "Entered in error").post("/screening/entries/" + id + "/retire");
        assertEquals(303, retired.statusCode());
        assertTrue(senior.given().get("/screening/entries/" + id).asString().contains("Retired by hand: Entered in error"));
        assertTrue(!senior.given().queryParam("name", "手工量子器件").get("/screening").asString().contains("Handmade Quantum"));
        // retiring twice: a conflict, not an error
        assertEquals(409, senior.given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", senior.csrfToken())
                .formParam("reason", "Entered in error").post("/screening/entries/" + id + "/retire").statusCode());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action = ?1 and targetId = ?2 and actorName = ?3",
                "screening.entry.added", String.valueOf(id), "senior")));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action = ?1 and targetId = ?2",
                "screening.entry.retired", String.valueOf(id))));
        // officers may look but not change the list
        assertEquals(403, PortalSession.of("officer").given().get("/screening/import").statusCode());
    }
}
