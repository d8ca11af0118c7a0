package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.test.junit.QuarkusTest;

/** Text answers are gzipped for clients that accept it, and sent as they are to clients that do not. */
@QuarkusTest
class HttpCompressionTest {

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(PortalSession.baseUrl() + path)).GET();
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pagesStylesScriptsAndFeedsAreGzippedWhenAccepted() throws Exception {
        for (String[] c : new String[][] { { "/bills", "<html" }, { "/bills/119/s/3374", "SAFE Chips" }, { "/", "<html" },
                { "/static/portal.css", "{" }, { "/static/portal.js", "function" }, { "/bills/feed.atom", "<feed" } }) {
            HttpResponse<byte[]> r = get(c[0], "gzip, deflate");
            assertEquals(200, r.statusCode(), c[0]);
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse("(none)"), c[0]);
            String text = gunzip(r.body());
            assertTrue(text.contains(c[1]), c[0] + " decompresses to the page");
            HttpResponse<byte[]> plain = get(c[0], null);
            assertTrue(plain.headers().firstValue("Content-Encoding").map("identity"::equals).orElse(true), c[0]);
            assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains(c[1]), c[0] + " uncompressed for other clients");
            assertTrue(r.body().length < plain.body().length, c[0] + " is smaller gzipped");
        }
    }
}
