package gov.exports.portal.application;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Supporting documents of applications (prefix {@code portal.documents}). */
@ConfigMapping(prefix = "portal.documents")
public interface DocumentsConfig {

    /** Largest PDF accepted; keep below quarkus.http.limits.max-body-size. */
    @WithDefault("20M")
    MemorySize maxSize();
}
