package gov.exports.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import gov.exports.portal.support.Keyboard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without a mouse, in real Chromium: a vendor completes the end-use step of a draft and submits it, an officer takes
 * the case and recommends approval, a senior officer countersigns. Only key presses and typing into the focused
 * element; every Tab stop shows a visible focus indicator; focus order runs skip link, header, navigation, main;
 * a form with errors puts focus on its error summary, whose links put focus on the fields.
 */
@QuarkusTest
class KeyboardJourneyBrowserTest {

    @Test
    void vendorOfficerAndSeniorOfficerWithTheKeyboardOnly() {
        // products, parties, intermediaries, certifications and a document over HTTP; the rest by keyboard
        DraftDriver driver = new DraftDriver("nvidia-vendor");
        long id = driver.create();
        assertEquals(303, driver.addLine(id, "H200", 80, "25000.00").statusCode());
        assertEquals(303, driver.post("/applications/" + id + "/parties/consignee", "version", driver.version(id, "parties/consignee"),
                "customerId", DraftDriver.customerId("Shanghai Example")).statusCode());
        assertEquals(303, driver.post("/applications/" + id + "/parties/end-user", "version", driver.version(id, "parties/end-user"),
                "sameAsConsignee", "yes").statusCode());
        assertEquals(303, driver.post("/applications/" + id + "/intermediaries", "version", driver.version(id, "intermediaries"), "action",
                "done").statusCode());
        assertEquals(303, driver.post("/applications/" + id + "/certifications", "version", driver.version(id, "certifications"),
                "certification", List.of("REVENUE_SHARE", "NO_REEXPORT", "NO_MILITARY_END_USE", "KYC_REMOTE_ACCESS", "US_THIRD_PARTY_TESTING",
                        "SUFFICIENT_US_SUPPLY", "SHIPMENT_RATIO"), "shipmentRatioPercent", "40").statusCode());
        assertEquals(303, driver.upload(id, "end-user statement.pdf", DraftDriver.pdf("end-user statement")).statusCode());
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        List<String> invisible = new ArrayList<>();

        try (Browser vendor = Browser.start(); Browser officer = Browser.start(); Browser senior = Browser.start()) {
            Keyboard keys = new Keyboard(vendor);
            keys.signIn("nvidia-vendor");

            // focus order on the task list: skip link first, then the header, the navigation, the breadcrumbs, main
            vendor.open("/applications/" + id);
            WebElement first = keys.tab();
            assertEquals("Skip to main content", first.getText().strip(), "the skip link comes first");
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                keys.tab();
                if (List.of("body", "html").contains(keys.focused().getTagName())) {
                    break; // past the end of the page, into the browser's own controls
                }
                order.add(((Number) ((JavascriptExecutor) vendor.driver).executeScript("const e = document.activeElement;"
                        + "return e.closest('.site-header .header-row') ? 0 : e.closest('.site-nav') ? 1 : e.closest('.breadcrumbs') ? 2"
                        + " : e.closest('main') ? 3 : e.closest('footer') ? 4 : -1;")).intValue());
            }
            assertEquals(-1, order.indexOf(-1), "every Tab stop is in a region: " + order);
            for (int i = 1; i < order.size(); i++) {
                assertTrue(order.get(i) >= order.get(i - 1), "focus goes header → navigation → breadcrumbs → main → footer: " + order);
            }
            assertTrue(order.containsAll(List.of(0, 1, 2, 3, 4)), "header, navigation, breadcrumbs, main and footer are all reached: " + order);
            // the skip link moves focus into main
            vendor.open("/applications/" + id);
            keys.tab();
            keys.press(Keys.ENTER);
            assertEquals("main", keys.focused().getAttribute("id"), "the skip link moves focus to main");
            WebElement inMain = keys.tab();
            assertTrue((Boolean) ((JavascriptExecutor) vendor.driver).executeScript("return !!arguments[0].closest('main');", inMain),
                    "the next Tab stop is inside main: " + keys.describeFocused());

            // the end-use step, typed: first with the last date before the first
            vendor.open("/applications/" + id);
            keys.tabTo("the end-use task", e -> String.valueOf(e.getAttribute("href")).endsWith("/end-use"));
            keys.enterAndWait();
            assertTrue(vendor.driver.getTitle().startsWith("End use and shipping"), vendor.driver.getTitle());
            keys.tabToId("endUseStatement");
            keys.type("Training of language models in the customer's Shanghai data centre; no military end use.");
            keys.tabToId("shippingRoute");
            keys.type("Santa Clara, CA - SFO air freight - Shanghai Pudong (PVG)");
            keys.tabToId("shipmentFrom");
            keys.typeDate(start);
            assertEquals(start.toString(), keys.focused().getDomProperty("value"), "a typed date lands in the native date input");
            keys.tabToId("shipmentTo");
            keys.typeDate(start.minusDays(5));
            keys.tabToText("Save and continue");
            keys.enterAndWait();
            assertTrue(vendor.driver.getTitle().startsWith("Error: "), vendor.driver.getTitle());
            assertEquals(true, keys.focused().getAttribute("class").contains("error-summary"), "the error summary has focus");
            Accessibility.assertNoSeriousViolations(vendor.driver, "end use with errors");
            WebElement link = keys.tab();
            assertTrue(link.getText().contains("last shipment date must be on or after"), link.getText());
            keys.press(Keys.ENTER);
            assertEquals("shipmentTo", keys.focused().getAttribute("id"), "the error link puts focus on the field");
            keys.typeDate(start.plusMonths(3));
            assertEquals(start.plusMonths(3).toString(), keys.focused().getDomProperty("value"));
            keys.tabToText("Save and continue");
            keys.enterAndWait();
            assertTrue(vendor.driver.getTitle().endsWith("task list – Export Licensing Portal"), vendor.driver.getTitle());

            // check the answers and submit
            keys.tabToText("Check your answers");
            keys.enterAndWait();
            keys.tabToText("Submit application");
            keys.enterAndWait();
            String reference = QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).reference);
            assertTrue(reference != null && vendor.driver.getPageSource().contains(reference), "submitted as " + reference);
            invisible.addAll(keys.invisibleFocus);

            // an officer takes the case and recommends approval, first forgetting the outcome
            Keyboard officerKeys = new Keyboard(officer);
            officerKeys.signIn("officer");
            officer.open("/review/cases/" + id);
            officerKeys.tabToText("Take this case");
            officerKeys.enterAndWait();
            assertTrue(officer.driver.getPageSource().contains("You have taken this case"));
            officerKeys.tabToText("Recommend");
            officerKeys.enterAndWait();
            assertTrue(officer.driver.getTitle().startsWith("Error: "), officer.driver.getTitle());
            assertTrue(officerKeys.focused().getAttribute("class").contains("error-summary"), "the error summary has focus");
            WebElement outcomeLink = officerKeys.tab();
            assertTrue(outcomeLink.getAttribute("href").endsWith("#outcome"), outcomeLink.getAttribute("href"));
            officerKeys.press(Keys.ENTER);
            assertEquals("outcome-APPROVE", officerKeys.focused().getAttribute("id"), "the error link puts focus in the radio group");
            officerKeys.press(Keys.SPACE);
            assertTrue(officerKeys.focused().isSelected(), "Space chose Approve");
            officerKeys.press(Keys.ARROW_DOWN);
            assertEquals("outcome-APPROVE_WITH_CONDITIONS", officerKeys.focused().getAttribute("id"), "arrow keys move within the group");
            officerKeys.press(Keys.ARROW_UP);
            assertTrue(officerKeys.focused().isSelected() && "outcome-APPROVE".equals(officerKeys.focused().getAttribute("id")));
            officerKeys.tabToId("reasons");
            officerKeys.type("Eligible H200s for an approved customer in China; screening clear.");
            officerKeys.tabToText("Recommend");
            officerKeys.enterAndWait();
            assertTrue(officer.driver.getPageSource().contains("A different senior officer must now countersign it"),
                    officer.driver.getTitle());
            assertStatus(id, ApplicationStatus.RECOMMENDED);
            invisible.addAll(officerKeys.invisibleFocus);

            // a senior officer countersigns
            Keyboard seniorKeys = new Keyboard(senior);
            seniorKeys.signIn("senior");
            senior.open("/review/cases/" + id);
            seniorKeys.tabToId("decision-agree");
            seniorKeys.press(Keys.SPACE);
            seniorKeys.tabToText("Countersign");
            seniorKeys.enterAndWait();
            assertTrue(senior.driver.getPageSource().contains("It has taken effect"), senior.driver.getTitle());
            assertStatus(id, ApplicationStatus.APPROVED);
            senior.screenshot("keyboard-journey-countersigned");
            invisible.addAll(seniorKeys.invisibleFocus);
        }
        assertEquals(List.of(), invisible, "every Tab stop shows where focus is");
    }

    static void assertStatus(long id, ApplicationStatus expected) {
        assertEquals(expected, QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).status));
    }
}
