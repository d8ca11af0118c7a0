package gov.exports.portal.congress;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live congress.gov API (prefix {@code portal.congress-api}); without an API key nothing is fetched. */
@ConfigMapping(prefix = "portal.congress-api")
public interface CongressApiConfig {

    /** e.g. https://api.congress.gov/v3 */
    @WithDefault("https://api.congress.gov/v3")
    String baseUrl();

    /** api.data.gov key (env PORTAL_CONGRESS_API_KEY); the scheduled refresh is off without it. */
    Optional<String> apiKey();

    /** How often tracked bills are refreshed, e.g. 6h. */
    @WithDefault("6h")
    String refreshEvery();

    @WithDefault("20S")
    Duration timeout();

    /** Pages of 250 items fetched per list (actions, cosponsors …) at most. */
    @WithDefault("8")
    int maxPages();
}
