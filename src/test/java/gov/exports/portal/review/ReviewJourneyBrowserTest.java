package gov.exports.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.licence.Licence;
import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole review in real browsers: the vendor submits, an officer takes the case and asks a question, the vendor
 * answers with a PDF, the officer recommends approval with conditions, a senior officer countersigns, the officer
 * issues the licence, and the vendor sees it, with the e-mails sent on the way.
 */
@QuarkusTest
class ReviewJourneyBrowserTest {

    @Inject
    ReviewFixtures fixtures;

    @Inject
    MockMailbox mailbox;

    @Test
    void fromSubmissionToLicence() throws Exception {
        mailbox.clear();
        long id = fixtures.completeDraft("nvidia", 120, "30000.00");
        Path pdf = Files.createTempFile("test-report", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% third-party laboratory test report\n%%EOF\n", StandardCharsets.ISO_8859_1);

        try (Browser vendor = Browser.start(); Browser officer = Browser.start(); Browser senior = Browser.start()) {
            // the vendor submits
            vendor.signIn("nvidia-vendor").open("/applications/" + id + "/check");
            vendor.clickAndWait(By.xpath("//button[normalize-space()='Submit application']"));
            String reference = QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).reference);
            assertTrue(vendor.driver.getPageSource().contains(reference));

            // an officer finds it in the unassigned queue and takes it
            officer.signIn("officer").open("/review?queue=unassigned");
            Accessibility.assertNoSeriousViolations(officer.driver, "review queue");
            officer.driver.findElement(By.id("q")).sendKeys(reference);
            officer.clickAndWait(By.xpath("//button[normalize-space()='Apply filters']"));
            officer.clickAndWait(By.linkText(reference));
            officer.clickAndWait(By.xpath("//button[normalize-space()='Take this case']"));
            assertTrue(officer.driver.getPageSource().contains("You have taken this case"));
            Accessibility.assertNoSeriousViolations(officer.driver, "case page");

            // and asks a question (the due date is pre-filled two weeks ahead)
            officer.driver.findElement(By.id("question")).sendKeys("Please send the third-party laboratory test report for the first shipment.");
            officer.clickAndWait(By.xpath("//button[normalize-space()='Send the request']"));
            assertTrue(officer.driver.getPageSource().contains("The review clock is paused"));
            assertStatus(id, ApplicationStatus.INFORMATION_REQUESTED);

            // the vendor sees the question on the application and answers with a PDF
            vendor.open("/applications/" + id);
            assertTrue(vendor.driver.getPageSource().contains("third-party laboratory test report"));
            vendor.clickAndWait(By.linkText("Answer the request"));
            vendor.driver.findElement(By.id("answer")).sendKeys("The report from the laboratory in Austin, Texas is attached.");
            vendor.driver.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
            vendor.clickAndWait(By.xpath("//button[normalize-space()='Send the answer']"));
            assertTrue(vendor.driver.getPageSource().contains("Your answer"));
            assertStatus(id, ApplicationStatus.UNDER_REVIEW);

            // the officer reads the answer and recommends approval with conditions
            officer.open("/review/cases/" + id);
            assertTrue(officer.driver.getPageSource().contains("laboratory in Austin"));
            assertTrue(officer.driver.findElement(By.linkText(pdf.getFileName().toString())).isDisplayed(), "the attached PDF is listed");
            officer.driver.findElement(By.id("outcome-APPROVE_WITH_CONDITIONS")).click();
            officer.driver.findElement(By.id("condition-END_USE_CHECK")).click();
            officer.driver.findElement(By.id("conditionText")).sendKeys("Ship no more than 40 units in any month.");
            officer.driver.findElement(By.id("reasons")).sendKeys("Eligible H200s for an approved customer; test report received.");
            officer.clickAndWait(By.xpath("//button[normalize-space()='Recommend']"));
            assertTrue(officer.driver.getPageSource().contains("A different senior officer must now countersign it"));
            officer.screenshot("review-case-recommended");
            assertStatus(id, ApplicationStatus.RECOMMENDED);

            // a senior officer (not the recommender) countersigns
            senior.signIn("senior2").open("/review?queue=countersign");
            senior.driver.findElement(By.id("q")).sendKeys(reference);
            senior.clickAndWait(By.xpath("//button[normalize-space()='Apply filters']"));
            senior.clickAndWait(By.linkText(reference));
            senior.driver.findElement(By.id("decision-agree")).click();
            senior.clickAndWait(By.xpath("//button[normalize-space()='Countersign']"));
            assertTrue(senior.driver.getPageSource().contains("The decision has taken effect") || senior.driver.getPageSource()
                    .contains("It has taken effect"));
            assertStatus(id, ApplicationStatus.APPROVED_WITH_CONDITIONS);

            // the officer issues the licence for fewer units than asked
            officer.open("/review/cases/" + id);
            officer.clickAndWait(By.linkText("Issue the licence"));
            Accessibility.assertNoSeriousViolations(officer.driver, "issue licence");
            var quantity = officer.driver.findElement(By.cssSelector("input[name=quantity]"));
            quantity.clear();
            quantity.sendKeys("100");
            var value = officer.driver.findElement(By.cssSelector("input[name=value]"));
            value.clear();
            value.sendKeys("3000000.00");
            officer.clickAndWait(By.xpath("//button[normalize-space()='Issue the licence']"));
            String licencePage = officer.driver.getPageSource();
            assertTrue(licencePage.contains("has been issued"), "issued");
            Licence licence = QuarkusTransaction.requiringNew().call(() -> Licence.ofApplication(id));
            assertTrue(licence.number.matches("CHX-\\d{4}-\\d{6}"));
            assertTrue(licencePage.contains(licence.number));

            // the vendor sees the licence and the decision letter
            vendor.open("/applications/" + id);
            vendor.clickAndWait(By.linkText(licence.number));
            String vendorLicence = vendor.driver.getPageSource();
            assertTrue(vendorLicence.contains("25%"), "revenue share from the policy");
            assertTrue(vendorLicence.contains("Ship no more than 40 units in any month."), "the officer's condition travels with the licence");
            assertTrue(vendorLicence.contains("100"), "authorised quantity");
            Accessibility.assertNoSeriousViolations(vendor.driver, "licence page");
            vendor.screenshot("review-journey-licence");
            vendor.open("/applications/" + id);
            vendor.clickAndWait(By.partialLinkText("Approval of licence application"));
            assertTrue(vendor.driver.getPageSource().contains("approved with conditions"));
            assertFalse(vendor.driver.getPageSource().contains("Internal notes"));

            // the statistics now count the decision and the licensed value
            senior.open("/review/dashboard");
            Accessibility.assertNoSeriousViolations(senior.driver, "review statistics");
            assertTrue(senior.driver.findElements(By.cssSelector("svg[role=img] title")).size() >= 4, "four charts with titles");
            senior.screenshot("review-dashboard");
        }

        List<Mail> mails = mailbox.getMailsSentTo("nvidia-vendor@demo.example");
        String reference = QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).reference);
        assertTrue(mails.stream().anyMatch(m -> m.getSubject().equals("Information requested on " + reference)), "information request mailed");
        assertTrue(mails.stream().anyMatch(m -> m.getSubject().startsWith("Decision on " + reference)), "decision mailed");
        assertTrue(mails.stream().anyMatch(m -> m.getSubject().startsWith("Licence CHX-") && m.getSubject().endsWith(reference)),
                "licence issue mailed");
        assertTrue(mailbox.getMailsSentTo("nvidia-admin@demo.example").stream()
                .anyMatch(m -> m.getSubject().startsWith("Decision on " + reference)), "every member of the organisation");
        assertEquals(0, mailbox.getMailsSentTo("amd-vendor@demo.example").stream().filter(m -> m.getSubject().contains(reference)).count());
    }

    static void assertStatus(long id, ApplicationStatus expected) {
        assertEquals(expected, QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).status));
    }
}
