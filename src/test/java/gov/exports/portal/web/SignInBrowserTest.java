package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.exports.portal.support.Accessibility;
import gov.exports.portal.support.Browser;
import gov.exports.portal.support.PortalSession;
import io.quarkus.test.junit.QuarkusTest;

/** Real Chromium, real Keycloak login page: each role lands on its page, sees only its navigation, and signs out. */
@QuarkusTest
class SignInBrowserTest {

    @Test
    void publicHomePageIsAccessibleWithoutSigningIn() {
        try (Browser b = Browser.start()) {
            b.open("/");
            assertEquals("Home – Export Licensing Portal", b.driver.getTitle());
            assertEquals(List.of("Home", "Bills"), navigation(b));
            Accessibility.assertNoSeriousViolations(b.driver, "home (anonymous)");
            b.screenshot("home-anonymous-desktop");
        }
    }

    @Test
    void vendorSignsInSeesTheirOrganisationAndSignsOut() {
        try (Browser b = Browser.start()) {
            b.signIn("nvidia-vendor");
            assertEquals(PortalSession.baseUrl() + "/vendor", b.driver.getCurrentUrl());
            assertEquals("Licence applications", b.text(By.tagName("h1")));
            assertTrue(b.text(By.className("who")).contains("Nora Vance"));
            assertTrue(b.text(By.className("who")).contains("NVIDIA Corporation"));
            assertEquals(List.of("Home", "Bills", "Applications", "Licences", "Organisation"), navigation(b));
            Accessibility.assertNoSeriousViolations(b.driver, "vendor dashboard");
            b.screenshot("vendor-dashboard-desktop");
            signOut(b);
        }
    }

    @Test
    void officerSignsInToTheReviewQueue() {
        try (Browser b = Browser.start()) {
            b.signIn("officer");
            assertEquals(PortalSession.baseUrl() + "/officer", b.driver.getCurrentUrl());
            assertEquals("Review queue", b.text(By.tagName("h1")));
            assertTrue(b.text(By.className("who-role")).contains("Licensing officer"));
            assertEquals(List.of("Home", "Bills", "Review queue", "Licences", "Revenue", "Screening", "Products", "Approved customers", "Policy"), navigation(b));
            Accessibility.assertNoSeriousViolations(b.driver, "officer queue");
            // an officer has no business on the admin pages
            b.open("/admin");
            assertEquals("You do not have access to this page", b.text(By.tagName("h1")));
            signOut(b);
        }
    }

    @Test
    void seniorOfficerSignsInAndSignsOut() {
        try (Browser b = Browser.start()) {
            b.signIn("senior");
            assertEquals(PortalSession.baseUrl() + "/officer", b.driver.getCurrentUrl());
            assertTrue(b.text(By.className("who-role")).contains("Senior licensing officer"));
            assertEquals(List.of("Home", "Bills", "Review queue", "Licences", "Revenue", "Screening", "Products", "Approved customers", "Policy"), navigation(b));
            signOut(b);
        }
    }

    @Test
    void adminSeesTheAuditTrailAndItsChainVerifies() {
        try (Browser b = Browser.start()) {
            b.signIn("admin");
            assertEquals(PortalSession.baseUrl() + "/admin", b.driver.getCurrentUrl());
            assertEquals(List.of("Home", "Bills", "Administration", "Audit trail"), navigation(b));
            b.open("/admin/audit");
            b.clickAndWait(By.xpath("//button[normalize-space()='Verify the chain now']"));
            assertTrue(b.text(By.className("notice-success")).contains("The audit chain is intact"));
            Accessibility.assertNoSeriousViolations(b.driver, "audit trail");
            signOut(b);
        }
    }

    private static List<String> navigation(Browser b) {
        return b.driver.findElements(By.cssSelector("nav.site-nav a")).stream().map(WebElement::getText).toList();
    }

    private static void signOut(Browser b) {
        b.driver.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        // RP-initiated logout: Keycloak ends its session and sends the user back to the public home page
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(PortalSession.baseUrl() + "/")
                        && !d.getCurrentUrl().startsWith(PortalSession.baseUrl() + "/officer")
                        && !d.findElements(By.linkText("Sign in")).isEmpty());
        assertFalse(b.driver.findElements(By.linkText("Sign in")).isEmpty(), "signed out: the Sign in link is back");
        // and protected pages ask for a login again
        b.open("/vendor");
        assertTrue(b.driver.getCurrentUrl().startsWith(PortalSession.keycloakUrl()), b.driver.getCurrentUrl());
    }
}
