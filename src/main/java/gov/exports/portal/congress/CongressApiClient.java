package gov.exports.portal.congress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fetches one bill and its sub-resources from the congress.gov API v3 and assembles them into the bundle
 * {@link CongressApiJsonParser} reads. The key travels in the X-Api-Key header, never in a URL that could be logged.
 */
public class CongressApiClient {

    /** Sub-resources fetched for a bill, with the key under which each response lists its items. */
    static final String[][] PARTS = { { "actions", "actions" }, { "cosponsors", "cosponsors" }, { "committees", "committees" },
            { "subjects", "subjects" }, { "titles", "titles" }, { "summaries", "summaries" }, { "relatedbills", "relatedBills" },
            { "text", "textVersions" } };

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final int maxPages;

    public CongressApiClient(String baseUrl, String apiKey, Duration timeout, int maxPages) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxPages = maxPages;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Thrown when congress.gov cannot be reached or answers with an error. */
    public static class ApiException extends RuntimeException {
        public ApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ObjectNode fetchBill(int congress, String type, int number) {
        String path = "/bill/" + congress + "/" + type + "/" + number;
        ObjectNode bundle = CongressApiJsonParser.JSON.createObjectNode();
        bundle.set("bill", get(path + "?format=json"));
        for (String[] part : PARTS) {
            bundle.set(part[0], getAllPages(path + "/" + part[0], part[1]));
        }
        return bundle;
    }

    /** Follows pagination.next up to maxPages, concatenating the item arrays. */
    private JsonNode getAllPages(String path, String itemsKey) {
        JsonNode first = get(path + "?format=json&limit=250");
        JsonNode items = first.get(itemsKey);
        if (items == null || !items.isArray()) {
            return first;
        }
        ArrayNode all = ((ArrayNode) items).deepCopy();
        JsonNode page = first;
        for (int i = 1; i < maxPages; i++) {
            String next = page.path("pagination").path("next").asText(null);
            if (next == null || !next.startsWith(baseUrl + "/")) {
                break;
            }
            page = get(next.substring(baseUrl.length()));
            JsonNode more = page.get(itemsKey);
            if (more == null || !more.isArray() || more.isEmpty()) {
                break;
            }
            all.addAll((ArrayNode) more);
        }
        ObjectNode combined = first.deepCopy();
        combined.set(itemsKey, all);
        return combined;
    }

    private JsonNode get(String pathAndQuery) {
        URI uri = URI.create(baseUrl + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("X-Api-Key", apiKey).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new ApiException("congress.gov answered HTTP " + r.statusCode() + " for " + pathWithoutQuery(pathAndQuery), null);
            }
            if (r.body().length > CongressApiJsonParser.MAX_BYTES) {
                throw new ApiException("congress.gov answered more than 25 MB for " + pathWithoutQuery(pathAndQuery), null);
            }
            return CongressApiJsonParser.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new ApiException("congress.gov could not be reached or answered unreadable JSON for "
                    + pathWithoutQuery(pathAndQuery) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted while calling congress.gov", e);
        }
    }

    private static String pathWithoutQuery(String p) {
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }
}
