package gov.exports.portal.support;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;

import io.quarkus.arc.Arc;

/**
 * Every route the running portal exposes: the JAX-RS resource methods read from the CDI container that Quarkus REST serves
 * them from, plus the routes registered directly on Quarkus' HTTP router (health, metrics, ...).
 */
public final class PortalRoutes {

    private PortalRoutes() {
    }

    public record Route(String method, String path) implements Comparable<Route> {
        public int compareTo(Route o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }

        /** POST, PUT, DELETE, PATCH: what a browser may not send on its own by following a link. */
        public boolean changesState() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static Set<Route> discover(RouterCapture router) {
        Set<Route> routes = new TreeSet<>();
        // JAX-RS resources: Quarkus REST serves them as CDI beans.
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> c = bean.getBeanClass();
            jakarta.ws.rs.Path classPath = c.getAnnotation(jakarta.ws.rs.Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                jakarta.ws.rs.Path mp = m.getAnnotation(jakarta.ws.rs.Path.class);
                routes.add(new Route(http, join(classPath.value(), mp == null ? "" : mp.value())));
            }
        }
        // Routes registered directly on the HTTP router (health, metrics, ...).
        for (io.vertx.ext.web.Route r : router.routes()) {
            String p = r.getPath();
            if (p == null || p.equals("/") || p.endsWith("/*")) {
                continue;
            }
            Set<io.vertx.core.http.HttpMethod> methods = r.methods();
            if (methods == null || methods.isEmpty()) {
                routes.add(new Route("GET", p));
            } else {
                methods.forEach(hm -> routes.add(new Route(hm.name(), p)));
            }
        }
        return routes;
    }

    static String httpMethod(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    static String join(String a, String b) {
        String p = ("/" + a + "/" + b).replaceAll("/+", "/");
        // {name: regex} → {name}
        p = p.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
