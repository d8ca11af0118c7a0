package gov.exports.portal.congress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads congress.gov API v3 JSON about one bill: either a single endpoint's response (/bill/{c}/{t}/{n},
 * /actions, /cosponsors, /committees, /subjects, /titles, /summaries, /relatedbills, /text), or a bundle
 * object holding several of them under their endpoint names (what {@link CongressApiClient} assembles, and
 * the format of the SAFE Chips Act sample). Tolerates the API's variations: "True" or true, numbers as strings,
 * {"item": …} wrappers.
 */
public final class CongressApiJsonParser {

    public static final int MAX_BYTES = 25 * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CongressApiJsonParser() {
    }

    public static BillData parse(byte[] json, String fileName) {
        if (json.length > MAX_BYTES) {
            throw new ImportRefusedException(fileName + " is larger than 25 MB, the limit for one API response.",
                    BillImport.Format.API_JSON, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ImportRefusedException(fileName + " is not valid JSON: "
                    + SourceText.abbreviate(e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? jp.getOriginalMessage() : e.getMessage(), 200) + " Nothing was imported.", BillImport.Format.API_JSON, e);
        }
        return parse(root, fileName);
    }

    public static BillData parse(JsonNode root, String fileName) {
        if (root == null || !root.isObject()) {
            throw refused(fileName + " is JSON but not a congress.gov API response about a bill. Nothing was imported.");
        }
        if (root.has("bills")) {
            throw refused(fileName + " is a list of bills from the congress.gov API; import each bill's own response "
                    + "(/bill/{congress}/{type}/{number}) instead. Nothing was imported.");
        }
        JsonNode billNode = section(root, "bill", "bill");
        BillData d;
        if (billNode != null && billNode.isObject() && billNode.has("congress")) {
            d = identify(billNode.path("congress").asText(null), billNode.path("type").asText(null),
                    billNode.path("number").asText(null), fileName);
            readBill(d, billNode);
        } else if (root.has("request") && root.get("request").has("billNumber")) {
            JsonNode req = root.get("request");
            d = identify(req.path("congress").asText(null), req.path("billType").asText(null), req.path("billNumber").asText(null), fileName);
        } else {
            throw refused(fileName + " is JSON but not a congress.gov API v3 response about a bill (no \"bill\" or "
                    + "\"request\" object). Nothing was imported.");
        }
        readParts(d, root);
        if (!d.hasBillPart && d.actions == null && d.cosponsors == null && d.committees == null && d.subjects == null
                && d.titles == null && d.summaries == null && d.related == null && d.textVersions == null) {
            throw refused(fileName + " names " + d.label() + " but carries nothing this portal imports. Nothing was imported.");
        }
        BillDataTitles.fill(d);
        return d;
    }

    private static ImportRefusedException refused(String message) {
        return new ImportRefusedException(message, BillImport.Format.API_JSON, null);
    }

    private static BillData identify(String congress, String type, String number, String fileName) {
        Integer c = SourceText.integer(congress);
        String t = BillNumbers.normaliseType(type);
        Integer n = SourceText.integer(number);
        if (c == null || t == null || n == null || n <= 0 || c < 93 || c > 200) {
            throw refused(fileName + " does not identify a bill (congress " + congress + ", type " + type + ", number " + number
                    + "). Nothing was imported.");
        }
        return BillData.of(c, t, n);
    }

    private static void readBill(BillData d, JsonNode json) {
        SourceNode b = SourceNode.of(json);
        SourceFields.billHeader(d, b);
        if (json.has("laws") && json.get("laws").isArray()) {
            d.laws = SourceFields.laws(b.items("laws"));
        }
    }

    /** The parts of a bill other endpoints return, each under its endpoint's name (null when absent). */
    private static void readParts(BillData d, JsonNode root) {
        List<SourceNode> actions = part(root, "actions", "actions");
        d.actions = actions == null ? null : SourceFields.actions(actions);
        List<SourceNode> cosponsors = part(root, "cosponsors", "cosponsors");
        d.cosponsors = cosponsors == null ? null : SourceFields.cosponsors(cosponsors);
        List<SourceNode> committees = part(root, "committees", "committees");
        d.committees = committees == null ? null : SourceFields.committees(committees);
        List<SourceNode> titles = part(root, "titles", "titles");
        d.titles = titles == null ? null : SourceFields.titles(titles);
        List<SourceNode> summaries = part(root, "summaries", "summaries");
        d.summaries = summaries == null ? null : SourceFields.summaries(summaries);
        List<SourceNode> related = part(root, "relatedbills", "relatedBills");
        if (related == null) {
            related = part(root, "relatedBills", "relatedBills");
        }
        d.related = related == null ? null : SourceFields.related(related);
        List<SourceNode> texts = part(root, "text", "textVersions");
        if (texts == null) {
            texts = part(root, "textVersions", "textVersions");
        }
        d.textVersions = texts == null ? null : SourceFields.textVersions(texts);
        // subjects: {"legislativeSubjects": [...], "policyArea": …}, or in a bundle an array of such objects
        JsonNode subjects = section(root, "subjects", "subjects");
        if (subjects != null) {
            List<SourceNode> holders = subjects.isArray() ? SourceNode.Json.wrap(items(subjects)) : SourceNode.Json.wrap(List.of(subjects));
            Set<String> names = new LinkedHashSet<>();
            for (SourceNode s : holders) {
                names.addAll(SourceFields.subjectNames(s.items("legislativeSubjects")));
                if (d.policyArea == null && s.child("policyArea") != null) {
                    d.policyArea = s.child("policyArea").text("name");
                }
            }
            d.subjects = new ArrayList<>(names);
        }
    }

    /** The item list of one endpoint's response, or null when the file does not carry that endpoint. */
    private static List<SourceNode> part(JsonNode root, String key, String inner) {
        JsonNode n = section(root, key, inner);
        return n == null || n.isObject() ? null : SourceNode.Json.wrap(items(n));
    }

    /** root[key] or, in a bundle, root[key][inner]. */
    static JsonNode section(JsonNode root, String key, String inner) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject() && n.has(inner)) {
            return n.get(inner);
        }
        return n;
    }

    /** An array, an {"item": …} wrapper (object or array), or a single object: always a list. */
    static List<JsonNode> items(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull() || n.isMissingNode()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (n.isObject() && n.has("item")) {
            return items(n.get("item"));
        } else if (n.isObject()) {
            out.add(n);
        }
        return out;
    }

    static String str(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return SourceText.blankToNull(v.asText());
    }
}
