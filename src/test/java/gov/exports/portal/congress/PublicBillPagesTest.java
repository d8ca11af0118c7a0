package gov.exports.portal.congress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The public tracker as an anonymous visitor (and a cache) sees it: the seeded SAFE Chips Act. */
@QuarkusTest
class PublicBillPagesTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void theBillListShowsTheSafeChipsActWithoutSigningIn() {
        Response r = given().redirects().follow(false).get("/bills");
        assertEquals(200, r.statusCode());
        String html = r.asString();
        assertTrue(html.contains("href=\"/bills/119/s/3374\""), "links the SAFE Chips Act");
        assertTrue(html.contains("SAFE Chips Act of 2025"));
        assertTrue(html.contains("Ricketts"));
        assertTrue(html.contains("In committee"), "status in words");
        // nothing of the licensing side, and no sign-in wall
        assertFalse(html.contains("href=\"/vendor\""));
        assertFalse(html.contains("href=\"/officer\""));
        assertTrue(html.contains("<a href=\"/bills\" aria-current=\"page\">Bills</a>"), "Bills is a public nav item");
    }

    @Test
    void fullTextSearchAndFiltersFindAndExclude() {
        assertTrue(given().get("/bills?q=advanced integrated circuits").asString().contains("/bills/119/s/3374"),
                "official-title words match");
        assertTrue(given().get("/bills?q=S. 3374").asString().contains("/bills/119/s/3374"), "number matches");
        assertTrue(given().get("/bills?q=Ricketts&party=R&chamber=Senate&congress=119").asString().contains("/bills/119/s/3374"));
        assertTrue(given().get("/bills?tag=North Korea").asString().contains("/bills/119/s/3374"), "country tag filter");
        assertTrue(given().get("/bills?subject=Foreign Trade and International Finance&status=IN_COMMITTEE")
                .asString().contains("/bills/119/s/3374"));
        assertFalse(given().get("/bills?q=agriculture subsidies dairy").asString().contains("/bills/119/s/3374"));
        assertFalse(given().get("/bills?party=D").asString().contains("/bills/119/s/3374"), "sponsor is a Republican");
        assertFalse(given().get("/bills?status=BECAME_LAW").asString().contains("/bills/119/s/3374"));
        Response bad = given().get("/bills?congress=abc&status=nonsense&page=-4&sort=evil");
        assertEquals(200, bad.statusCode(), "bad filter values are explained, not a server error");
        assertTrue(bad.asString().contains("There is a problem"));
    }

    @Test
    void theBillPageShowsSponsorCosponsorsStatusAndTimeline() {
        String html = given().get("/bills/119/s/3374").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<title>S. 3374: SAFE Chips Act of 2025 – Export Licensing Portal</title>"), "unique title");
        assertTrue(html.contains("href=\"/members/R000618\""), "sponsor links to the member page");
        assertTrue(html.contains("Sen. Pete Ricketts"));
        assertTrue(html.contains("(Republican, R-NE)"));
        assertTrue(html.contains("href=\"/members/C001088\""), "original cosponsor Coons");
        assertTrue(html.contains("9 active cosponsors: 5 Democrats, 4 Republicans."), "party breakdown in words");
        assertTrue(html.contains("5 joined as original cosponsors."));
        assertTrue(html.contains("role=\"img\" aria-labelledby=\"party-bar-title party-bar-desc\""), "accessible SVG");
        Matcher current = Pattern.compile("<li class=\"step step-current\" aria-current=\"step\">\\s*<span class=\"step-label\">([^<]+)</span>")
                .matcher(html);
        assertTrue(current.find(), "the current step is marked");
        assertEquals("In committee", current.group(1));
        assertFalse(current.find(), "exactly one current step");
        assertTrue(html.contains("Read twice and referred to the Committee on Banking, Housing, and Urban Affairs."));
        String timeline = html.substring(html.indexOf("<table class=\"actions-table\">"));
        assertTrue(timeline.indexOf("Read twice and referred") < timeline.indexOf("Introduced in Senate"),
                "actions newest first: the referral came after the introduction");
        assertTrue(html.contains("Banking, Housing, and Urban Affairs Committee"));
        assertTrue(html.contains("North Korea"), "editors' country tags");
        assertTrue(html.contains("In plain language"));
        assertTrue(html.contains("Active cosponsors over time"));
        assertTrue(html.contains("BILLS-119s3374is.xml"), "text version link");
    }

    @Test
    void unknownOrMalformedBillsAreNotFound() {
        given().get("/bills/119/s/999999").then().statusCode(404);
        given().get("/bills/119/xx/1").then().statusCode(404);
        given().get("/bills/0/0/0").then().statusCode(404);
        given().get("/members/X0").then().statusCode(404);
        given().get("/members/Z999999").then().statusCode(404);
    }

    @Test
    void theMemberPageShowsPartyStateCommitteesAndBills() {
        String html = given().get("/members/R000618").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Sen. Pete Ricketts"));
        assertTrue(html.contains("Republican"));
        assertTrue(html.contains("NE"));
        assertTrue(html.contains("Senate Committee on Banking, Housing, and Urban Affairs"), "committee seat from the YAML seed");
        assertTrue(html.contains("href=\"/bills/119/s/3374\""), "sponsored tracked bill");
        String coons = given().get("/members/C001088").then().statusCode(200).extract().asString();
        assertTrue(coons.contains("Tracked bills Christopher A. Coons cosponsors"));
        assertTrue(coons.contains("href=\"/bills/119/s/3374\""));
    }

    @Test
    void pagesRevalidateWith304() {
        for (String path : new String[] { "/bills", "/bills/119/s/3374", "/members/R000618", "/bills/feed.atom",
                "/bills/119/s/3374/feed.atom" }) {
            Response first = given().get(path);
            assertEquals(200, first.statusCode(), path);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            assertNotNull(etag, path + " has an ETag");
            assertNotNull(lastModified, path + " has Last-Modified");
            assertEquals("public, max-age=0, must-revalidate", first.header("Cache-Control"), path);
            Response again = given().header("If-None-Match", etag).get(path);
            assertEquals(304, again.statusCode(), path + " revalidates by ETag");
            assertEquals("", again.asString(), "no body on 304");
            assertEquals(304, given().header("If-Modified-Since", lastModified).get(path).statusCode(), path + " by date");
            assertEquals(200, given().header("If-None-Match", "\"something-else\"").get(path).statusCode());
        }
        // different queries are different representations
        assertFalse(given().get("/bills?q=chips").header("ETag").equals(given().get("/bills").header("ETag")));
    }

    @Test
    void feedsAreValidAtom() throws Exception {
        for (String path : new String[] { "/bills/feed.atom", "/bills/119/s/3374/feed.atom" }) {
            Response r = given().get(path);
            assertEquals(200, r.statusCode());
            assertTrue(r.contentType().startsWith("application/atom+xml"), r.contentType());
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.asByteArray()));
            Element feed = doc.getDocumentElement();
            assertEquals("feed", feed.getLocalName());
            assertEquals(ATOM, feed.getNamespaceURI());
            // RFC 4287: a feed has exactly one id, title and updated, an author, and entries with id, title, updated
            for (String required : new String[] { "id", "title", "updated", "author" }) {
                assertEquals(1, children(feed, required).getLength(), path + " feed/" + required);
            }
            OffsetDateTime.parse(text(feed, "updated"));
            NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
            assertTrue(entries.getLength() >= 2, path + " lists the actions");
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                assertTrue(ids.add(text(e, "id")), "entry ids are unique");
                assertTrue(text(e, "id").startsWith("tag:"));
                assertFalse(text(e, "title").isBlank());
                OffsetDateTime.parse(text(e, "updated"));
                Element link = (Element) e.getElementsByTagNameNS(ATOM, "link").item(0);
                assertTrue(link.getAttribute("href").startsWith("http"), "absolute link");
            }
            assertTrue(r.asString().contains("Introduced in Senate"));
        }
    }

    /** Direct children only: entries have their own id, title and updated. */
    private static NodeList children(Element e, String name) {
        java.util.List<org.w3c.dom.Node> out = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && ATOM.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
                out.add(c);
            }
        }
        return new NodeList() {
            public org.w3c.dom.Node item(int i) {
                return out.get(i);
            }

            public int getLength() {
                return out.size();
            }
        };
    }

    private static String text(Element e, String name) {
        return children(e, name).item(0).getTextContent();
    }
}
