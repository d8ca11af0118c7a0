package gov.exports.portal.licence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the licence aftercare (prefix {@code portal.licences}). */
@ConfigMapping(prefix = "portal.licences")
public interface LicencesConfig {

    /** Lookups per minute per client address on the public /verify page. */
    @WithDefault("20")
    int verifyLookupsPerMinute();

    /** When the expiry job runs (Quartz-style cron, UTC). */
    @WithDefault("0 5 0 * * ?")
    String expiryCron();

    /** Demo licence, shipments, statements, amendment and US declarations at start-up (dev profile only; needs portal.demo-data). */
    @WithDefault("false")
    boolean demoData();
}
