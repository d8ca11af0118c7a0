package gov.exports.portal.support;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/** Test-only bean: keeps Quarkus' HTTP router so tests can list every route registered on it. */
@ApplicationScoped
public class RouterCapture {

    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    public List<Route> routes() {
        return router == null ? List.of() : router.getRoutes();
    }
}
