package gov.exports.portal.congress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;

/**
 * congress.gov for one test: a local HTTP server answering for bill 117 H.R. {@code number} with the recorded responses of
 * H.R. 21 (../shared/data/congress/api-v3) renumbered, so the test owns its bill. {@link #useForTrackerRefresh} makes the
 * portal's "refresh from congress.gov" button fetch from it for the rest of the current test, as if an API key were set.
 */
public final class CongressApiStub implements AutoCloseable {

    public static final String KEY = "stub-key-not-real";

    private final HttpServer server;
    private final int number;

    private CongressApiStub(int number) throws IOException {
        this.number = number;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/bill/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String own = "/v3/bill/117/hr/" + number;
            Path file = SharedSamples.dir().resolve("api-v3").resolve("bill_117_hr_21" + path.substring(Math.min(path.length(),
                    own.length())).replace('/', '_') + ".json");
            boolean ours = (path.equals(own) || path.startsWith(own + "/")) && KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))
                    && Files.exists(file);
            byte[] body = ours ? renumbered(Files.readString(file)).getBytes() : "{\"error\":\"not found\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ours ? 200 : 404, body.length);
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
        return new CongressApiClient("http://127.0.0.1:" + server.getAddress().getPort() + "/v3", KEY, Duration.ofSeconds(10), 3);
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
