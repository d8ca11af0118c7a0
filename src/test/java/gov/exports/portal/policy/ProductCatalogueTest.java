package gov.exports.portal.policy;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gov.exports.portal.audit.AuditRecord;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The product catalogue: readable by vendors, maintained by senior officers with validation, audit and locking. */
@QuarkusTest
class ProductCatalogueTest {

    static Response post(PortalSession s, String path, Object... kv) {
        return FormPost.post(s, path, kv);
    }

    @Test
    void vendorsSeeTheCatalogueWithItsPolicyFigures() {
        PortalSession.of("amd-vendor").given().get("/products").then().statusCode(200)
                .body(containsString("NVIDIA H200")).body(containsString("Blackwell")).body(containsString("15,832"))
                .body(containsString("Illustrative figures")).body(org.hamcrest.Matchers.not(containsString("/products/new")));
    }

    @Test
    void badFiguresAreRefusedNextToTheirFields() {
        Response r = post(PortalSession.of("senior"), "/products", "maker", "NVIDIA", "model", "H200", "architecture", "Hopper",
                "eccn", "3A90", "tpp", "-5", "dramBandwidthGbps", "fast", "version", "0");
        assertEquals(400, r.statusCode());
        String html = r.body().asString();
        assertTrue(html.contains("Enter the ECCN in the form 3A090.a"));
        assertTrue(html.contains("The total processing performance (TPP) must be between 0 and 10,000,000"));
        assertTrue(html.contains("The DRAM bandwidth in GB/s must be a whole number"));
        assertTrue(html.contains("NVIDIA H200 is already in the catalogue"));
    }

    @Test
    void aSeniorOfficerAddsAndEditsAProductAndAStaleEditIsRefused() {
        PortalSession senior = PortalSession.of("senior");
        assertEquals(303, post(senior, "/products", "maker", "Example Semi", "model", "XPU 1", "architecture", "Hopper",
                "eccn", "4A090.a", "tpp", "12000", "dramBandwidthGbps", "3000", "active", "true", "version", "0").statusCode());
        Product p = QuarkusTransaction.requiringNew().call(() -> Product.<Product> find("model", "XPU 1").firstResult());
        assertEquals(303, post(senior, "/products/" + p.id, "maker", "Example Semi", "model", "XPU 1", "architecture", "Hopper",
                "eccn", "4A090.a", "tpp", "12500", "dramBandwidthGbps", "3000", "version", "0").statusCode());
        Response stale = post(PortalSession.of("senior2"), "/products/" + p.id, "maker", "Example Semi", "model", "XPU 1",
                "architecture", "Blackwell", "eccn", "4A090.a", "tpp", "1", "dramBandwidthGbps", "1", "version", "0");
        assertEquals(409, stale.statusCode());
        Product after = QuarkusTransaction.requiringNew().call(() -> Product.<Product> findById(p.id));
        assertEquals(12500, after.tpp);
        assertEquals(false, after.active, "unticked: withdrawn from new applications");
        assertEquals(2, QuarkusTransaction.requiringNew()
                .call(() -> AuditRecord.count("targetType = 'product' and targetId = ?1", String.valueOf(p.id))));
        assertEquals(403, post(PortalSession.of("officer"), "/products/" + p.id, "maker", "x").statusCode());
    }
}
