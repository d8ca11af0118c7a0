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

    private static void readBill(BillData d, JsonNode b) {
        d.hasBillPart = true;
        d.titleDisplay = str(b, "title");
        d.introducedDate = SourceText.date(str(b, "introducedDate"));
        d.originChamber = BillStatusXmlParser.chamber(str(b, "originChamber"));
        d.legislationUrl = SourceText.httpsUrl(str(b, "legislationUrl"));
        d.updateDate = SourceText.timestamp(str(b, "updateDate"));
        d.policyArea = str(b.path("policyArea"), "name");
        JsonNode latest = b.get("latestAction");
        if (latest != null && latest.isObject()) {
            d.latestActionDate = SourceText.date(str(latest, "actionDate"));
            d.latestActionText = str(latest, "text");
        }
        List<JsonNode> sponsors = items(b.get("sponsors"));
        d.sponsor = sponsors.isEmpty() ? null : person(sponsors.get(0));
        JsonNode laws = b.get("laws");
        if (laws != null && laws.isArray()) {
            d.laws = new ArrayList<>();
            for (JsonNode l : items(laws)) {
                String n = str(l, "number");
                if (n != null && n.matches("[0-9]{2,3}-[0-9]{1,4}")) {
                    d.laws.add(new Bill.Law(str(l, "type") == null ? "Public Law" : str(l, "type"), n));
                }
            }
        }
    }

    private static void readParts(BillData d, JsonNode root) {
        JsonNode actions = section(root, "actions", "actions");
        if (actions != null && !actions.isObject()) {
            d.actions = new ArrayList<>();
            for (JsonNode a : items(actions)) {
                String text = str(a, "text");
                java.time.LocalDate date = SourceText.date(str(a, "actionDate"));
                if (text == null || date == null) {
                    continue;
                }
                JsonNode source = a.path("sourceSystem");
                List<JsonNode> committees = items(a.get("committees"));
                d.actions.add(new BillData.Action(date, SourceText.time(str(a, "actionTime")), str(a, "actionCode"), str(a, "type"),
                        str(source, "code"), str(source, "name"), text, committees.isEmpty() ? null : str(committees.get(0), "systemCode")));
            }
        }
        JsonNode cosponsors = section(root, "cosponsors", "cosponsors");
        if (cosponsors != null && !cosponsors.isObject()) {
            d.cosponsors = new ArrayList<>();
            for (JsonNode c : items(cosponsors)) {
                BillData.Person p = person(c);
                if (p != null) {
                    d.cosponsors.add(new BillData.Cosponsor(p, SourceText.date(str(c, "sponsorshipDate")),
                            SourceText.yes(str(c, "isOriginalCosponsor")), SourceText.date(str(c, "sponsorshipWithdrawnDate"))));
                }
            }
        }
        JsonNode committees = section(root, "committees", "committees");
        if (committees != null && !committees.isObject()) {
            d.committees = new ArrayList<>();
            for (JsonNode c : items(committees)) {
                String code = str(c, "systemCode");
                String name = str(c, "name");
                if (code == null || name == null) {
                    continue;
                }
                List<String> acts = new ArrayList<>();
                for (JsonNode act : items(c.get("activities"))) {
                    acts.add(BillStatusXmlParser.activity(str(act, "name"), str(act, "date")));
                }
                d.committees.add(new Bill.CommitteeReferral(code, name, BillStatusXmlParser.chamber(str(c, "chamber")),
                        BillStatusXmlParser.activities(acts)));
            }
        }
        JsonNode subjects = section(root, "subjects", "subjects");
        if (subjects != null) {
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode s : subjects.isArray() ? items(subjects) : List.of(subjects)) {
                for (JsonNode ls : items(s.get("legislativeSubjects"))) {
                    String n = str(ls, "name");
                    if (n != null) {
                        names.add(n);
                    }
                }
                if (d.policyArea == null) {
                    d.policyArea = str(s.path("policyArea"), "name");
                }
            }
            d.subjects = new ArrayList<>(names);
        }
        JsonNode titles = section(root, "titles", "titles");
        if (titles != null && !titles.isObject()) {
            d.titles = new ArrayList<>();
            for (JsonNode t : items(titles)) {
                String type = str(t, "titleType");
                String title = str(t, "title");
                if (type != null && title != null) {
                    d.titles.add(new Bill.Title(type, title));
                }
            }
        }
        JsonNode summaries = section(root, "summaries", "summaries");
        if (summaries != null && !summaries.isObject()) {
            d.summaries = new ArrayList<>();
            for (JsonNode s : items(summaries)) {
                String text = SourceText.htmlToText(str(s, "text"));
                if (text == null) {
                    continue;
                }
                Bill.Summary sum = new Bill.Summary();
                sum.versionCode = str(s, "versionCode");
                sum.actionDate = SourceText.date(str(s, "actionDate"));
                sum.actionDesc = str(s, "actionDesc");
                sum.text = text;
                d.summaries.add(sum);
            }
        }
        JsonNode related = section(root, "relatedbills", "relatedBills");
        if (related == null) {
            related = section(root, "relatedBills", "relatedBills");
        }
        if (related != null && !related.isObject()) {
            d.related = new ArrayList<>();
            for (JsonNode r : items(related)) {
                Bill.Related rel = new Bill.Related();
                Integer rc = SourceText.integer(str(r, "congress"));
                Integer rn = SourceText.integer(str(r, "number"));
                rel.billType = BillNumbers.normaliseType(str(r, "type"));
                if (rc == null || rn == null || rel.billType == null) {
                    continue;
                }
                rel.congress = rc;
                rel.number = rn;
                rel.title = str(r, "title");
                Set<String> rels = new LinkedHashSet<>();
                for (JsonNode detail : items(r.get("relationshipDetails"))) {
                    String t = str(detail, "type");
                    String by = str(detail, "identifiedBy");
                    if (t != null) {
                        rels.add(by == null ? t : t + " (identified by " + by + ")");
                    }
                }
                rel.relationship = String.join("; ", rels);
                JsonNode la = r.get("latestAction");
                if (la != null && la.isObject()) {
                    rel.latestActionDate = SourceText.date(str(la, "actionDate"));
                    rel.latestActionText = str(la, "text");
                }
                d.related.add(rel);
            }
        }
        JsonNode texts = section(root, "text", "textVersions");
        if (texts == null) {
            texts = root.get("textVersions");
        }
        if (texts != null && !texts.isObject()) {
            d.textVersions = new ArrayList<>();
            for (JsonNode v : items(texts)) {
                for (JsonNode f : items(v.get("formats"))) {
                    String url = SourceText.httpsUrl(str(f, "url"));
                    if (url == null) {
                        continue;
                    }
                    Bill.TextVersion tv = new Bill.TextVersion();
                    tv.versionType = str(v, "type") == null ? "Text" : str(v, "type");
                    tv.versionDate = SourceText.date(str(v, "date"));
                    tv.url = url;
                    tv.format = str(f, "type");
                    d.textVersions.add(tv);
                }
            }
        }
    }

    private static BillData.Person person(JsonNode p) {
        String bioguide = str(p, "bioguideId");
        if (bioguide == null || !bioguide.matches("[A-Z][0-9]{6}")) {
            return null;
        }
        return new BillData.Person(bioguide, str(p, "firstName"), str(p, "lastName"), str(p, "fullName"), str(p, "party"),
                str(p, "state"), SourceText.integer(str(p, "district")));
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
