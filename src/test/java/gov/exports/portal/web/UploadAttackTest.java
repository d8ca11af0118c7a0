package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hostile uploads over HTTP: oversized documents, names with path traversal and control characters, a zip bomb
 * for the bill tracker, and malformed CSV / YAML list files. Each is refused (or its name made harmless) with a
 * clear page, and nothing is stored.
 */
@QuarkusTest
class UploadAttackTest {

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final Pattern TRACE = Pattern.compile("(?i)(\\bat [a-z]+\\.[a-z]+\\.|Exception|vertx|netty)");

    @Inject
    EntityManager em;

    final PortalSession vendor = PortalSession.of("nvidia-vendor");

    long draft() {
        String loc = FormPost.post(vendor, "/applications").then().statusCode(303).extract().header("Location");
        return Long.parseLong(loc.replaceAll(".*/applications/(\\d+).*", "$1"));
    }

    Response upload(long id, String name, byte[] content) {
        Matcher m = VERSION.matcher(vendor.given().get("/applications/" + id + "/documents").asString());
        assertTrue(m.find());
        return vendor.given().multiPart("csrf-token", vendor.csrfToken()).multiPart("version", m.group(1))
                .multiPart("file", name, content, "application/pdf").post("/applications/" + id + "/documents");
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    static byte[] pdfOfSize(int bytes) {
        byte[] b = Arrays.copyOf(PDF, bytes);
        Arrays.fill(b, PDF.length, bytes, (byte) ' ');
        return b;
    }

    @Test
    void aDocumentOverTwentyMegabytesIsRefusedClearlyAndNothingIsStored() {
        long id = draft();
        Response r = upload(id, "big.pdf", pdfOfSize(21 * 1024 * 1024));
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("20 MB"), "the page names the limit");
        assertFalse(TRACE.matcher(r.asString()).find(), "no stack trace");
        assertEquals(0, count("SELECT count(*) FROM application_document WHERE application_id = " + id));
    }

    @Test
    void aRequestOverTheBodyLimitGetsTheFriendlyTooLargePage() throws Exception {
        long id = draft();
        Matcher m = VERSION.matcher(vendor.given().get("/applications/" + id + "/documents").asString());
        assertTrue(m.find());
        // as a browser posts a form: multipart with a Content-Length
        String boundary = "----portalboundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + vendor.csrfToken() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n" + m.group(1) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(pdfOfSize(26 * 1024 * 1024));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder cookies = new StringBuilder();
        vendor.cookies().forEach((k, v) -> cookies.append(k).append('=').append(v).append("; "));
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(PortalSession.baseUrl() + "/applications/" + id + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookies.toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("20 MB") && r.body().contains("too large"), "a page naming the limit, not a bare status: " + r.body());
        assertFalse(TRACE.matcher(r.body()).find(), "no stack trace");
        assertEquals(0, count("SELECT count(*) FROM application_document WHERE application_id = " + id));
    }

    @Test
    void pathTraversalAndControlCharactersInFileNamesAreMadeHarmless() {
        long id = draft();
        upload(id, "../../etc/passwd.pdf", PDF).then().statusCode(303);
        upload(id, "..\\..\\windows\\win.ini.pdf", PDF).then().statusCode(303);
        upload(id, "report\r\nSet-Cookie: x=1\u0007.pdf", PDF).then().statusCode(303);
        var names = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT file_name FROM application_document WHERE application_id = " + id + " ORDER BY id").getResultList());
        assertEquals(3, names.size());
        for (Object n : names) {
            String name = (String) n;
            assertFalse(name.contains("/") || name.contains("\\") || name.startsWith("."), name);
            assertFalse(name.chars().anyMatch(Character::isISOControl), name);
        }
        // the download header cannot be split by a stored name
        long docId = count("SELECT max(id) FROM application_document WHERE application_id = " + id);
        Response d = vendor.given().get("/applications/" + id + "/documents/" + docId);
        d.then().statusCode(200);
        assertTrue(d.header("Set-Cookie") == null || !d.header("Set-Cookie").startsWith("x=1"));
        assertFalse(String.valueOf(d.header("Content-Disposition")).matches("(?s).*[\\r\\n].*"));
    }

    @Test
    void aZipBombIsRefusedAndNothingImported() throws IOException {
        PortalSession editor = PortalSession.of("editor");
        long before = count("SELECT count(*) FROM bill");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("BILLSTATUS-119s1.xml"));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            z.write("<billStatus>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 200; i++) {
                z.write(chunk); // 200 MB of blanks: a few hundred kilobytes zipped
            }
            z.closeEntry();
        }
        assertTrue(out.size() < 2 * 1024 * 1024, "the bomb is small: " + out.size());
        Response r = editor.given().multiPart("csrf-token", editor.csrfToken())
                .multiPart("file", "bulk.zip", out.toByteArray(), "application/zip").post("/tracker/imports");
        assertTrue(r.statusCode() == 400 || r.statusCode() == 422 || r.statusCode() == 303, "HTTP " + r.statusCode());
        String page = r.statusCode() == 303 ? editor.given().get(r.header("Location")).asString() : r.asString();
        assertTrue(page.contains("25 MB") && page.contains("Nothing was imported"), page);
        assertEquals(before, count("SELECT count(*) FROM bill"));
    }

    Response importList(String name, byte[] content) {
        PortalSession senior = PortalSession.of("senior");
        return senior.given().multiPart("csrf-token", senior.csrfToken()).multiPart("file", name, content, "text/csv").post("/screening/import");
    }

    static final String HEADER = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
            + "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,"
            + "vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    @Test
    void malformedListFilesAreRefusedWithTheLineAndNothingChanges() {
        long versions = count("SELECT count(*) FROM screening_list_version");
        String good = "X-1,Entity List (EL) - Bureau of Industry and Security,,Entity,,Test Party One,,\"1 Road, Beijing, CN\",,2020-01-01,,,,,,,,,,,,,,,,,,,";
        // wrong columns
        Response wrong = importList("wrong.csv", "name;country\nTest;CN\n".getBytes(StandardCharsets.UTF_8));
        refused(wrong, "1");
        // UTF-16 file
        refused(importList("utf16.csv", (HEADER + "\n" + good + "\n").getBytes(StandardCharsets.UTF_16)), "1");
        // (a file that is not valid UTF-8 is read as Windows-1252 by design: older Entity List exports use it)
        // a huge field on line 2
        String huge = "X-3,Entity List (EL) - Bureau of Industry and Security,,Entity,,Huge " + "A".repeat(2_000_000) + ",,,,2020-01-01,,,,,,,,,,,,,,,,,,,";
        refused(importList("huge.csv", (HEADER + "\n" + huge + "\n").getBytes(StandardCharsets.UTF_8)), "2");
        assertEquals(versions, count("SELECT count(*) FROM screening_list_version"), "no list version was made");
    }

    void refused(Response r, String line) {
        String page = r.asString();
        // the import runs as a job: its page refreshes itself until the job has finished
        for (int i = 0; r.statusCode() == 303 && i < 60; i++) {
            page = PortalSession.of("senior").given().get(r.header("Location")).asString();
            if (!page.contains("refreshes itself")) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertFalse(TRACE.matcher(page).find(), "no stack trace: " + page);
        assertTrue(page.toLowerCase().contains("refused") || page.toLowerCase().contains("nothing was imported")
                || page.toLowerCase().contains("not imported") || page.toLowerCase().contains("failed"), page);
        if (line != null) {
            assertTrue(page.contains("line " + line) || page.contains("Line " + line), "names line " + line + ": " + page);
        }
    }
}
