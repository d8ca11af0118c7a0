package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.screening.ScreeningService;
import gov.exports.portal.screening.ScreeningSubject;
import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages the parameter-free crawl cannot reach: pages of one application, case, licence, letter, bill, hit or
 * draft policy, each main form submitted with errors, and empty results. Each is checked in real Chromium with axe
 * (no serious or critical violation), for a title that names the object, tables with captions and header scopes,
 * breadcrumbs, working error-summary links, and no sideways scrolling at phone width, with screenshots at 1280 and
 * 390 CSS px. Also: the main pages at 200% zoom, print styles, and destructive actions asking first.
 */
@QuarkusTest
class AccessibilityDeepPagesTest {

    @Inject
    ReviewFixtures fixtures;


    @Inject
    ScreeningService screening;

    static long draft;
    static long emptyDraft;
    static long submitted;
    static long decided;
    static long licence;
    static long letter;
    static long request;
    static long draftDoc;
    static long draftLine;
    static long hit;
    static String submittedRef;
    static String decidedRef;
    static String licenceNumber;
    static boolean created;

    /** Records created through the fixtures and the officials' own forms, once for all tests of this class. */
    void records() {
        if (created) {
            return;
        }
        created = true;
        PortalSession officer = PortalSession.of("officer");
        PortalSession senior = PortalSession.of("senior");
        PortalSession nvidia = PortalSession.of("nvidia-vendor");
        draft = fixtures.completeDraft("nvidia", 10, "31000.00");
        var made = FormPost.post(nvidia, "/applications");
        Matcher m = Pattern.compile("/applications/(\\d+)").matcher(made.header("Location"));
        assertTrue(m.find());
        emptyDraft = Long.parseLong(m.group(1));
        submitted = fixtures.submitted("nvidia");
        decided = fixtures.submitted("nvidia");
        FormPost.post(officer, "/review/cases/" + submitted + "/take", "version", caseVersion(submitted)).then().statusCode(303);
        ReviewFixtures.DecidedCase decidedCase = fixtures.decideThroughForms(decided, officer, senior, nvidia,
                "Which laboratory tests the shipments?", "The laboratory in Austin, Texas.", "lab-report.pdf");
        request = decidedCase.request();
        letter = decidedCase.letter();
        licence = decidedCase.licence();
        licenceNumber = text("SELECT number FROM licence WHERE id = " + licence);
        submittedRef = text("SELECT reference FROM application WHERE id = " + submitted);
        decidedRef = text("SELECT reference FROM application WHERE id = " + decided);
        draftDoc = number("SELECT id FROM application_document WHERE application_id = " + draft);
        draftLine = number("SELECT id FROM application_line WHERE application_id = " + draft);
        hit = screening.screen(new ScreeningSubject("APPLICATION_PARTY", 9901L, "Moore Threads Technology Co., Ltd.", List.of("摩尔线程"),
                null, "Beijing", "CN")).hits().get(0).id;
    }

    String caseVersion(long id) {
        return fixtures.caseVersion(id);
    }

    long number(String sql) {
        return fixtures.number(sql);
    }

    String text(String sql) {
        return fixtures.text(sql);
    }

    /** One page to check: who opens it, where, and what its title must name (null: nothing in particular). */
    record Visit(String path, String identity) {
    }

    static Visit v(String path, String identity) {
        return new Visit(path, identity);
    }

