package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.support.Browser;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Stored XSS, in real Chromium: vendors, officers, a senior officer, a tracker editor and a vendor-admin type
 * hostile text (script tags, event handlers, javascript: links, attribute-breaking quotes, SVG onload, Qute-like
 * expressions) into the free-text fields of their forms, through the pages' own forms; every page that shows the
 * text is then visited: no script ran (no marker set, no alert), no element carries an injected handler, and the
 * text is shown literally.
 */
@QuarkusTest
class StoredXssBrowserTest {

    static final String PAYLOAD = "\"'><script>window.__xss=1</script><img src=x onerror=\"window.__xss=2;alert(2)\">"
            + "<svg onload=window.__xss=3></svg><a href=\"javascript:window.__xss=4\">j</a>{currentUser.subject}{#if true}Q{/if}";
    /** For fields with a short length limit. */
    static final String SHORT = "\"'><script>window.__xss=1</script>{x.y}";
    static final String SHORT_IMG = "<img src=x onerror=window.__xss=2>";
    /** What a reader sees when the payload is shown as text. */
    static final String LITERAL = "<script>window.__xss=1</script>";

    /** Elements the payload would create if it were interpreted as markup; none may exist. */
    static final String INJECTED = """
            return Array.from(document.querySelectorAll('*')).filter(e =>
                (e.tagName === 'SCRIPT' && e.textContent.includes('__xss'))
                || Array.from(e.attributes).some(a => (a.name.startsWith('on') && a.value.includes('__xss'))
                    || ((a.name === 'href' || a.name === 'src') && a.value.trim().toLowerCase().startsWith('javascript:')))
            ).map(e => e.outerHTML.substring(0, 120));""";

    @Inject
    ReviewFixtures fixtures;

    @Inject
    EntityManager em;

    final List<String> failures = new ArrayList<>();
    int pagesShowingIt;

    @Test
    void hostileTextIsStoredAndShownAsTextEverywhere() {
        // a case for the officer and a draft for the vendor
        long caseId = fixtures.submitted("nvidia");
        PortalSession officerHttp = PortalSession.of("officer");
        FormPost.post(officerHttp, "/review/cases/" + caseId + "/take", "version", caseVersion(caseId)).then().statusCode(303);
        PortalSession vendorHttp = PortalSession.of("nvidia-vendor");
        String loc = FormPost.post(vendorHttp, "/applications").then().statusCode(303).extract().header("Location");
        long draft = Long.parseLong(loc.replaceAll(".*/applications/(\\d+).*", "$1"));

        try (Browser b = Browser.start()) {
            detectorWorks(b);
        }
        try (Browser officer = Browser.start()) {
            officer.signIn("officer");
            submit(officer, "/review/cases/" + caseId, "/notes", Map.of("note", PAYLOAD));
            submit(officer, "/review/cases/" + caseId, "/messages", Map.of("message", PAYLOAD));
            submit(officer, "/review/cases/" + caseId, "/information-requests",
                    Map.of("question", PAYLOAD, "dueOn", LocalDate.now().plusDays(10).toString()));
        }
        long requestId = number("SELECT id FROM information_request WHERE application_id = " + caseId);
        try (Browser vendor = Browser.start()) {
            vendor.signIn("nvidia-vendor");
            submit(vendor, "/applications/" + draft + "/end-use", "/end-use", Map.of("endUseStatement", PAYLOAD, "shippingRoute", PAYLOAD));
            submit(vendor, "/applications/" + draft + "/intermediaries", "/intermediaries",
                    Map.of("name", PAYLOAD, "nameChinese", SHORT, "address", PAYLOAD, "city", SHORT, "country", "CN", "partyFunction", PAYLOAD));
            submit(vendor, "/applications/" + caseId + "/information-requests/" + requestId, "/answer", Map.of("answer", PAYLOAD));
            visit(vendor, "/applications/" + draft, false); // the task list names sections, not their text
            for (String page : List.of("/applications/" + draft + "/end-use", "/applications/" + draft + "/intermediaries",
                    "/applications/" + draft + "/check", "/applications/" + caseId,
                    "/applications/" + caseId + "/information-requests/" + requestId, "/vendor", "/notifications")) {
                visit(vendor, page);
            }
        }
        try (Browser senior = Browser.start()) {
            senior.signIn("senior");
            submit(senior, "/policy/new", "/policy/drafts",
                    Map.of("code", "XSS-TEST-1", "title", PAYLOAD, "summary", PAYLOAD, "legalBasis", PAYLOAD, "effectiveFrom",
                            LocalDate.now().plusYears(1).toString()));
            String draftPage = senior.driver.getCurrentUrl();
            submit(senior, "/screening/entries/new", "/screening/entries",
                    Map.of("name", "Xss Payload Trading " + PAYLOAD, "altNames", PAYLOAD, "address", PAYLOAD, "source", PAYLOAD, "reason", PAYLOAD));
            String entryPage = senior.driver.getCurrentUrl();
            visit(senior, "/review/cases/" + caseId);
            visit(senior, "/review?q=" + java.net.URLEncoder.encode(PAYLOAD, java.nio.charset.StandardCharsets.UTF_8));
            visit(senior, "/review");
            visit(senior, draftPage.substring(PortalSession.baseUrl().length()));
            visit(senior, entryPage.substring(PortalSession.baseUrl().length()));
            visit(senior, "/policy");
            // leave no draft policy or extra listed entry behind for the other tests
            submit(senior, draftPage.substring(PortalSession.baseUrl().length()) + "/discard", "/discard", Map.of()); // its confirmation page
            submit(senior, entryPage.substring(PortalSession.baseUrl().length()), "/retire", Map.of("reason", "XSS test entry, retired"));
        }
        try (Browser editor = Browser.start()) {
            editor.signIn("editor");
            submit(editor, "/tracker/bills/119/s/3374", "/tracker/bills/119/s/3374",
                    Map.of("topics", "export controls, " + SHORT + ", " + SHORT_IMG, "otherCountries", "", "plainSummary", PAYLOAD));
            visit(editor, "/tracker/bills/119/s/3374");
            visit(editor, "/bills/119/s/3374");
            visit(editor, "/bills");
        }
        String[] original = new String[2];
        try (Browser admin = Browser.start()) {
            admin.signIn("amd-admin");
            admin.open("/organisation/edit");
            original[0] = admin.driver.findElement(By.id("legalName")).getAttribute("value");
            original[1] = admin.driver.findElement(By.id("address")).getAttribute("value");
            submit(admin, "/organisation/edit", "/organisation", Map.of("legalName", "AMD " + PAYLOAD, "address", PAYLOAD));
            visit(admin, "/organisation");
            visit(admin, "/organisation/edit");
            try (Browser sysadmin = Browser.start()) {
                sysadmin.signIn("admin");
                visit(sysadmin, "/admin/audit");
            }
            // put AMD's profile back for the other tests
            submit(admin, "/organisation/edit", "/organisation", Map.of("legalName", original[0], "address", original[1]));
        }
        if (!failures.isEmpty()) {
            fail("Hostile text misbehaved:\n  " + String.join("\n  ", failures));
        }
        assertTrue(pagesShowingIt >= 15, "the payload was shown literally on only " + pagesShowingIt + " pages");
    }

