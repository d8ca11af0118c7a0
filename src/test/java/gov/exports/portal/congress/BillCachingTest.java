package gov.exports.portal.congress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static gov.exports.portal.support.Waits.eventually;
import static gov.exports.portal.support.Waits.pause;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Public bill pages are validated against the database's tracker version: a curation, an import or a change written
 * straight to the database (as another portal instance would) gives a new ETag, and the old one no longer gets 304: at
 * once for a change made through this instance, as soon as PostgreSQL announces it for one made elsewhere.
 */
@QuarkusTest
class BillCachingTest {

    static final String BILL = "/bills/119/s/7224";

    @Inject
    EntityManager em;

    @Inject
    EntityManagerFactory emf;

    @Inject
    RenderedPages pages;

    static String etag(String path) {
        Response r = given().get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals("public, max-age=0, must-revalidate", r.header("Cache-Control"), path);
        assertTrue(r.header("Vary").contains("Accept-Encoding"), "gzipped and plain answers are kept apart: " + r.header("Vary"));
        return r.header("ETag");
    }

    static int revalidate(String path, String etag) {
        return given().header("If-None-Match", etag).get(path).statusCode();
    }

    /** A tracked bill of our own (the demo bill's curation is asserted by other tests). */
    static void importBill(int number) {
        given().auth().oauth2(Tokens.accessToken("editor")).contentType("application/xml")
                .body(SharedSamples.text("billstatus/BILLSTATUS-119s1224.xml").replace("<number>1224</number>", "<number>" + number + "</number>"))
                .post("/api/tracker/imports?name=BILLSTATUS-119s" + number + ".xml&track=true").then().statusCode(201);
    }

    @Test
    void aChangeThroughAnyRouteInvalidatesTheValidator() {
        importBill(7224);
        String bill0 = etag(BILL);
        String list0 = etag("/bills");
        assertTrue(bill0.startsWith("W/\""), "weak: compression changes the bytes, not the meaning: " + bill0);
        assertEquals(304, revalidate(BILL, bill0));
        assertEquals(bill0, etag(BILL), "same data, same validator");

        // 1. an editor's curation
        PortalSession editor = PortalSession.of("editor");
        String form = editor.given().get("/tracker/bills/119/s/7224").then().statusCode(200).extract().asString();
        String version = form.split("name=\"version\" value=\"", 2)[1].split("\"", 2)[0];
        Response saved = editor.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", editor.csrfToken())
                .formParam("version", version).formParam("tracked", "true").formParam("topics", "Chip exports")
                .formParam("countries", "China").formParam("otherCountries", "")
                .formParam("plainSummary", "Caching test: the summary an editor just wrote.").post("/tracker/bills/119/s/7224");
        assertEquals(303, saved.statusCode(), saved.asString());
        Response after = given().header("If-None-Match", bill0).get(BILL);
        assertEquals(200, after.statusCode(), "the old validator no longer matches");
        assertTrue(after.asString().contains("Caching test: the summary an editor just wrote."));
        String bill1 = after.header("ETag");
        assertNotEquals(bill0, bill1);
        assertEquals(200, revalidate("/bills", list0), "the list shows tags too");
        assertEquals(304, revalidate(BILL, bill1));

        // 2. a change committed by someone else (another instance, a script): it reaches this instance as PostgreSQL's
        // announcement, within a moment
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE bill SET title_short = 'Renamed elsewhere' WHERE congress = 119 AND bill_type = 's' AND number = 7224")
                .executeUpdate());
        Response renamed = eventually(() -> given().header("If-None-Match", bill1).get(BILL), r -> r.statusCode() != 304);
        assertEquals(200, renamed.statusCode());
        String bill2 = renamed.header("ETag");
        assertNotEquals(bill1, bill2);

        // 3. an import of another bill through the API: the list and every page of the tracker change
        String list1 = etag("/bills");
        importBill(7225);
        assertEquals(200, revalidate("/bills", list1));
        assertEquals(200, revalidate(BILL, bill2));
        assertTrue(given().get("/bills").asString().contains("/bills/119/s/7225"));

