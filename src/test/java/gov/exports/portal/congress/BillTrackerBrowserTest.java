package gov.exports.portal.congress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import gov.exports.portal.support.PortalSession;
import io.quarkus.test.junit.QuarkusTest;

/** Real Chromium: the public follows the SAFE Chips Act without signing in; editors curate it. axe checks every page. */
@QuarkusTest
class BillTrackerBrowserTest {

    @Test
    void thePublicSearchesOpensTheBillAndTheSponsorWithoutSigningIn() {
        try (Browser b = Browser.start()) {
            b.open("/");
            b.driver.findElement(By.linkText("Follow bills in Congress")).click();
            assertEquals(PortalSession.baseUrl() + "/bills", b.driver.getCurrentUrl());
            assertEquals("Bills in Congress on chip exports – Export Licensing Portal", b.driver.getTitle());
            List<String> nav = b.driver.findElements(By.cssSelector("nav.site-nav a")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("Home", "Bills"), nav, "public navigation only");
            Accessibility.assertNoSeriousViolations(b.driver, "bill list");
            b.screenshot("bills-list-anonymous");

            b.driver.findElement(By.id("q")).sendKeys("chips");
            new Select(b.driver.findElement(By.id("party"))).selectByVisibleText("Republican");
            b.driver.findElement(By.xpath("//button[normalize-space()='Search bills']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("q=chips") && d.getTitle().startsWith("Search results"));
            assertTrue(b.driver.getTitle().startsWith("Search results"));
            b.driver.findElement(By.linkText("S. 3374")).click();

            assertEquals(PortalSession.baseUrl() + "/bills/119/s/3374", b.driver.getCurrentUrl());
            assertEquals("SAFE Chips Act of 2025", b.text(By.tagName("h1")));
            WebElement current = b.driver.findElement(By.cssSelector("ol.steps li[aria-current='step']"));
            assertTrue(current.getText().contains("In committee"), current.getText());
            assertTrue(current.getText().contains("Current step"));
            assertTrue(b.driver.getPageSource().contains("9 active cosponsors: 5 Democrats, 4 Republicans."));
            assertFalse(b.driver.findElements(By.linkText("Sign in")).isEmpty(), "still anonymous: no login prompt was needed");
            Accessibility.assertNoSeriousViolations(b.driver, "bill page");
            b.screenshot("bill-119-s-3374-anonymous");
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.getElementById('status').scrollIntoView()");
            b.screenshot("bill-119-s-3374-status-and-cosponsors");
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.getElementById('over-time').scrollIntoView()");
            b.screenshot("bill-119-s-3374-over-time");

            b.driver.findElement(By.linkText("Sen. Pete Ricketts")).click();
            assertEquals(PortalSession.baseUrl() + "/members/R000618", b.driver.getCurrentUrl());
            assertEquals("Sen. Pete Ricketts", b.text(By.tagName("h1")));
            Accessibility.assertNoSeriousViolations(b.driver, "member page");
            b.screenshot("member-R000618-anonymous");
        }
    }

    @Test
    void anEditorCuratesABillAccessibly() {
        try (Browser b = Browser.start()) {
            b.signIn("editor");
            assertEquals(PortalSession.baseUrl() + "/tracker", b.driver.getCurrentUrl());
            assertEquals("Bill tracker editor", b.text(By.tagName("h1")));
            Accessibility.assertNoSeriousViolations(b.driver, "tracker editor home");
            b.screenshot("tracker-editor-home");
            b.open("/tracker/bills/119/s/3374");
            Accessibility.assertNoSeriousViolations(b.driver, "curation form");
            WebElement summary = b.driver.findElement(By.id("plainSummary"));
            summary.clear();
            summary.sendKeys("x".repeat(5001));
            b.driver.findElement(By.xpath("//button[normalize-space()='Save']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.className("error-summary")).isEmpty());
            assertTrue(b.text(By.className("error-summary")).contains("Plain-language summary must be 5000 characters or fewer"));
            assertTrue(b.driver.getTitle().startsWith("Error: "));
            Accessibility.assertNoSeriousViolations(b.driver, "curation form with an error");
            b.screenshot("tracker-curate-error");
        }
    }
}
