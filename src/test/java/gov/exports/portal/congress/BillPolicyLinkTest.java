package gov.exports.portal.congress;

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

/** Tracker editors link a bill to the licence policy version it would change. */
@QuarkusTest
class BillPolicyLinkTest {

    static final String PAGE = "/tracker/bills/119/s/3374";

    int version(PortalSession editor) {
        String html = editor.given().get(PAGE).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("action=\"" + PAGE + "/policy\".*?name=\"version\" value=\"(\\d+)\"", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "the link form carries the bill's version");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void anEditorLinksTheSafeChipsActToThePolicyItWouldChange() {
        PortalSession editor = PortalSession.of("editor");
        assertEquals(303, FormPost.post(editor, PAGE + "/policy", "policyCode", "2026-01-H200", "version", version(editor)).statusCode());
        String linked = QuarkusTransaction.requiringNew().call(() -> {
            Bill b = Bill.find("congress = 119 and billType = 's' and number = 3374").firstResult();
            return b.policyVersion == null ? null : b.policyVersion.code;
        });
        assertEquals("2026-01-H200", linked);
        assertTrue(editor.given().get(PAGE).asString().contains("value=\"2026-01-H200\" selected"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action", "bill.policy-linked")) >= 1);

        // a stale form is a conflict; an unknown policy is refused
        assertEquals(409, FormPost.post(editor, PAGE + "/policy", "policyCode", "", "version", 0).statusCode());
        var refused = FormPost.post(editor, PAGE + "/policy", "policyCode", "NO-SUCH-POLICY", "version", version(editor));
        assertEquals(400, refused.statusCode());
        String page = refused.asString();
        assertTrue(page.contains("There is no policy version with the code NO-SUCH-POLICY"), "the message names the input");
        assertTrue(page.contains("id=\"policyCode-error\"") && page.contains("aria-describedby=\"policyCode-error\" aria-invalid=\"true\""),
                "the message sits next to the field, which is marked invalid");
        assertTrue(page.contains("<option value=\"NO-SUCH-POLICY\" selected>"), "the editor's input is kept");
        assertTrue(page.contains("href=\"#policyCode\""), "the error summary links to the field");
        String still = QuarkusTransaction.requiringNew().call(() -> {
            Bill b = Bill.find("congress = 119 and billType = 's' and number = 3374").firstResult();
            return b.policyVersion == null ? null : b.policyVersion.code;
        });
        assertEquals("2026-01-H200", still, "nothing changed");
    }
}