    @Test
    void idPagesErrorStatesAndEmptyStatesPassAxeAndNameTheirObject() {
        records();
        String app = "/applications/" + draft;
        String draftTitle = "Draft application " + draft;
        Map<String, List<Visit>> pages = new LinkedHashMap<>();
        pages.put("nvidia-vendor", List.of(
                v(app, draftTitle), v(app + "/products", draftTitle), v(app + "/parties/consignee", draftTitle),
                v(app + "/parties/end-user", draftTitle), v(app + "/intermediaries", draftTitle), v(app + "/end-use", draftTitle),
                v(app + "/certifications", draftTitle), v(app + "/documents", draftTitle), v(app + "/check", draftTitle),
                v(app + "/delete", draftTitle), v(app + "/documents/" + draftDoc + "/remove", "end-user-statement.pdf"),
                v(app + "/products/" + draftLine + "/remove", "H200"),
                v("/applications/" + emptyDraft + "/products", "Draft application " + emptyDraft),
                v("/applications/" + submitted, submittedRef), v("/applications/" + submitted + "/withdraw", submittedRef),
                v("/applications/" + decided, decidedRef), v("/applications/" + decided + "/letters/" + letter, decidedRef),
                v("/applications/" + decided + "/information-requests/" + request, decidedRef),
                v("/licences/" + licence, licenceNumber), v("/licences/" + licence + "/shipments", licenceNumber),
                v("/licences/" + licence + "/amendments", licenceNumber),
                v("/vendor?q=nothing-matches-this", null)));
        pages.put("officer", List.of(
                v("/review/cases/" + submitted, submittedRef), v("/review/cases/" + decided, decidedRef),
                v("/officer/applications/" + submitted, submittedRef), v("/licences/" + licence, licenceNumber),
                v("/applications/" + decided + "/letters/" + letter, decidedRef), v("/screening/hits/" + hit, "Moore Threads"),
                v("/review?queue=open&q=NO-SUCH-REFERENCE", null), v("/review?queue=open&sort=newest", null),
                v("/screening?name=Zyxwvut+Qponm+Nothing", "Zyxwvut")));
        pages.put("senior", List.of(
                v("/licences/" + licence + "/status", licenceNumber), v("/customers?q=zzzz-no-such-customer", null)));
        pages.put("editor", List.of(v("/tracker/bills/119/s/3374", "S. 3374")));
        pages.put("anonymous", List.of(v("/bills/119/s/3374", "S. 3374"), v("/members/R000618", "Ricketts"),
                v("/bills?q=zzzzqqqq-nothing", null), v("/verify?number=" + licenceNumber + "&vendor=NVIDIA+Corporation", licenceNumber)));

        List<String> failures = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (var e : pages.entrySet()) {
            try (Browser b = Browser.start()) {
                if (!e.getKey().equals("anonymous")) {
                    b.signIn(e.getKey());
                }
                for (Visit visit : e.getValue()) {
                    b.open(visit.path());
                    check(b, e.getKey(), visit.path(), visit.identity(), failures, titles);
                }
                if (e.getKey().equals("officer")) {
                    // pages found by following links: a list version, the entry of the hit
                    for (String prefix : List.of("/screening/versions/", "/screening/entries/")) {
                        b.open(prefix.equals("/screening/versions/") ? "/screening/versions" : "/screening/hits/" + hit);
                        String link = firstLink(b, prefix);
                        if (link == null) {
                            failures.add("no link to " + prefix + " found");
                            continue;
                        }
                        b.open(link);
                        check(b, "officer", link, null, failures, titles);
                    }
                }
                if (e.getKey().equals("senior")) {
                    for (String[] walk : List.of(new String[] {"/customers", "/customers/"}, new String[] {"/products", "/products/"},
                            new String[] {"/licences/policy-events", "/licences/policy-events/"}, new String[] {"/revenue", "/revenue/statements/"})) {
                        b.open(walk[0]);
                        String link = firstLink(b, walk[1]);
                        if (link != null) {
                            b.open(link);
                            check(b, "senior", link, null, failures, titles);
                        }
                    }
                }
                if (e.getKey().equals("senior")) {
                    // a draft policy's page and its discard confirmation, then discarded so no draft is left behind
                    String draftPath = policyDraft();
                    String code = text("SELECT code FROM policy_version WHERE id = " + draftPath.replaceAll("\\D", ""));
                    for (String path : List.of(draftPath, draftPath + "/discard")) {
                        b.open(path);
                        check(b, "senior", path, code, failures, titles);
                    }
                    b.clickAndWait(By.xpath("//button[normalize-space()='Yes, discard the draft']"));
                }
                errorStates(b, e.getKey(), failures, titles);
            }
        }
        assertTrue(titles.size() >= 40, "pages checked: " + titles.size());
        // distinct pages have distinct titles
        Map<String, String> byTitle = new LinkedHashMap<>();
        titles.forEach((page, title) -> {
            String path = page.substring(0, page.indexOf(" as "));
            String seen = byTitle.putIfAbsent(title, path);
            if (seen != null && !seen.equals(path)) {
                failures.add("same title '" + title + "' on " + seen + " and " + path);
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " problems:\n  " + String.join("\n  ", failures));
        }
    }

    /** Each main form submitted as a person would, with what is missing left out: errors named, focus on the summary. */
    void errorStates(Browser b, String who, List<String> failures, Map<String, String> titles) {
        switch (who) {
            case "nvidia-vendor" -> {
                submitEmpty(b, who, "/applications/" + emptyDraft + "/products", "Add product line", failures, titles);
                submitEmpty(b, who, "/applications/" + emptyDraft + "/documents", "Upload", failures, titles);
                submitEmpty(b, who, "/applications/" + emptyDraft + "/check", "Submit application", failures, titles);
                submitEmpty(b, who, "/applications/" + emptyDraft + "/parties/consignee", "Save and continue", failures, titles);
                submitEmpty(b, who, "/licences/" + licence + "/shipments", "Report the shipment", failures, titles);
                submitEmpty(b, who, "/licences/" + licence + "/amendments", "Request the amendment", failures, titles);
            }
            case "officer" -> submitEmpty(b, who, "/review/cases/" + submitted, "Recommend", failures, titles);
            case "senior" -> {
                submitEmpty(b, who, "/customers/new", "Save customer", failures, titles);
                submitEmpty(b, who, "/policy/new", "Save as draft", failures, titles, "code", "effectiveFrom");
                submitEmpty(b, who, "/licences/" + licence + "/status", "Confirm", failures, titles);
                submitEmpty(b, who, "/screening/hits/" + hit, "Record the decision", failures, titles);
            }
            default -> {
            }
        }
    }

    void submitEmpty(Browser b, String who, String path, String button, List<String> failures, Map<String, String> titles,
            String... clear) {
        b.open(path);
        for (String id : clear) {
            b.driver.findElement(By.id(id)).clear();
        }
        b.clickAndWait(By.xpath("//main//button[normalize-space()='" + button + "']"));
        String page = path + " (" + button + " with errors)";
        if (b.driver.findElements(By.className("error-summary")).isEmpty()) {
            failures.add(page + " as " + who + ": no error summary; title '" + b.driver.getTitle() + "' at " + b.driver.getCurrentUrl());
            return;
        }
        if (!b.driver.getTitle().startsWith("Error: ")) {
            failures.add(page + " as " + who + ": title does not start with 'Error: ': " + b.driver.getTitle());
        }
        Object focused = js(b, "return document.activeElement.classList.contains('error-summary');");
        if (!Boolean.TRUE.equals(focused)) {
            failures.add(page + " as " + who + ": the error summary does not have focus");
        }
        // every message says what to do, and every link leads to a field on the page
        for (WebElement a : b.driver.findElements(By.cssSelector(".error-summary a"))) {
            String target = a.getAttribute("href").replaceFirst("^[^#]*#", "");
            if (b.driver.findElements(By.id(target)).isEmpty()) {
                failures.add(page + " as " + who + ": error link '" + a.getText() + "' points to missing #" + target);
            }
            if (a.getText().isBlank() || a.getText().length() < 12) {
                failures.add(page + " as " + who + ": error message too short to say how to fix it: '" + a.getText() + "'");
            }
        }
        check(b, who, page, null, failures, titles);
    }

    static String firstLink(Browser b, String prefix) {
        return (String) js(b, "for (const a of document.querySelectorAll('main a[href]')) {"
                + "  const h = a.getAttribute('href'); if (h.startsWith(arguments[0]) && !h.endsWith('.csv') && !h.endsWith('/new')) return h; }"
                + " return null;", prefix);
    }

    static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(script, args);
    }

