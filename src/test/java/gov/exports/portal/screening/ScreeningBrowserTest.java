package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import io.quarkus.test.junit.QuarkusTest;

/** The officials' screening pages in real Chromium, checked with axe. */
@QuarkusTest
class ScreeningBrowserTest {

    @Inject
    ListImporter importer;

    @Inject
    ScreeningService screening;

    @Test
    void officerSearchesInChineseAndReadsTheExplanation() {
        ScreeningTestSupport.demoListInForce(importer);
        try (Browser b = Browser.start()) {
            b.signIn("officer");
            b.clickAndWait(By.linkText("Screening"));
            assertEquals("Screen a party – Export Licensing Portal", b.driver.getTitle());
            Accessibility.assertNoSeriousViolations(b.driver, "screening search (empty)");

            b.driver.findElement(By.id("name")).sendKeys("华为技术有限公司");
            b.driver.findElement(By.id("country")).sendKeys("China");
            b.clickAndWait(By.xpath("//button[normalize-space()='Search the list']"));
            assertEquals("Screening results for 华为技术有限公司 – Export Licensing Portal", b.driver.getTitle());
            List<WebElement> cards = b.driver.findElements(By.cssSelector(".hit-card"));
            assertTrue(!cards.isEmpty());
            String first = cards.get(0).getText();
            assertTrue(first.contains("Huawei Technologies Co., Ltd."), first);
            assertTrue(first.contains("Hit: score 1.0"), first);
            assertTrue(first.contains("matched the alias \"华为技术有限公司\""), first);
            assertTrue(first.contains("Country China is a country of the listed addresses"), first);
            Accessibility.assertNoSeriousViolations(b.driver, "screening search results");
            b.screenshot("screening-search-results");

            // an empty name: error next to the field and in the summary
            b.open("/screening?name=&country=Atlantis");
            assertTrue(b.text(By.className("error-summary")).contains("Enter the name of the party"));
            assertTrue(b.text(By.id("field-country")).contains("Enter a country name"));
            Accessibility.assertNoSeriousViolations(b.driver, "screening search errors");

            b.open("/screening/versions");
            assertTrue(b.text(By.tagName("table")).length() > 0);
            Accessibility.assertNoSeriousViolations(b.driver, "screening list versions");
        }
    }

    @Test
    void seniorOfficerUploadsAListAndFollowsItsProgress() throws Exception {
        ScreeningTestSupport.demoListInForce(importer);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("screening-upload");
        java.nio.file.Path bad = dir.resolve("bad-list.csv");
        java.nio.file.Files.writeString(bad, ScreeningTestSupport.demoCsv().replace("2020-12-22", "22.12.2020"));
        java.nio.file.Path good = dir.resolve("new-list.csv");
        java.nio.file.Files.writeString(good, ScreeningTestSupport.demoCsv()
                + ScreeningTestSupport.cslRow("BR-0001", "Browser Upload Test Party Ltd.", "Hefei, CN", "") + "\n");
        try (Browser b = Browser.start()) {
            b.signIn("senior");
            b.open("/screening/import");
            Accessibility.assertNoSeriousViolations(b.driver, "screening import form");
            b.driver.findElement(By.id("file")).sendKeys(bad.toString());
            b.driver.findElement(By.xpath("//button[normalize-space()='Import the list']")).click();
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Error: "));
            assertTrue(b.text(By.className("error-summary")).contains("Line 3: start_date \"22.12.2020\" is not a date"),
                    b.text(By.className("error-summary")));
            Accessibility.assertNoSeriousViolations(b.driver, "screening import refused");

            b.driver.findElement(By.id("file")).sendKeys(good.toString());
            b.driver.findElement(By.xpath("//button[normalize-space()='Import the list']")).click();
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("1 added, 0 changed, 0 removed"));
            assertTrue(b.driver.getTitle().startsWith("List import of new-list.csv"), b.driver.getTitle());
            Accessibility.assertNoSeriousViolations(b.driver, "screening import finished");
            b.screenshot("screening-import-finished");
        }
    }

    @Test
    void officerDispositionsAHitInTheBrowser() {
        ScreeningTestSupport.demoListInForce(importer);
        ScreeningService.Outcome o = screening.screen(new ScreeningSubject("APPLICATION_PARTY", 8801L, "Moore Threads Technology Co., Ltd.",
                List.of("摩尔线程"), null, "Beijing", "CN"));
        long hitId = o.hits().get(0).id;
        try (Browser b = Browser.start()) {
            b.signIn("officer");
            b.open("/screening/hits");
            assertTrue(b.text(By.tagName("table")).contains("Moore Threads Technology Co., Ltd."));
            Accessibility.assertNoSeriousViolations(b.driver, "screening hits queue");
            b.open("/screening/hits/" + hitId);
            Accessibility.assertNoSeriousViolations(b.driver, "screening hit");
            b.driver.findElement(By.xpath("//button[normalize-space()='Record the decision']")).click();
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Error: "));
            assertTrue(b.text(By.className("error-summary")).contains("Choose whether the party is the listed entry"));
            Accessibility.assertNoSeriousViolations(b.driver, "screening hit with errors");
            b.driver.findElement(By.id("decision-true")).click();
            b.driver.findElement(By.id("reason")).sendKeys("Same company: registration and address match the listing");
            b.driver.findElement(By.xpath("//button[normalize-space()='Record the decision']")).click();
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("True match</strong> by"));
            assertTrue(b.text(By.tagName("main")).contains("True match by"), b.text(By.tagName("main")));
            Accessibility.assertNoSeriousViolations(b.driver, "screening hit decided");
            b.screenshot("screening-hit-true-match");
        }
        assertTrue(screening.clearanceFor("APPLICATION_PARTY", List.of(8801L)).blocked());
    }
}
