package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import gov.exports.portal.support.RouterCapture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Visits, in real Chromium, every page without path parameters that each role may open (from the same route
 * discovery and expectations as the authorization matrix), plus the error pages, and checks each with axe
 * (no serious or critical WCAG 2.1 AA violation), for a title of its own (distinct pages, distinct titles), and for no
 * sideways scrolling at phone width.
 * Screenshots at desktop and phone widths go to target/screenshots.
 */
@QuarkusTest
class AccessibilityCrawlTest {

    @Inject
    RouterCapture router;

    @Test
    void everyPageOfEveryRolePassesAxeAndFitsAPhone() {
        AuthorizationMatrixTest matrix = new AuthorizationMatrixTest();
        matrix.router = router;
        var routes = matrix.discoverRoutes();
        var expectations = AuthorizationMatrixTest.loadExpectations();
        List<String> failures = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();

        Map<String, Set<String>> visitors = new LinkedHashMap<>();
        visitors.put("anonymous", null);
        visitors.putAll(AuthorizationMatrixTest.USERS);
        for (var visitor : visitors.entrySet()) {
            try (Browser b = Browser.start()) {
                if (visitor.getValue() != null) {
                    b.signIn(visitor.getKey());
                }
                for (var route : routes) {
                    var e = expectations.get(route);
                    if (e == null || !route.method().equals("GET") || route.path().contains("{")
                            || route.path().startsWith("/api/") || route.path().startsWith("/q/")
                            || route.path().startsWith("/test-support/") || route.path().equals("/login")
                            || route.path().endsWith(".atom") || route.path().endsWith(".csv")
                            || route.path().endsWith(".pdf") || route.path().endsWith(".svg")) {
                        continue;
                    }
                    boolean allowed = visitor.getValue() == null ? e.anonymous().equals("public") : e.allows(visitor.getValue());
                    if (!allowed) {
                        continue;
                    }
                    visit(b, route.path(), visitor.getKey(), failures, titles);
                }
                visit(b, "/no-such-page", visitor.getKey(), failures, titles);
                if (visitor.getValue() != null && !visitor.getValue().contains("admin")) {
                    visit(b, "/admin", visitor.getKey(), failures, titles); // the 403 page
                }
            }
        }
        assertTrue(titles.size() > 5, "too few pages visited: " + titles.keySet());
        // distinct pages have distinct titles (the same page may be titled differently per role)
        Map<String, String> pathOfTitle = new LinkedHashMap<>();
        titles.forEach((page, title) -> {
            String path = page.substring(0, page.indexOf(" as "));
            String seen = pathOfTitle.putIfAbsent(title, path);
            if (seen != null && !seen.equals(path)) {
                failures.add("the same title '" + title + "' on " + seen + " and " + path);
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " accessibility problems:\n  " + String.join("\n  ", failures));
        }
    }

    private static void visit(Browser b, String path, String who, List<String> failures, Map<String, String> titles) {
        b.driver.manage().window().setSize(new Dimension(1280, 900));
        b.open(path);
        String title = b.driver.getTitle();
        if (title == null || title.isBlank()) {
            failures.add(path + " as " + who + ": page has no title");
        }
        titles.put(path + " as " + who, title);
        try {
            Accessibility.assertNoSeriousViolations(b.driver, path + " as " + who);
        } catch (AssertionError err) {
            failures.add(err.getMessage());
        }
        String shot = (who + path).replaceAll("[^A-Za-z0-9]+", "-");
        b.screenshot(shot + "-desktop");
        b.driver.manage().window().setSize(new Dimension(390, 844));
        Object overflow = ((JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow instanceof Number n && n.longValue() > 1) {
            Object culprits = ((JavascriptExecutor) b.driver).executeScript(
                    "const w = document.documentElement.clientWidth, out = [];"
                    + "for (const el of document.querySelectorAll('body *')) {"
                    + "  const r = el.getBoundingClientRect();"
                    + "  if (r.right > w + 1 && out.length < 4) {"
                    + "    out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '')"
                    + "      + (el.id ? '#' + el.id : '') + ' (' + Math.round(r.right) + 'px)');"
                    + "  }"
                    + "}"
                    + "return out.join(', ');");
            failures.add(path + " as " + who + ": page scrolls sideways by " + n + "px at phone width; widest: " + culprits);
        }
        b.screenshot(shot + "-phone");
    }
}