    /** Proves the detector: a page that does run the payload is caught. */
    void detectorWorks(Browser b) {
        b.driver.get("data:text/html,<p>x</p><img src=x onerror=\"window.__xss=2\">");
        new WebDriverWait(b.driver, Duration.ofSeconds(5)).until(d -> ((JavascriptExecutor) d).executeScript("return window.__xss") != null);
        assertEquals(1, ((List<?>) ((JavascriptExecutor) b.driver).executeScript(INJECTED)).size());
    }

    /** Opens a page, fills the named fields of the form posting to an action ending in {@code actionEnd}, submits it. */
    void submit(Browser b, String page, String actionEnd, Map<String, String> values) {
        b.open(page);
        WebElement form = b.driver.findElements(By.tagName("form")).stream()
                .filter(f -> String.valueOf(f.getAttribute("action")).endsWith(actionEnd)
                        && values.keySet().stream().allMatch(n -> !f.findElements(By.name(n)).isEmpty()))
                .findFirst().orElseThrow(() -> new AssertionError("no form posting to " + actionEnd + " with " + values.keySet() + " on " + page));
        values.forEach((name, value) -> ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1];",
                form.findElement(By.name(name)), value));
        WebElement button = form.findElements(By.cssSelector("button[type=submit], button:not([type]), input[type=submit]")).get(0);
        ((JavascriptExecutor) b.driver).executeScript("window.__oldPage = true;");
        button.click();
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> {
            try {
                return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.__oldPage === undefined && document.readyState === 'complete';"));
            } catch (UnhandledAlertException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        });
        String where = "after posting " + values.keySet() + " to " + actionEnd;
        check(b, where);
        String text = b.driver.findElement(By.tagName("body")).getText();
        if (b.driver.findElements(By.cssSelector(".error-summary, [aria-invalid=true]")).size() > 0 && values.containsValue(PAYLOAD)) {
            failures.add(where + ": refused (" + b.driver.findElements(By.cssSelector(".error-message")).stream().map(WebElement::getText)
                    .toList() + ")");
        }
    }

    void visit(Browser b, String page) {
        visit(b, page, true);
    }

    void visit(Browser b, String page, boolean mustShow) {
        b.open(page);
        check(b, page);
        String text = b.driver.findElement(By.tagName("body")).getText();
        if (text.contains(LITERAL) || text.contains("{currentUser.subject}")) {
            pagesShowingIt++;
        } else if (mustShow && !page.startsWith("/review?") && !page.equals("/review") && !page.equals("/vendor") && !page.equals("/bills") && !page.equals("/notifications") && !page.equals("/policy")) {
            failures.add(page + ": the hostile text is not shown literally");
        }
    }

    void check(Browser b, String where) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        try {
            Object marker = js.executeScript("return window.__xss === undefined ? null : String(window.__xss)");
            if (marker != null) {
                failures.add(where + ": a script ran (window.__xss=" + marker + ")");
            }
            List<?> injected = (List<?>) js.executeScript(INJECTED);
            if (!injected.isEmpty()) {
                failures.add(where + ": injected elements " + injected);
            }
            String title = b.driver.getTitle();
            if (!title.endsWith("Export Licensing Portal")) {
                failures.add(where + ": title '" + title + "'");
            }
        } catch (UnhandledAlertException e) {
            failures.add(where + ": an alert opened (" + e.getAlertText() + ")");
            b.driver.switchTo().alert().dismiss();
        }
    }

    String caseVersion(long id) {
        return String.valueOf(number("SELECT version FROM review_case WHERE application_id = " + id));
    }

    long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setMaxResults(1).getSingleResult()).longValue());
    }
}
