package gov.exports.portal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The portal's own settings (prefix {@code portal.}); Quarkus' settings stay in application.properties. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** Shown in the header and page titles. */
    @WithDefault("Export Licensing Portal")
    String name();

    /** Loads demo organisations and reference data at start-up (dev and test only). */
    @WithDefault("false")
    boolean demoData();

    Keycloak keycloak();

    /** How often Keycloak's availability is probed (web/SignInService), e.g. 5s. */
    @WithDefault("5s")
    String signInProbeEvery();

    interface Keycloak {
        /** Base URL of Keycloak, e.g. http://127.0.0.1:8180 */
        String url();

        @WithDefault("export-portal")
        String realm();
    }
}