        // a transaction that changes nothing in the tracker keeps the validator
        String bill3 = etag(BILL);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("SELECT count(*) FROM bill").getSingleResult());
        assertEquals(304, revalidate(BILL, bill3));
    }

    @Test
    void signedInPagesArePrivate() {
        Response r = PortalSession.of("editor").given().get("/bills/119/s/3374");
        assertEquals(200, r.statusCode());
        assertEquals("private, no-cache", r.header("Cache-Control"));
        assertNotEquals(etag("/bills/119/s/3374"), r.header("ETag"), "a signed-in page is another representation");
    }

    /** The rendered page is kept for anonymous visitors, checked against the database's version on every request. */
    @Test
    void anonymousPagesAreRenderedOnceAndNeverStale() {
        String bill = "/bills/119/s/7226";
        importBill(7226);
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        String first = given().get(bill).then().statusCode(200).extract().asString();
        long renders = pages.renders();
        // the tracker version is read with plain JDBC: no Hibernate statement, no transaction, no rendering. Hibernate's
        // statistics are global, so work running elsewhere in the test instance (a re-screening job an earlier test's list
        // import started, the expiry job) counts too, for seconds at a time. So the kept page is asked for again, a quarter
        // second apart, until one request ran alone: a kept page that did use Hibernate shows it on every try. Every try
        // must be served from the kept page.
        Response second = null;
        boolean alone = false;
        for (int attempt = 0; attempt < 40 && !alone; attempt++) {
            if (attempt > 0) {
                pause(250);
            }
            long hits = pages.hits();
            stats.clear();
            second = given().get(bill);
            alone = stats.getPrepareStatementCount() == 0 && stats.getTransactionCount() == 0;
            assertEquals(hits + 1, pages.hits(), "served from the kept page");
        }
        assertEquals(200, second.statusCode());
        assertEquals(first, second.asString(), "the same page");
        assertTrue(alone, "nothing but the tracker version is read, and no transaction: statements "
                + stats.getPrepareStatementCount() + ", transactions " + stats.getTransactionCount() + " on the last of 40 tries");
        assertEquals(renders, pages.renders(), "not rendered again");
        assertEquals("public, max-age=0, must-revalidate", second.header("Cache-Control"));
        assertEquals(304, revalidate(bill, second.header("ETag")));

        // another spelling of the same list query is the same kept page
        given().get("/bills?congress=119&sort=latest").then().statusCode(200);
        long listRenders = pages.renders();
        given().get("/bills?sort=latest&congress=119&page=").then().statusCode(200);
        assertEquals(listRenders, pages.renders());

        // an editor's curation through the form: the next anonymous visitor sees it
        PortalSession editor = PortalSession.of("editor");
        String form = editor.given().get("/tracker/bills/119/s/7226").then().statusCode(200).extract().asString();
        String version = form.split("name=\"version\" value=\"", 2)[1].split("\"", 2)[0];
        editor.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", editor.csrfToken())
                .formParam("version", version).formParam("tracked", "true").formParam("topics", "Chip exports")
                .formParam("countries", "China").formParam("otherCountries", "")
                .formParam("plainSummary", "Kept-page test: written after the page was kept.").post("/tracker/bills/119/s/7226")
                .then().statusCode(303);
        assertTrue(given().get(bill).asString().contains("Kept-page test: written after the page was kept."), "no stale page");

        // a change committed elsewhere (another instance, a script), announced by PostgreSQL
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE bill SET title_short = 'Renamed behind the cache' WHERE congress = 119 AND bill_type = 's' AND number = 7226")
                .executeUpdate());
        assertTrue(eventually(() -> given().get(bill).asString(), b -> b.contains("Renamed behind the cache")).contains("Renamed behind the cache"),
                "no stale page");

        // an untracked bill is gone as soon as that is announced, though its page was kept
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE bill SET tracked = false WHERE congress = 119 AND bill_type = 's' AND number = 7226").executeUpdate());
        assertEquals(404, eventually(() -> given().get(bill).statusCode(), c -> c == 404));

        // signed-in viewers never get the anonymous page
        long hits = pages.hits();
        String editorList = editor.given().get("/bills").then().statusCode(200).extract().asString();
        assertTrue(editorList.contains("Sign out"), "the editor's own page");
        assertEquals(hits, pages.hits());
    }

    /**
     * A kept page is gzipped once: clients that accept gzip get the same compressed bytes every time (no compression per
     * request), others the plain page; both with the same validator, and a change gives both a new one.
     */
    @Test
    void keptPagesAreCompressedOnceAndServedByAcceptEncoding() throws Exception {
        String bill = "/bills/119/s/7227";
        importBill(7227);
        // HTTP/1.1, as a load balancer talks to the portal (over h2c the HTTP layer compresses per request)
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<byte[]>> get = (path, enc) -> {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(PortalSession.baseUrl() + path));
            if (enc != null) {
                b.header("Accept-Encoding", enc);
            }
            try {
                return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        String plain = new String(get.apply(bill, null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(plain.contains("<html") && plain.contains("7227"), plain);
        long renders = pages.renders();

        java.net.http.HttpResponse<byte[]> g1 = get.apply(bill, "gzip, deflate, br");
        java.net.http.HttpResponse<byte[]> g2 = get.apply(bill, "gzip");
        assertEquals(200, g1.statusCode());
        assertEquals("gzip", g1.headers().firstValue("Content-Encoding").orElse("(none)"));
        assertEquals(plain, gunzip(g1.body()), "the kept page, compressed");
        assertTrue(java.util.Arrays.equals(g1.body(), g2.body()), "the same compressed bytes: compressed once, not per request");
        assertEquals(String.valueOf(g1.body().length), g1.headers().firstValue("Content-Length").orElse("?"));
        assertTrue(g1.body().length * 3 < plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, "HTML compresses well");
        assertEquals(renders, pages.renders(), "served from the kept page");

        // clients that refuse gzip (q=0, or only other codings) get the page as it is
        for (String refuses : new String[] { "gzip;q=0", "identity", "" }) {
            java.net.http.HttpResponse<byte[]> r = get.apply(bill, refuses);
            assertTrue(r.headers().firstValue("Content-Encoding").map("identity"::equals).orElse(true), refuses);
            assertEquals(plain, new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), refuses);
        }
        // gzip refused, anything else welcome: not gzip (the HTTP layer may deflate it)
        assertNotEquals("gzip", get.apply(bill, "gzip;q=0, *;q=1").headers().firstValue("Content-Encoding").orElse("(none)"));
        assertEquals("gzip", get.apply(bill, "*").headers().firstValue("Content-Encoding").orElse("(none)"), "* covers gzip");

        // one validator for both encodings (a weak ETag: the same page), and 304 whichever the client accepts
        String etag = g1.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, get.apply(bill, null).headers().firstValue("ETag").orElseThrow());
        assertTrue(g1.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
        assertEquals(304, given().header("If-None-Match", etag).header("Accept-Encoding", "gzip").get(bill).statusCode());
        assertEquals(304, given().header("If-None-Match", etag).get(bill).statusCode());

        // a change: a new validator, and the compressed page shows the change too
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE bill SET title_short = 'Renamed under gzip' WHERE congress = 119 AND bill_type = 's' AND number = 7227")
                .executeUpdate());
        java.net.http.HttpResponse<byte[]> g3 = eventually(() -> get.apply(bill, "gzip"),
                r -> !etag.equals(r.headers().firstValue("ETag").orElseThrow()));
        assertNotEquals(etag, g3.headers().firstValue("ETag").orElseThrow());
        assertTrue(gunzip(g3.body()).contains("Renamed under gzip"), "no stale compressed page");
    }

    static String gunzip(byte[] body) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
