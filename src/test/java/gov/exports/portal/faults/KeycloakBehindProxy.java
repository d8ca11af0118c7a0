package gov.exports.portal.faults;

import java.util.Map;

import gov.exports.portal.support.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The portal reaches the shared Keycloak through a {@link TcpProxy} the test can stop and start again (the shared Keycloak
 * itself keeps running). The OIDC settings are the production ones: in particular no refresh-token-time-skew, so a session
 * needs Keycloak again only when its tokens have expired (the realm's access-token lifespan).
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
        return Map.of("portal.keycloak.url", "http://127.0.0.1:" + proxy.port(), "portal.sign-in-probe-every", "2s");
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
