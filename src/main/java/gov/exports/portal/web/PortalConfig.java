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

    /**
     * Benchmarks only (src/bench/run.sh): a directory served under /bench-static/ so that a static page of the same
     * size as a bill page is served by the same server. Unset (the default everywhere else): no such route exists.
     */
    java.util.Optional<String> benchStaticDir();

    /** How often Keycloak's availability is probed (web/SignInService), e.g. 5s. */
    @WithDefault("5s")
    String signInProbeEvery();

    /** Rendered public tracker pages kept per instance for anonymous visitors (congress/RenderedPages). */
    TrackerPages trackerPages();

    interface TrackerPages {
        /** Most pages kept (bill pages, list pages per query, member pages, feeds). */
        @WithDefault("2000")
        int maxEntries();

        /** Most heap the kept pages may hold on one instance. */
        @WithDefault("32M")
        io.quarkus.runtime.configuration.MemorySize maxSize();

        /**
         * Whether anonymous pages take the tracker version from PostgreSQL's announcements (LISTEN, one connection per
         * instance) instead of reading it on every request.
         */
        @WithDefault("true")
        boolean listen();
    }

    interface Keycloak {
        /** Base URL of Keycloak, e.g. http://127.0.0.1:8180 */
        String url();

        @WithDefault("export-portal")
        String realm();
    }
}
