package gov.exports.portal.congress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads GPO BILLSTATUS XML (schema 3.x). The parser refuses any DOCTYPE, so external entities (XXE) and entity
 * expansion ("billion laughs") never get a chance to run; BILLSTATUS files have no DTD.
 */
public final class BillStatusXmlParser {

    /** The largest real BILLSTATUS files (omnibus bills with thousands of actions and amendments) stay well below. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;

    /** Real BILLSTATUS files nest about 10 elements deep; without a limit a deeply nested file overflows the stack. */
    public static final int MAX_DEPTH = 100;

    private BillStatusXmlParser() {
    }

    static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {
                }

                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be secured", e);
        }
    }

    public static BillData parse(byte[] xml, String fileName) {
        if (xml.length > MAX_BYTES) {
            throw new ImportRefusedException(fileName + " is larger than " + (MAX_BYTES / 1024 / 1024)
                    + " MB, the limit for one BILLSTATUS file.", BillImport.Format.BILLSTATUS_XML, null);
        }
        Document doc;
        try {
            doc = secureBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE") || m.contains("External entities")) {
                throw new ImportRefusedException(fileName + " declares a document type (<!DOCTYPE …>) or entities. "
                        + "BILLSTATUS files never do, and such declarations can read files on the server or expand "
                        + "without limit, so the file was refused. Nothing was imported.", BillImport.Format.BILLSTATUS_XML, e);
            }
            if (m.contains("maxElementDepth")) {
                throw new ImportRefusedException(fileName + " nests elements more than " + MAX_DEPTH + " levels deep (line " + e.getLineNumber()
                        + "); BILLSTATUS files nest about 10, so the file was refused. Nothing was imported.", BillImport.Format.BILLSTATUS_XML, e);
            }
            String hint = m.contains("must start and end within the same entity") || m.contains("Premature end of file")
                    ? " The file ends too early: it looks truncated (an interrupted download?)." : "";
            throw new ImportRefusedException(fileName + " is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + SourceText.abbreviate(m, 200) + hint + " Nothing was imported.",
                    BillImport.Format.BILLSTATUS_XML, e);
        } catch (SAXException | IOException e) {
            throw new ImportRefusedException(fileName + " could not be read as XML: "
                    + SourceText.abbreviate(String.valueOf(e.getMessage()), 200) + " Nothing was imported.", BillImport.Format.BILLSTATUS_XML, e);
        }
        Element root = doc.getDocumentElement();
        if (!"billStatus".equals(root.getLocalName() != null ? root.getLocalName() : root.getTagName())) {
            throw new ImportRefusedException(fileName + " is XML but not a BILLSTATUS file (its root element is <"
                    + root.getTagName() + ">, expected <billStatus>). Nothing was imported.", BillImport.Format.BILLSTATUS_XML, null);
        }
        String version = text(root, "version");
        if (version == null || !version.startsWith("3.")) {
            throw new ImportRefusedException(fileName + " uses BILLSTATUS schema version " + (version == null ? "(none)" : version)
                    + "; this portal reads version 3.x, which GovInfo publishes for every Congress. Nothing was imported.",
                    BillImport.Format.BILLSTATUS_XML, null);
        }
        Element bill = child(root, "bill");
        if (bill == null) {
            throw new ImportRefusedException(fileName + " has no <bill> element. Nothing was imported.", BillImport.Format.BILLSTATUS_XML, null);
        }
        return readBill(bill, fileName);
    }

    private static BillData readBill(Element bill, String fileName) {
        Integer congress = SourceText.integer(firstText(bill, "congress"));
        String type = BillNumbers.normaliseType(firstText(bill, "type", "billType"));
        Integer number = SourceText.integer(firstText(bill, "number", "billNumber"));
        if (congress == null || type == null || number == null) {
            throw new ImportRefusedException(fileName + " does not say which bill it describes (congress, type and number are "
                    + "required). Nothing was imported.", BillImport.Format.BILLSTATUS_XML, null);
        }
        SourceNode b = SourceNode.of(bill);
        BillData d = BillData.of(congress, type, number);
        SourceFields.billHeader(d, b);
        d.cosponsors = SourceFields.cosponsors(b.items("cosponsors"));
        d.actions = SourceFields.actions(b.items("actions"));
        SourceNode subjects = b.child("subjects");
        d.subjects = subjects == null ? new ArrayList<>() : SourceFields.subjectNames(subjects.items("legislativeSubjects"));
        d.titles = SourceFields.titles(b.items("titles"));
        List<SourceNode> committees = b.items("committees");
        if (committees.isEmpty() && b.child("committees") != null) {
            committees = b.child("committees").items("billCommittees");
        }
        d.committees = SourceFields.committees(committees);
        d.related = SourceFields.related(b.items("relatedBills"));
        d.textVersions = SourceFields.textVersions(b.items("textVersions"));
        List<SourceNode> summaries = new ArrayList<>();
        // BILLSTATUS 3.0 lists <summary> elements; older layouts used <item>
        children(child(bill, "summaries"), "summary").forEach(e -> summaries.add(SourceNode.of(e)));
        if (summaries.isEmpty()) {
            summaries.addAll(b.items("summaries"));
        }
        d.summaries = SourceFields.summaries(summaries);
        d.laws = SourceFields.laws(b.items("laws"));
        BillDataTitles.fill(d);
        return d;
    }

    // ---- DOM helpers: direct children only, so amendments' own <actions> never mix with the bill's ----

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> items(Element container) {
        return children(container, "item");
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : SourceText.blankToNull(e.getTextContent());
    }

    static String firstText(Element parent, String... names) {
        for (String n : names) {
            String t = text(parent, n);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
