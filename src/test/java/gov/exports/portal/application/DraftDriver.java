package gov.exports.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.exports.portal.customer.ApprovedCustomer;
import gov.exports.portal.policy.Product;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** Drives the application wizard over HTTP as a signed-in vendor, the way the browser's forms do. */
final class DraftDriver {

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"");
    static final Pattern APP_ID = Pattern.compile("/applications/(\\d+)");

    final PortalSession session;

    DraftDriver(String user) {
        this.session = PortalSession.of(user);
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static long productId(String model) {
        return QuarkusTransaction.requiringNew().call(() -> Product.<Product> find("model", model).firstResult().id);
    }

    static long customerId(String nameStart) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ApprovedCustomer.<ApprovedCustomer> find("nameLatin like ?1", nameStart + "%").firstResult().id);
    }

    Response post(String path, Object... keyValues) {
        return FormPost.post(session, path, keyValues);
    }

    Response get(String path) {
        return session.given().get(path);
    }

    long create() {
        Response r = post("/applications");
        assertEquals(303, r.statusCode());
        Matcher m = APP_ID.matcher(r.header("Location"));
        assertTrue(m.find(), r.header("Location"));
        return Long.parseLong(m.group(1));
    }

    /** The draft's current version, read from its end-use form as the browser would. */
    int version(long id) {
        return version(id, "end-use");
    }

    /** The version carried by the form of one wizard page: what the browser would post back. */
    int version(long id, String page) {
        Response r = get("/applications/" + id + "/" + page);
        assertEquals(200, r.statusCode(), page + " page of draft " + id);
        Matcher m = VERSION.matcher(r.body().asString());
        assertTrue(m.find(), "the " + page + " form carries the draft's version");
        return Integer.parseInt(m.group(1));
    }

    Response addLine(long id, String model, int quantity, String unitPrice) {
        return post("/applications/" + id + "/products", "version", version(id, "products"), "productId", productId(model), "quantity", quantity,
                "unitPrice", unitPrice);
    }

    Response upload(long id, String fileName, byte[] content) {
        return session.given().multiPart("csrf-token", session.csrfToken()).multiPart("version", String.valueOf(version(id, "documents")))
                .multiPart("file", fileName, content, "application/pdf").post("/applications/" + id + "/documents");
    }

    /** Fills every section of the draft with a product line of {@code model}, ready to submit. */
    long completeDraft(String model) {
        long id = create();
        assertEquals(303, addLine(id, model, 100, "25000.00").statusCode());
        assertEquals(303, post("/applications/" + id + "/parties/consignee", "version", version(id, "parties/consignee"), "customerId",
                customerId("Shanghai Example")).statusCode());
        assertEquals(303, post("/applications/" + id + "/parties/end-user", "version", version(id, "parties/end-user"), "sameAsConsignee", "yes")
                .statusCode());
        assertEquals(303, post("/applications/" + id + "/intermediaries", "version", version(id, "intermediaries"), "action", "done").statusCode());
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        assertEquals(303, post("/applications/" + id + "/end-use", "version", version(id), "endUseStatement",
                "Training of large language models in the customer's Shanghai data centre.", "shippingRoute",
                "Santa Clara, CA - SFO air freight - Shanghai Pudong (PVG)", "shipmentFrom", start.toString(), "shipmentTo",
                start.plusMonths(3).toString()).statusCode());
        assertEquals(303, post("/applications/" + id + "/certifications", "version", version(id, "certifications"), "certification",
                List.of("REVENUE_SHARE", "NO_REEXPORT", "NO_MILITARY_END_USE", "KYC_REMOTE_ACCESS", "US_THIRD_PARTY_TESTING",
                        "SUFFICIENT_US_SUPPLY", "SHIPMENT_RATIO"),
                "shipmentRatioPercent", "40").statusCode());
        assertEquals(303, upload(id, "end-user statement.pdf", pdf("end-user statement")).statusCode());
        return id;
    }

    Response submit(long id) {
        return post("/applications/" + id + "/submit", "version", version(id, "check"));
    }
}
