package gov.exports.portal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Whether Keycloak answers. Once the OIDC metadata is cached, the portal would still send an anonymous visitor of a
 * signed-in page to Keycloak's login page even while Keycloak is down, and the browser would show a connection error.
 * Probing the realm's discovery document every few seconds lets those requests get the portal's own
 * "sign-in is temporarily unavailable" page instead. Public pages never depend on it.
 */
@ApplicationScoped
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class);

    @Inject
    PortalConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean available = true;
    private int failures;

    public boolean available() {
        return available;
    }

    /**
     * A dead Keycloak at start-up is known within a second or two (two probes), without holding up the start: the first
     * probe loads an HTTP client (~200 classes), which on 2 cores delayed the first served page by that much.
     */
    void atStartup(@Observes StartupEvent e) {
        Thread first = new Thread(() -> {
            probe();
            if (failures > 0) {
                probe();
            }
        }, "sign-in-probe-at-start");
        first.setDaemon(true);
        first.start();
    }

    /** Two failed probes in a row mark sign-in unavailable (one slow answer under load does not); one success clears it. */
    @Scheduled(identity = "sign-in-probe", every = "${portal.sign-in-probe-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void probe() {
        boolean answered;
        URI discovery = URI.create(config.keycloak().url() + "/realms/" + config.keycloak().realm() + "/.well-known/openid-configuration");
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            answered = r.statusCode() == 200;
        } catch (java.io.IOException ex) {
            answered = false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        failures = answered ? 0 : failures + 1;
        boolean now = failures < 2;
        if (now != available) {
            if (now) {
                LOG.infof("Sign-in service (Keycloak) answers again at %s", discovery);
            } else {
                LOG.warnf("Sign-in service (Keycloak) does not answer at %s: signed-in pages show 'temporarily unavailable'", discovery);
            }
        }
        available = now;
    }
}
