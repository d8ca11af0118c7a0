package gov.exports.portal.congress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;

/**
 * congress.gov for one test: a local HTTP server answering for bill 117 H.R. {@code number} with the recorded responses of
 * H.R. 21 (../shared/data/congress/api-v3) renumbered, so the test owns its bill; no network. {@link #useForTrackerRefresh} makes the
 * portal's "refresh from congress.gov" button fetch from it for the rest of the current test, as if an API key were set.
 */
public final class CongressApiStub implements AutoCloseable {

    public static final String KEY = "stub-key-not-real";

    private final HttpServer server;
    private final int number;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private CongressApiStub(int number) throws IOException {
        this.number = number;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/bill/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String own = "/v3/bill/117/hr/" + number;
            Path file = SharedSamples.dir().resolve("api-v3").resolve("bill_117_hr_21" + path.substring(Math.min(path.length(),
                    own.length())).replace('/', '_') + ".json");
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            requests.add(path + " key=" + key + " query=" + exchange.getRequestURI().getRawQuery());
            boolean authorised = KEY.equals(key);
            boolean ours = (path.equals(own) || path.startsWith(own + "/")) && Files.exists(file);
            byte[] body = !authorised ? "{\"error\":\"API_KEY_INVALID\"}".getBytes()
                    : ours ? renumbered(Files.readString(file)).getBytes() : "{\"error\":\"not found\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(!authorised ? 403 : ours ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Serves bill 117 H.R. {@code number}; close it at the end of the test. */
    public static CongressApiStub serving(int number) {
        try {
            return new CongressApiStub(number);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded H.R. 21 response of that name (e.g. bill_117_hr_21.json), renumbered: what a vendor of the API would send. */
    public String recorded(String fileName) {
        return renumbered(SharedSamples.text("api-v3/" + fileName));
    }

    private String renumbered(String json) {
        return json.replace("\"number\": \"21\"", "\"number\": \"" + number + "\"").replace("\"billNumber\": \"21\"",
                "\"billNumber\": \"" + number + "\"").replace("/bill/117/hr/21", "/bill/117/hr/" + number);
    }

    public CongressApiClient client() {
        return client(KEY);
    }

    /** A client sending {@code key} (the stub answers 403 to any other than {@link #KEY}, as api.data.gov does). */
    public CongressApiClient client(String key) {
        return new CongressApiClient("http://127.0.0.1:" + server.getAddress().getPort() + "/v3", key, Duration.ofSeconds(10), 3);
    }

    /** Every request so far: "path key=... query=...". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /**
     * For the rest of the current test, the portal's refresher is configured and asks this stub; the import itself is the
     * portal's own (the refresher found in the container does it).
     */
    public void useForTrackerRefresh(TrackedBillRefresher refresher) {
        TrackedBillRefresher real = ClientProxy.unwrap(refresher);
        CongressApiClient client = client();
        QuarkusMock.installMockForType(new TrackedBillRefresher() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public CongressApiClient client() {
                return client;
            }

            @Override
            public ImportOutcome refresh(CongressApiClient c, int congress, String type, int n, Actor actor) {
                return real.refresh(c, congress, type, n, actor);
            }
        }, TrackedBillRefresher.class);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
