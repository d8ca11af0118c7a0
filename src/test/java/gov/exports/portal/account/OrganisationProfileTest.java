package gov.exports.portal.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import gov.exports.portal.audit.AuditRecord;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A compliance lead edits their own organisation's profile and members; members and other organisations cannot. */
@QuarkusTest
class OrganisationProfileTest {

    static Response post(PortalSession s, String path, Object... kv) {
        return FormPost.post(s, path, kv);
    }

    static String version(PortalSession s) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(s.given().get("/organisation/edit").body().asString());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void theComplianceLeadEditsTheProfileWithValidationAndAudit() {
        PortalSession admin = PortalSession.of("amd-admin");
        String v = version(admin);
        Response bad = post(admin, "/organisation", "legalName", "", "contactEmail", "not-an-email", "version", v);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().asString().contains("Enter the legal name"));
        assertTrue(bad.body().asString().contains("Enter an e-mail address in the correct format"));
        Response taken = post(admin, "/organisation", "legalName", "NVIDIA Corporation", "version", v);
        assertEquals(400, taken.statusCode(), "another organisation's name is refused");
        assertTrue(taken.body().asString().contains("Another organisation is registered under this name"));
        assertEquals(303, post(admin, "/organisation", "legalName", "Advanced Micro Devices, Inc.", "address",
                "2485 Augustine Drive, Santa Clara, CA 95054, USA", "contactEmail", "trade-compliance@amd.example", "version", v)
                .statusCode());
        admin.given().get("/organisation").then().statusCode(200).body(containsString("95054, USA"));
        assertEquals(409, post(admin, "/organisation", "legalName", "AMD", "version", v).statusCode(), "stale version");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action", "organisation.updated")) >= 1);
    }

    @Test
    void membersCanReadButNotEditAndAdminsManageOnlyTheirOwnMembers() {
        PortalSession member = PortalSession.of("amd-vendor");
        member.given().get("/organisation").then().statusCode(200).body(containsString("Amelia Diaz"))
                .body(org.hamcrest.Matchers.not(containsString("Add a member")));
        assertEquals(403, member.given().get("/organisation/edit").statusCode());
        assertEquals(403, post(member, "/organisation/members", "email", "x@amd.example").statusCode());

        PortalSession admin = PortalSession.of("amd-admin");
        assertEquals(303, post(admin, "/organisation/members", "email", "New.Analyst@AMD.example", "displayName", "Nia Analyst")
                .statusCode());
        admin.given().get("/organisation").then().body(containsString("new.analyst@amd.example"));
        Response dup = post(admin, "/organisation/members", "email", "nvidia-vendor@demo.example");
        assertEquals(400, dup.statusCode());
        assertTrue(dup.body().asString().contains("cannot be added"));
        // an NVIDIA membership id is not found from AMD
        long nvidiaMember = QuarkusTransaction.requiringNew()
                .call(() -> Membership.<Membership> find("email", "nvidia-vendor@demo.example").firstResult().id);
        assertEquals(404, post(admin, "/organisation/members/" + nvidiaMember + "/active", "active", "false").statusCode());
        long analyst = QuarkusTransaction.requiringNew()
                .call(() -> Membership.<Membership> find("email", "new.analyst@amd.example").firstResult().id);
        assertEquals(303, post(admin, "/organisation/members/" + analyst + "/active", "active", "false").statusCode());
        assertEquals(false, QuarkusTransaction.requiringNew().call(() -> Membership.<Membership> findById(analyst).active));
    }
}