    /** The checks every page gets; problems are collected, not thrown, so one run lists them all. */
    static void check(Browser b, String who, String page, String identity, List<String> failures, Map<String, String> titles) {
        String where = page + " as " + who;
        b.driver.manage().window().setSize(new Dimension(1280, 900));
        String title = b.driver.getTitle();
        titles.put(where, title);
        if (title == null || title.isBlank() || title.startsWith("Export Licensing Portal")) {
            failures.add(where + ": no descriptive title: " + title);
        }
        if (identity != null && !title.contains(identity)) {
            failures.add(where + ": title '" + title + "' does not name " + identity);
        }
        if (title.contains("Page not found") || title.contains("not allowed")) {
            failures.add(where + ": error page: " + title);
        }
        try {
            Accessibility.assertNoSeriousViolations(b.driver, where);
        } catch (AssertionError err) {
            failures.add(err.getMessage());
        }
        Object tables = js(b, "const out = [];"
                + "document.querySelectorAll('main table').forEach((t, i) => {"
                + "  if (!t.querySelector(':scope > caption') || !t.querySelector(':scope > caption').textContent.trim()) out.push('table ' + i + ' has no caption');"
                + "  t.querySelectorAll('th').forEach(th => { if (!th.hasAttribute('scope') && !th.closest('td')) out.push('th \"' + th.textContent.trim().slice(0, 30) + '\" has no scope'); });"
                + "});"
                + "return out.join('; ');");
        if (tables != null && !tables.toString().isEmpty()) {
            failures.add(where + ": " + tables);
        }
        Object badForms = js(b, "return [...document.querySelectorAll('form')].map(f => f.getAttribute('action') || '')"
                + ".filter(a => /[\"+ ]/.test(a)).join(', ');");
        if (badForms != null && !badForms.toString().isEmpty()) {
            failures.add(where + ": form posts to a garbled address: " + badForms);
        }
        Object wordless = js(b, "return [...document.querySelectorAll('.status')].filter(e => !e.textContent.trim()).length;");
        if (((Number) wordless).longValue() > 0) {
            failures.add(where + ": a status shown by colour alone, without words");
        }
        if (identity != null && b.driver.findElements(By.cssSelector("nav.breadcrumbs")).isEmpty()) {
            failures.add(where + ": deep page without breadcrumbs");
        }
        String shot = ("deep-" + who + page).replaceAll("[^A-Za-z0-9]+", "-");
        b.screenshot(shot + "-desktop");
        b.driver.manage().window().setSize(new Dimension(390, 844));
        Object overflow = js(b, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow instanceof Number n && n.longValue() > 1) {
            failures.add(where + ": page scrolls sideways by " + n + "px at phone width; widest: " + widest(b));
        }
        b.screenshot(shot + "-phone");
        b.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    static Object widest(Browser b) {
        return js(b, "const w = document.documentElement.clientWidth, out = [];"
                + "for (const el of document.querySelectorAll('body *')) {"
                + "  const r = el.getBoundingClientRect();"
                + "  if (r.right > w + 1 && out.length < 4 && !el.closest('.table-wrap')) {"
                + "    out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '')"
                + "      + (el.id ? '#' + el.id : '') + ' (' + Math.round(r.right) + 'px)');"
                + "  }"
                + "}"
                + "return out.join(', ');");
    }

    /**
     * 200% zoom on a 1280 px laptop screen leaves 640 CSS px: the main pages of each role must not scroll sideways
     * and every link and button of the page must be reachable (inside the page, or in a scrollable table).
     */
    @Test
    void mainPagesWorkAt200PercentZoom() {
        records();
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("anonymous", List.of("/", "/bills", "/bills/119/s/3374", "/help", "/verify"));
        pages.put("nvidia-vendor", List.of("/vendor", "/applications/" + draft, "/applications/" + draft + "/products",
                "/applications/" + draft + "/check", "/applications/" + decided, "/licences/" + licence, "/licences/" + licence + "/shipments"));
        pages.put("officer", List.of("/review", "/review/cases/" + decided, "/screening", "/screening/hits/" + hit, "/revenue"));
        pages.put("senior", List.of("/policy", "/policy/new", "/customers", "/licences/" + licence + "/status"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var e : pages.entrySet()) {
            try (Browser b = Browser.start()) {
                if (!e.getKey().equals("anonymous")) {
                    b.signIn(e.getKey());
                }
                b.driver.manage().window().setSize(new Dimension(640, 900));
                for (String path : e.getValue()) {
                    b.open(path);
                    checked++;
                    String where = path + " as " + e.getKey() + " at 200%";
                    Object inner = js(b, "return window.innerWidth;");
                    assertTrue(((Number) inner).longValue() <= 640, "viewport " + inner);
                    Object overflow = js(b, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    if (overflow instanceof Number n && n.longValue() > 1) {
                        failures.add(where + ": scrolls sideways by " + n + "px; widest: " + widest(b));
                    }
                    Object unreachable = js(b, "const w = document.documentElement.clientWidth, out = [];"
                            + "for (const el of document.querySelectorAll('main a[href], main button, main input, main select, main textarea')) {"
                            + "  if (el.type === 'hidden' || el.closest('.table-wrap')) continue;"
                            + "  const r = el.getBoundingClientRect();"
                            + "  if (r.width > 0 && (r.left < -1 || r.right > w + 1)) out.push((el.id || el.textContent.trim().slice(0, 30)));"
                            + "}"
                            + "return out.join(', ');");
                    if (unreachable != null && !unreachable.toString().isEmpty()) {
                        failures.add(where + ": controls outside the page: " + unreachable);
                    }
                    try {
                        Accessibility.assertNoSeriousViolations(b.driver, where);
                    } catch (AssertionError err) {
                        failures.add(err.getMessage());
                    }
                    b.screenshot(("zoom200-" + e.getKey() + path).replaceAll("[^A-Za-z0-9]+", "-"));
                }
            }
        }
        assertEquals(21, checked);
        if (!failures.isEmpty()) {
            fail(failures.size() + " problems at 200% zoom:\n  " + String.join("\n  ", failures));
        }
    }

    /** The licence, a decision letter and a bill page print black on white, without navigation, forms or buttons. */
    @Test
    void licenceLetterAndBillPrintWithoutNavigation() throws Exception {
        records();
        try (Browser vendor = Browser.start(); Browser anonymous = Browser.start()) {
            vendor.signIn("nvidia-vendor");
            printed(vendor, "/licences/" + licence, "print-licence", licenceNumber, "Pay the United States government 25%");
            String conditions = vendor.text(By.cssSelector(".licence-conditions"));
            assertTrue(conditions.contains("25%"), conditions);
            printed(vendor, "/applications/" + decided + "/letters/" + letter, "print-decision-letter", decidedRef, decidedRef);
            printed(anonymous, "/bills/119/s/3374", "print-bill", "S. 3374", "Cosponsors");
        }
    }

    void printed(Browser b, String path, String name, String heading, String body) throws Exception {
        b.open(path);
        ChromeDriver chrome = (ChromeDriver) b.driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals(Boolean.TRUE, js(b, "return matchMedia('print').matches;"));
            for (String hidden : List.of(".site-header", ".site-nav", ".site-footer", ".breadcrumbs", "main form", "main .actions", ".skip-link")) {
                Object shown = js(b, "return [...document.querySelectorAll(arguments[0])].filter(e => getComputedStyle(e).display !== 'none').length;",
                        hidden);
                assertEquals(0L, ((Number) shown).longValue(), hidden + " is printed on " + path);
            }
            assertTrue(b.text(By.tagName("h1")).contains(heading) || b.driver.findElement(By.tagName("main")).getText().contains(heading),
                    heading + " printed on " + path);
            assertTrue(b.driver.findElement(By.tagName("main")).getText().contains(body), body + " printed on " + path);
            Object colours = js(b, "const out = new Set();"
                    + "for (const el of document.querySelectorAll('main, main *')) {"
                    + "  const s = getComputedStyle(el); out.add(s.color);"
                    + "  if (s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'rgb(255, 255, 255)') out.add('bg ' + s.backgroundColor);"
                    + "}"
                    + "return [...out].join(';');");
            assertEquals("rgb(0, 0, 0)", colours, "black on white when printed: " + path);
            @SuppressWarnings("unchecked")
            Map<String, Object> pdf = (Map<String, Object>) chrome.executeCdpCommand("Page.printToPDF", Map.of("printBackground", false));
            byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
            assertTrue(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".pdf"), bytes);
            b.screenshot(name);
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        assertFalse("none".equals(js(b, "return getComputedStyle(document.querySelector('.site-nav')).display;")), "on screen again");
    }

    /** The review queue's sortable column says how it is sorted (aria-sort) and its link sorts the other way. */
    @Test
    void reviewQueueSortsBySubmissionAndSaysSo() {
        records();
        PortalSession officer = PortalSession.of("officer");
        String oldest = officer.given().get("/review?queue=open").then().statusCode(200).extract().asString();
        assertTrue(oldest.contains("aria-sort=\"ascending\""), "sorted oldest first by default");
        assertTrue(oldest.contains("href=\"/review?queue=open&amp;sort=newest\""), "the header links to the other direction");
        assertTrue(oldest.contains("sort newest first</span>"), "the link says what it does");
        String newest = officer.given().get("/review?queue=open&sort=newest").then().statusCode(200).extract().asString();
        assertTrue(newest.contains("aria-sort=\"descending\""));
        List<String> up = references(oldest);
        List<String> down = references(newest);
        assertTrue(up.size() >= 2, "rows: " + up);
        assertEquals(down.get(0), newestOpenReference(), "the newest submission comes first");
        assertEquals(up.get(0), oldestOpenReference(), "the oldest submission comes first");
    }

    static List<String> references(String html) {
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"row\"><a href=\"/review/cases/\\d+\">(ELA-\\d{4}-\\d{6})</a>").matcher(html);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    String newestOpenReference() {
        return text("SELECT reference FROM application WHERE status IN ('SUBMITTED','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED')"
                + " ORDER BY submitted_at DESC, id DESC");
    }

    String oldestOpenReference() {
        return text("SELECT reference FROM application WHERE status IN ('SUBMITTED','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED')"
                + " ORDER BY submitted_at, id");
    }

    /** A new draft policy version made by a senior officer's form; its page's path. */
    static String policyDraft() {
        var made = FormPost.post(PortalSession.of("senior"), "/policy/drafts", "code", "A11Y-DRAFT-" + (System.nanoTime() % 1000000), "title",
                "Draft for the accessibility tests", "legalBasis", "Federal Register 2099-00002", "effectiveFrom",
                LocalDate.now().plusYears(2).toString(), "destinations", "CN, MO", "eligibleArchitectures", "Hopper", "excludedArchitectures",
                "Blackwell, Rubin", "tppBelow", "21000", "dramBandwidthBelowGbps", "6500", "revenueSharePercent", "25",
                "maxShipmentRatioPercent", "50", "certification", List.of("REVENUE_SHARE"));
        assertEquals(303, made.statusCode(), made.asString());
        return made.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    /** Removing a document asks first, on a page that says what will happen; only the confirmation's POST removes it. */
    @Test
    void destructiveActionsAskFirstAndSayWhatHappens() {
        records();
        long doomed = fixtures.completeDraft("nvidia", 5, "31000.00");
        long doc = number("SELECT id FROM application_document WHERE application_id = " + doomed);
        try (Browser b = Browser.start()) {
            b.signIn("nvidia-vendor");
            b.open("/applications/" + doomed + "/documents");
            b.clickAndWait(By.partialLinkText("Remove"));
            assertTrue(b.driver.getTitle().startsWith("Remove end-user-statement.pdf from Draft application " + doomed), b.driver.getTitle());
            assertTrue(b.text(By.cssSelector(".confirm")).contains("will be deleted from the draft"), b.text(By.cssSelector(".confirm")));
            Accessibility.assertNoSeriousViolations(b.driver, "remove document confirmation");
            assertEquals(1L, number("SELECT count(*) FROM application_document WHERE id = " + doc), "nothing removed by asking");
            b.clickAndWait(By.linkText("No, keep it"));
            assertEquals(1L, number("SELECT count(*) FROM application_document WHERE id = " + doc), "kept");
            b.open("/applications/" + doomed + "/documents/" + doc + "/remove");
            b.clickAndWait(By.xpath("//button[normalize-space()='Yes, remove it']"));
            assertEquals(0L, number("SELECT count(*) FROM application_document WHERE id = " + doc), "removed once confirmed");
            assertTrue(b.driver.getCurrentUrl().endsWith("/applications/" + doomed + "/documents"));

            // deleting the draft itself: its own confirmation page
            b.open("/applications/" + doomed);
            b.clickAndWait(By.partialLinkText("Delete"));
            assertTrue(b.driver.findElement(By.tagName("h1")).getText().contains("Are you sure"));
            b.clickAndWait(By.xpath("//button[normalize-space()='Yes, delete the draft']"));
            assertEquals(0L, number("SELECT count(*) FROM application WHERE id = " + doomed));
        }
        // a senior officer's draft policy: discarding asks first too
        PortalSession senior = PortalSession.of("senior");
        String draftPath = policyDraft();
        String draftPage = senior.given().get(draftPath).asString();
        assertTrue(draftPage.contains("href=\"" + draftPath + "/discard\""), "the draft page links to the confirmation");
        String confirm = senior.given().get(draftPath + "/discard").then().statusCode(200).extract().asString();
        assertTrue(confirm.contains("will never take effect"), confirm);
        assertTrue(confirm.contains("action=\"" + draftPath + "/discard\""));
        long id = Long.parseLong(draftPath.replaceAll("\\D", ""));
        assertEquals(1L, number("SELECT count(*) FROM policy_version WHERE id = " + id + " AND status = 'DRAFT'"), "asking discards nothing");
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(confirm);
        assertTrue(version.find());
        assertEquals(303, FormPost.post(senior, draftPath + "/discard", "version", version.group(1)).statusCode());
        assertEquals(0L, number("SELECT count(*) FROM policy_version WHERE id = " + id), "discarded once confirmed");
    }
}
