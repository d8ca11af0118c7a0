package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.exports.portal.support.PortalSession;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * SQL-injection payloads in every search and filter parameter of every page that takes them. No payload
 * gives a server error or a page naming SQL; a free-text search finds exactly what a search for a word that
 * matches nothing finds (the payload is a literal, not code, and LIKE wildcards are literals too); a
 * filter with a hostile value either is refused or is ignored, never widens or changes the results.
 */
@QuarkusTest
class SqlInjectionTest {

    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "' OR 1=1 --",
            "'; DROP TABLE application; --",
            "\") OR (\"1\"=\"1",
            "1' UNION SELECT subject, subject FROM membership --",
            "%",
            "_",
            "%' OR 'x' LIKE '%",
            "\\",
            "' AND pg_sleep(3) IS NULL --",
            "1; SELECT pg_sleep(3)",
            "$$ || $$",
            "ELA-%",
            "\u0000'");

    static final Pattern LEAK = Pattern.compile("(?i)(PSQLException|org\\.hibernate|SQLGrammar|syntax error at or near|unterminated quoted|"
            + "jakarta\\.persistence|at gov\\.exports|(?-i:ERROR: ))"); // PostgreSQL's "ERROR: ", not a page title's "Error: "

    /** A page, who may see it, its free-text parameters, its filter parameters, and the links that are its results. */
    record Page(String path, String user, List<String> text, List<String> filters, Pattern item) {
    }

    static final List<Page> PAGES = List.of(
            new Page("/vendor", "nvidia-vendor", List.of("q"), List.of("status", "page"), Pattern.compile("href=\"/applications/(\\d+)\"")),
            new Page("/review", "officer", List.of("q", "vendor", "product", "consignee"),
                    List.of("queue", "status", "officer", "flag", "from", "to", "sort", "after"), Pattern.compile("href=\"/review/cases/(\\d+)\"")),
            new Page("/review/export.csv", "officer", List.of("q", "vendor", "product", "consignee"),
                    List.of("queue", "status", "officer", "flag", "from", "to", "sort"), Pattern.compile("(?m)^(ELA-\\d{4}-\\d+)")),
            new Page("/bills", null, List.of("q", "subject", "tag"), List.of("congress", "chamber", "status", "party", "sort", "page"),
                    Pattern.compile("href=\"(/bills/\\d+/[a-z]+/\\d+)\"")),
            new Page("/customers", "officer", List.of("q"), List.of("status"), Pattern.compile("href=\"/customers/(\\d+)\"")),
            new Page("/admin/audit", "admin", List.of("targetId"), List.of("targetType", "before"), Pattern.compile("<tr>")),
            // fuzzy screening: a payload may resemble a listed name, so only errors and leaks are checked
            new Page("/screening", "officer", List.of(), List.of("name", "country", "address"), null));

    @Test
    void noPayloadBreaksAPageLeaksSqlOrChangesResults() {
        List<String> failures = new ArrayList<>();
        for (Page page : PAGES) {
            Set<String> all = results(page, get(page, null, null));
            if (page.item != null) {
                assertFalse(all.isEmpty(), page.path + " lists something without filters, so a widened search would show");
            }
            Set<String> none = page.item == null ? Set.of() : results(page, get(page, page.text.isEmpty() ? null : page.text.get(0),
                    "zzqxv-no-such-thing"));
            for (String param : concat(page.text, page.filters)) {
                for (String payload : PAYLOADS) {
                    long start = System.nanoTime();
                    Response r = get(page, param, payload);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    String where = page.path + "?" + param + "=" + payload.replace("\u0000", "\\0");
                    String body = r.asString();
                    if (r.statusCode() >= 500) {
                        failures.add(where + ": HTTP " + r.statusCode());
                        continue;
                    }
                    Matcher leak = LEAK.matcher(body);
                    if (leak.find()) {
                        failures.add(where + ": page shows '" + leak.group() + "'");
                    }
                    if (ms > 2500 && payload.contains("sleep")) {
                        failures.add(where + ": took " + ms + " ms (the sleep ran)");
                    }
                    if (page.item == null || r.statusCode() != 200) {
                        continue;
                    }
                    Set<String> got = results(page, r);
                    if (page.text.contains(param)) {
                        if (!got.equals(none)) {
                            failures.add(where + ": found " + got + " where a search for nothing finds " + none);
                        }
                    } else if (!got.equals(all) && !got.equals(none)) {
                        failures.add(where + ": results changed to " + got);
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail("SQL-injection payloads:\n  " + String.join("\n  ", failures));
        }
    }

    @Test
    void theSchemaIsIntactAfterThePayloads() {
        noPayloadBreaksAPageLeaksSqlOrChangesResults();
        assertTrue(PortalSession.of("nvidia-vendor").given().get("/vendor").statusCode() == 200);
        assertTrue(RestAssured.given().get("/bills").statusCode() == 200);
    }

    @Test
    void aLiteralSearchStillFindsAndWildcardsAreLiterals() {
        PortalSession officer = PortalSession.of("officer");
        String found = officer.given().queryParam("q", "shanghai").get("/customers").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("href=\"/customers/\\d+\"").matcher(found).find(), "a plain search still finds");
        String wild = officer.given().queryParam("q", "%").get("/customers").then().statusCode(200).extract().asString();
        assertFalse(Pattern.compile("href=\"/customers/\\d+\"").matcher(wild).find(), "% is a literal, not 'everything'");
    }

    @Test
    void aNulCharacterInAFormIsRefusedAsBadInputNotAServerError() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        String location = vendor.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", vendor.csrfToken())
                .post("/applications").then().statusCode(303).extract().header("Location");
        String id = location.replaceAll(".*/applications/(\\d+).*", "$1");
        String page = vendor.given().get("/applications/" + id + "/end-use").then().statusCode(200).extract().asString();
        Matcher v = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertTrue(v.find());
        Response r = vendor.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", vendor.csrfToken())
                .formParam("version", v.group(1)).formParam("endUseStatement", "Training\u0000 models").formParam("shippingRoute", "Air")
                .post("/applications/" + id + "/end-use");
        assertTrue(r.statusCode() == 400 || r.statusCode() == 303, "HTTP " + r.statusCode());
        assertFalse(LEAK.matcher(r.asString()).find(), r.asString());
        String after = vendor.given().get("/applications/" + id + "/end-use").asString();
        assertFalse(after.contains("\u0000"));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static Response get(Page page, String param, String value) {
        RequestSpecification spec = page.user == null ? RestAssured.given().redirects().follow(false)
                : PortalSession.of(page.user).given();
        if (param != null) {
            spec = spec.queryParam(param, value);
        }
        return spec.get(page.path);
    }

    static Set<String> results(Page page, Response r) {
        Set<String> found = new TreeSet<>();
        if (page.item == null) {
            return found;
        }
        Matcher m = page.item.matcher(r.asString());
        int n = 0;
        while (m.find()) {
            found.add(m.groupCount() > 0 ? m.group(1) : "row" + n++);
        }
        return found;
    }
}
