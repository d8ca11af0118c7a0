package gov.exports.portal.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged portal ({@code target/quarkus-app/quarkus-run.jar}) run as a separate operating-system process against its
 * own database, with demo data and the shared Keycloak, for tests that must kill it or watch it for a long time. Its log
 * goes to {@code target/<name>.log}.
 */
public final class PortalProcess {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final String name;
    private final int port;
    private final String database;
    private final List<String> jvmOptions;
    private Process process;

    public PortalProcess(String name, int port, String database, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.database = database;
        this.jvmOptions = jvmOptions;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** A database of its own, emptied first (the migrations and demo data fill it at start-up). */
    public static void recreateDatabase(String database) throws IOException, InterruptedException {
        for (String sql : List.of("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)", "CREATE DATABASE \"" + database + "\"")) {
            Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-d", "postgres", "-qc", sql).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + sql);
            }
        }
    }

    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, System.getProperty("user.name"), "");
    }

    /** {@link #jdbc()} for code that takes a connection supplier (PortalTraffic, PortalInvariants). */
    public Supplier<Connection> connections() {
        return () -> {
            try {
                return jdbc();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * A portal on an empty database of its own, started and ready, that REST Assured sessions (PortalSession) talk to:
     * the set-up of the tests that drive the packaged portal as a process (kill -9, soak).
     */
    public static PortalProcess startFresh(String name, int port, String database, String maxHeap)
            throws IOException, InterruptedException {
        recreateDatabase(database);
        PortalProcess portal = new PortalProcess(name, port, database, List.of("-Xmx" + maxHeap));
        System.setProperty("portal.base-url", portal.baseUrl());
        portal.start();
        return portal;
    }

    /** Starts the portal and waits until it is ready (migrations and demo data done). */
    public void start() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package the portal first (./mvnw package -DskipTests)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(JAR.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/" + name + ".log")));
        Map<String, String> env = pb.environment();
        env.put("PORTAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("PORTAL_HTTP_HOST", "127.0.0.1");
        env.put("PORTAL_HTTP_PORT", String.valueOf(port));
        env.put("PORTAL_DEMO_DATA", "true");
        env.put("PORTAL_MAIL_MOCK", "true");
        env.put("PORTAL_BEHIND_PROXY", "false");
        env.put("PORTAL_VERIFY_PER_MINUTE", "100000");
        process = pb.start();
        waitUntilReady(Duration.ofSeconds(180));
    }

    public void waitUntilReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": see target/" + name + ".log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout);
    }

    /** SIGKILL: no shutdown hooks, no transaction completes. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait (graceful shutdown). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Resident set size of the process in kB (Linux /proc). */
    public long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)");

    /** Heap in use (all heap pools, from /q/metrics). */
    public long heapUsedBytes() throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = HEAP.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    /** Connections this portal's database has open (pg_stat_activity), excluding the one asking. */
    public int databaseConnections() throws SQLException {
        try (Connection c = jdbc(); var st = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            st.setString(1, database);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
