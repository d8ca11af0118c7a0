package gov.exports.portal.faults;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The portal configured against a Keycloak that does not answer (nothing listens on port 9). */
public class DeadKeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.keycloak.url", "http://127.0.0.1:9", "quarkus.oidc.connection-delay", "0S",
                "quarkus.oidc.connection-timeout", "2S");
    }
}
