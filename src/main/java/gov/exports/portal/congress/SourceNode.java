package gov.exports.portal.congress;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One object of bill data, whether a BILLSTATUS XML element or a congress.gov JSON object: both follow the
 * Library of Congress's naming (bioguideId, actionDate, sourceSystem …), so one set of readers
 * ({@link SourceFields}) serves both formats.
 */
interface SourceNode {

    /** A scalar child's text, blank as null. */
    String text(String name);

    /** A child object, or null. */
    SourceNode child(String name);

    /** The items of a child list: XML {@code <name><item/>…</name>}, JSON arrays or {"item": …} wrappers. */
    List<SourceNode> items(String name);

    static SourceNode of(Element e) {
        return e == null ? null : new Xml(e);
    }

    static SourceNode of(JsonNode n) {
        return n == null || !n.isObject() ? null : new Json(n);
    }

    record Xml(Element element) implements SourceNode {
        public String text(String name) {
            return BillStatusXmlParser.text(element, name);
        }

        public SourceNode child(String name) {
            return of(BillStatusXmlParser.child(element, name));
        }

        public List<SourceNode> items(String name) {
            List<SourceNode> out = new ArrayList<>();
            BillStatusXmlParser.items(BillStatusXmlParser.child(element, name)).forEach(e -> out.add(new Xml(e)));
            return out;
        }
    }

    record Json(JsonNode node) implements SourceNode {
        public String text(String name) {
            return CongressApiJsonParser.str(node, name);
        }

        public SourceNode child(String name) {
            return of(node.get(name));
        }

        public List<SourceNode> items(String name) {
            return wrap(CongressApiJsonParser.items(node.get(name)));
        }

        static List<SourceNode> wrap(List<JsonNode> nodes) {
            List<SourceNode> out = new ArrayList<>();
            nodes.stream().filter(JsonNode::isObject).forEach(n -> out.add(new Json(n)));
            return out;
        }
    }
}
