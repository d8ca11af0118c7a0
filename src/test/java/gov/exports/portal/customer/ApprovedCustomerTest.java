package gov.exports.portal.customer;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.application.CdiEventRecorder;
import gov.exports.portal.audit.AuditRecord;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The register of approved customers: senior officers maintain it, with validation, history, audit and locking. */
@QuarkusTest
public class ApprovedCustomerTest {

    @Inject
    CdiEventRecorder events;

    public static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append('\n');
        }
        return b.toString();
    }

    static Response post(PortalSession s, String path, Object... kv) {
        return FormPost.post(s, path, kv);
    }

    static String[] form(String uscc, String name, String status, String version) {
        return new String[] { "nameLatin", name, "nameChinese", "杭州测试科技有限公司", "uscc", uscc, "address", "9 Test Lane, Xihu District",
                "city", "Hangzhou", "country", "CN", "status", status, "approvedOn", "2026-02-01", "expiresOn", "2027-02-01",
                "version", version };
    }

    @Test
    void anInvalidCreditCodeIsRefusedNextToTheFieldAndNothingIsSaved() {
        PortalSession senior = PortalSession.of("senior");
        Response r = post(senior, "/customers", form("91330106MA2GL0AB1X", "Hangzhou Wrong Code Co., Ltd.", "APPROVED", "0"));
        assertEquals(400, r.statusCode());
        String html = r.body().asString();
        assertTrue(html.contains("There is a problem"));
        assertTrue(html.contains("The Unified Social Credit Code&#39;s check character is wrong")
                || html.contains("The Unified Social Credit Code's check character is wrong"), html);
        assertTrue(html.contains("value=\"91330106MA2GL0AB1X\""), "the input is kept");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ApprovedCustomer.count("nameLatin", "Hangzhou Wrong Code Co., Ltd.")));
    }

    @Test
    void aSeniorOfficerAddsAndChangesACustomerWithHistoryAuditAndAnEventForScreening() {
        PortalSession senior = PortalSession.of("senior");
        String first17 = "91330106MA2GL0AB1";
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        Response created = post(senior, "/customers", form(uscc.toLowerCase(), "Hangzhou Test Technology Co., Ltd.", "APPROVED", "0"));
        assertEquals(303, created.statusCode(), created.body().asString());
        ApprovedCustomer c = QuarkusTransaction.requiringNew().call(() -> ApprovedCustomer.<ApprovedCustomer> find("uscc", uscc).firstResult());
        assertEquals("senior", c.updatedBy);

        Response changed = post(senior, "/customers/" + c.id, form(uscc, "Hangzhou Test Technology Co., Ltd.", "SUSPENDED", "0"));
        assertEquals(303, changed.statusCode());
        // a second officer working from the old version gets a conflict, not a silent overwrite
        Response stale = post(PortalSession.of("senior2"), "/customers/" + c.id,
                form(uscc, "Hangzhou Test Technology Co., Ltd.", "REVOKED", "0"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().asString().contains("Someone else changed Hangzhou Test Technology Co., Ltd."));

        String page = senior.given().get("/customers/" + c.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("status: APPROVED → SUSPENDED"), page);
        assertTrue(page.contains("Added to the register"));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> CustomerHistoryEntry.count("customerId", c.id)));
        assertEquals(2, events.customersSaved.stream().filter(id -> id.equals(c.id)).count());
        assertEquals(List.of("customer.created", "customer.updated"), QuarkusTransaction.requiringNew()
                .call(() -> AuditRecord.<AuditRecord> list("targetType = 'approved_customer' and targetId = ?1 order by id", String.valueOf(c.id))
                        .stream().map(a -> a.action).toList()));
        // vendors read the register (and find it by code) but cannot change it
        PortalSession vendor = PortalSession.of("amd-vendor");
        vendor.given().get("/customers?q=" + uscc).then().statusCode(200).body(containsString("Hangzhou Test Technology"));
        assertEquals(403, post(vendor, "/customers/" + c.id, form(uscc, "Hijacked", "APPROVED", "1")).statusCode());
    }

    @Test
    void theDatabaseItselfRefusesAnInvalidCode() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            ApprovedCustomer c = new ApprovedCustomer();
            c.nameLatin = "Bypass Co.";
            c.uscc = "91350100M000100Y44";
            c.address = "1 Bypass Road";
            c.city = "Fuzhou";
            c.approvedOn = java.time.LocalDate.of(2026, 1, 1);
            c.updatedBy = "test";
            c.persist();
        }));
        assertTrue(causes(e).contains("approved_customer_uscc_check"), causes(e));
    }
}
