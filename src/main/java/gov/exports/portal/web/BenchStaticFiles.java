package gov.exports.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The benchmark's static baseline (issue 8): with {@code portal.bench-static-dir} set, files of that directory are
 * served under /bench-static/ by Vert.x' static handler, the same kind of handler that serves /static/. Off by default.
 */
@ApplicationScoped
public class BenchStaticFiles {

    @Inject
    PortalConfig config;

    void route(@Observes Router router) {
        config.benchStaticDir().ifPresent(dir -> router.route("/bench-static/*")
                .handler(StaticHandler.create(FileSystemAccess.ROOT, dir).setCachingEnabled(true)));
    }
}
