package gov.exports.portal.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person without a mouse: only key presses (Tab, Shift+Tab, Enter, Space, arrows) and typing into whatever has
 * focus. Never clicks. Every element Tab lands on must show a visible focus indicator.
 */
public final class Keyboard {

    private final Browser b;
    /** Tab stops that had no visible focus indicator (described), collected for the test to assert on. */
    public final List<String> invisibleFocus = new ArrayList<>();

    public Keyboard(Browser b) {
        this.b = b;
    }

    public void press(CharSequence... keys) {
        new Actions(b.driver).sendKeys(keys).perform();
    }

    /** Types into the focused element. */
    public void type(String text) {
        new Actions(b.driver).sendKeys(text).perform();
    }

    public WebElement focused() {
        return b.driver.switchTo().activeElement();
    }

    public String describeFocused() {
        return (String) js("const e = document.activeElement;"
                + "return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '')"
                + " + ' \"' + (e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '\"';");
    }

    /** Presses Tab once and checks the newly focused element's focus indicator (outline or box-shadow). */
    public WebElement tab() {
        press(Keys.TAB);
        boolean leftThePage = Boolean.TRUE.equals(js("return document.activeElement === document.body || !document.activeElement;"));
        if (!leftThePage && !focusVisible()) {
            invisibleFocus.add(b.driver.getCurrentUrl() + ": " + describeFocused());
        }
        return focused();
    }

    /** True when the focused element, as focused, has a computed outline or box-shadow (the portal's :focus-visible ring). */
    public boolean focusVisible() {
        return Boolean.TRUE.equals(js("const e = document.activeElement; if (!e || e === document.body) return false;"
                + "const s = getComputedStyle(e);"
                + "const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                + "return outline || s.boxShadow !== 'none';"));
    }

    /** Presses Tab until the focused element matches, at most {@code max} times. */
    public WebElement tabTo(String what, Predicate<WebElement> wanted, int max) {
        for (int i = 0; i < max; i++) {
            WebElement e = tab();
            if (wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + b.driver.getCurrentUrl() + " (last: " + describeFocused() + ")");
    }

    public WebElement tabTo(String what, Predicate<WebElement> wanted) {
        return tabTo(what, wanted, 250);
    }

    public WebElement tabToId(String id) {
        return tabTo("#" + id, e -> id.equals(e.getAttribute("id")));
    }

    public WebElement tabToText(String text) {
        return tabTo("'" + text + "'", e -> e.getText().strip().equals(text));
    }

    /** Presses Enter on the focused link or button and waits for the next page. */
    public void enterAndWait() {
        var oldPage = b.driver.findElement(By.tagName("html"));
        press(Keys.ENTER);
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> Browser.pageChanged(oldPage));
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> "complete".equals(js("return document.readyState")));
    }

    /** Signs in through Keycloak's form with the keyboard: Tab to "Sign in", Enter, type, Tab, type, Enter. */
    public void signIn(String username) {
        b.open("/");
        tabToText("Sign in");
        enterAndWait();
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("username")).isEmpty());
        if (!"username".equals(focused().getAttribute("id"))) {
            tabTo("the username field", e -> "username".equals(e.getAttribute("id")), 20);
        }
        type(username);
        tabTo("the password field", e -> "password".equals(e.getAttribute("id")), 5);
        type(PortalSession.PASSWORD);
        var oldPage = b.driver.findElement(By.tagName("html"));
        press(Keys.ENTER);
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> Browser.pageChanged(oldPage)
                && d.getCurrentUrl().startsWith(PortalSession.baseUrl()));
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> "complete".equals(js("return document.readyState")));
        invisibleFocus.removeIf(s -> !s.startsWith(PortalSession.baseUrl())); // Keycloak's own page is not ours to style
    }

    /**
     * Keys that enter a date into a focused native date input, in the order of the browser's locale
     * (month/day/year for en-US, day/month/year otherwise).
     */
    public void typeDate(java.time.LocalDate date) {
        String lang = String.valueOf(js("return navigator.language;"));
        String mm = String.format("%02d", date.getMonthValue());
        String dd = String.format("%02d", date.getDayOfMonth());
        String yyyy = String.valueOf(date.getYear());
        type(lang.equals("en-US") || lang.equals("en") ? mm + dd + yyyy : lang.startsWith("en") || lang.startsWith("fr") || lang.startsWith("de")
                ? dd + mm + yyyy : yyyy + mm + dd);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) b.driver).executeScript(script);
    }
}
