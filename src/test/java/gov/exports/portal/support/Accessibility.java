package gov.exports.portal.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** axe-core in the real browser: a page passes when it has no serious or critical violations. */
public final class Accessibility {

    private Accessibility() {
    }

    public static void assertNoSeriousViolations(WebDriver driver, String pageName) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        if (!serious.isEmpty()) {
            fail("Accessibility violations on " + pageName + ":\n" + serious.stream()
                    .map(v -> "  [" + v.getImpact() + "] " + v.getId() + ": " + v.getHelp() + " — "
                            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
    }
}
