package gov.exports.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import io.quarkus.test.junit.QuarkusTest;

/** Real Chromium: a vendor fills the whole wizard, uploads a PDF, submits, and sees the reference and status. */
@QuarkusTest
class ApplicationWizardBrowserTest {

    @Test
    void aVendorFillsTheWizardUploadsAPdfAndSubmits() throws Exception {
        Path pdf = Files.createTempFile("end-user-statement", ".pdf");
        Files.write(pdf, DraftDriver.pdf("signed end-user statement"));
        try (Browser b = Browser.start()) {
            b.signIn("nvidia-vendor");
            assertEquals("Licence applications", b.text(By.tagName("h1")));
            Accessibility.assertNoSeriousViolations(b.driver, "vendor dashboard");
            click(b, "Start a new application");
            assertEquals("Licence application: draft", b.text(By.tagName("h1")));
            assertTrue(b.text(By.className("tasklist")).contains("Not started"));
            Accessibility.assertNoSeriousViolations(b.driver, "task list");
            b.screenshot("wizard-1-task-list");

            // products: a bad price first, then a good line
            link(b, "Products, quantities and prices");
            new Select(b.driver.findElement(By.id("productId"))).selectByVisibleText("NVIDIA H200 (Hopper)");
            b.driver.findElement(By.id("quantity")).sendKeys("120");
            b.driver.findElement(By.id("unitPrice")).sendKeys("thirty thousand");
            click(b, "Add product line");
            assertTrue(b.text(By.className("error-summary")).contains("The unit price must be an amount in US dollars"));
            Accessibility.assertNoSeriousViolations(b.driver, "products with errors");
            b.screenshot("wizard-2-products-error");
            b.driver.findElement(By.id("unitPrice")).clear();
            b.driver.findElement(By.id("unitPrice")).sendKeys("30000.00");
            click(b, "Add product line");
            assertTrue(b.text(By.tagName("table")).contains("$3,600,000.00"));
            assertTrue(b.text(By.tagName("table")).contains("Meets the policy in force"));
            Accessibility.assertNoSeriousViolations(b.driver, "products");
            link(b, "Return to the task list");

            // consignee from the register; end user is the same
            link(b, "Ultimate consignee and end user");
            Select customers = new Select(b.driver.findElement(By.id("customerId")));
            customers.getOptions().stream().filter(o -> o.getText().startsWith("Shanghai Example")).findFirst().orElseThrow().click();
            Accessibility.assertNoSeriousViolations(b.driver, "consignee");
            click(b, "Save and continue");
            assertEquals("End user", b.text(By.tagName("h1")));
            b.driver.findElement(By.id("same-yes")).click();
            click(b, "Save and continue");

            link(b, "Intermediate consignees");
            Accessibility.assertNoSeriousViolations(b.driver, "intermediaries");
            click(b, "There are no intermediate consignees");

            link(b, "End use, shipping route and shipment window");
            b.driver.findElement(By.id("endUseStatement")).sendKeys("Inference services in the customer's Shanghai data centre.");
            b.driver.findElement(By.id("shippingRoute")).sendKeys("Santa Clara, CA - SFO - Shanghai Pudong (PVG)");
            LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(20);
            setDate(b, "shipmentFrom", start);
            setDate(b, "shipmentTo", start.plusMonths(2));
            Accessibility.assertNoSeriousViolations(b.driver, "end use");
            click(b, "Save and continue");

            link(b, "Certifications");
            assertTrue(b.text(By.tagName("main")).contains("We will pay the United States government 25% of the revenue"));
            for (WebElement box : b.driver.findElements(By.cssSelector("input[name=certification]"))) {
                box.click();
            }
            b.driver.findElement(By.id("shipmentRatioPercent")).sendKeys("35");
            Accessibility.assertNoSeriousViolations(b.driver, "certifications");
            b.screenshot("wizard-3-certifications");
            click(b, "Save and continue");

            link(b, "Supporting documents");
            b.driver.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
            click(b, "Upload");
            assertTrue(b.text(By.tagName("table")).contains(pdf.getFileName().toString()));
            Accessibility.assertNoSeriousViolations(b.driver, "documents");
            link(b, "Return to the task list");

            assertTrue(b.text(By.tagName("main")).contains("You have completed 6 of 6 sections"));
            b.screenshot("wizard-4-task-list-complete");
            link(b, "Check your answers");
            assertEquals("Check your answers before submitting", b.text(By.tagName("h1")));
            Accessibility.assertNoSeriousViolations(b.driver, "check your answers");
            b.screenshot("wizard-5-check-answers");
            click(b, "Submit application");

            String reference = b.text(By.className("reference"));
            assertTrue(reference.matches("ELA-\\d{4}-\\d{6}"), reference);
            assertTrue(b.text(By.tagName("h1")).contains(reference));
            assertEquals("Submitted", b.text(By.cssSelector("dl.summary .status")));
            Accessibility.assertNoSeriousViolations(b.driver, "submitted application");
            b.screenshot("wizard-6-submitted");

            b.open("/vendor");
            assertTrue(b.text(By.tagName("table")).contains(reference));
            b.screenshot("wizard-7-dashboard");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    void officialsSeeTheQueueReferenceDataAndPolicyAccessibly() {
        try (Browser b = Browser.start()) {
            b.signIn("senior");
            Accessibility.assertNoSeriousViolations(b.driver, "officer queue");
            b.screenshot("officer-queue");
            for (String page : new String[] { "/products", "/products/new", "/customers", "/customers/new", "/policy" }) {
                b.open(page);
                Accessibility.assertNoSeriousViolations(b.driver, page);
            }
            b.open("/customers/new");
            b.driver.findElement(By.id("nameLatin")).sendKeys("Browser Test Co., Ltd.");
            b.driver.findElement(By.id("uscc")).sendKeys("91350100M000100Y44");
            click(b, "Save customer");
            assertTrue(b.text(By.className("error-summary")).contains("check character is wrong"));
            assertTrue(b.text(By.id("field-uscc")).contains("check character is wrong"));
            Accessibility.assertNoSeriousViolations(b.driver, "customer form with errors");
            b.screenshot("customer-form-errors");
            b.open("/policy");
            b.screenshot("policy");
        }
    }

    /** Clicks and waits for the next page: form posts answer with a redirect or a re-rendered page. */
    static void click(Browser b, String buttonText) {
        WebElement page = b.driver.findElement(By.tagName("html"));
        b.driver.findElement(By.xpath("//button[normalize-space()=\"" + buttonText + "\"]")).click();
        waitForNewPage(b, page);
    }

    static void link(Browser b, String text) {
        WebElement page = b.driver.findElement(By.tagName("html"));
        b.driver.findElement(By.linkText(text)).click();
        waitForNewPage(b, page);
    }

    static void waitForNewPage(Browser b, WebElement old) {
        try {
            WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(20));
            wait.until(d -> Browser.pageChanged(old));
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        } catch (RuntimeException e) {
            b.screenshot("failure-" + System.currentTimeMillis());
            throw e;
        }
    }

    static void setDate(Browser b, String id, LocalDate date) {
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1]", b.driver.findElement(By.id(id)),
                date.toString());
    }
}
