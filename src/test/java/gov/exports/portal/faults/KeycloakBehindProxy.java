package gov.exports.portal.faults;

import java.util.Map;

import gov.exports.portal.support.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The portal reaches the shared Keycloak through a {@link TcpProxy} the test can stop and start again. Access tokens are
 * refreshed once they are within 295 s of expiry (Keycloak issues them for 300 s), so a signed-in session needs Keycloak
 * again within seconds, as it would after five minutes in real use.
 */
public class KeycloakBehindProxy implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy("127.0.0.1", 8180);
            proxy.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("portal.keycloak.url", "http://127.0.0.1:" + proxy.port(), "quarkus.oidc.token.refresh-token-time-skew", "295S",
                "portal.sign-in-probe-every", "2s");
    }

    @Override
    public void stop() {
        try {
            proxy.stop();
        } catch (java.io.IOException e) {
            // the test ends anyway
        }
    }
}
