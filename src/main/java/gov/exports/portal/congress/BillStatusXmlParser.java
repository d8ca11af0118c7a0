package gov.exports.portal.congress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
            throw new ImportRefusedException(fileName + " is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + SourceText.abbreviate(m, 200) + " Nothing was imported.",
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
        BillData d = BillData.of(congress, type, number);
        d.hasBillPart = true;
        d.titleDisplay = text(bill, "title");
        d.introducedDate = SourceText.date(text(bill, "introducedDate"));
        d.originChamber = chamber(text(bill, "originChamber"));
        d.legislationUrl = SourceText.httpsUrl(text(bill, "legislationUrl"));
        d.updateDate = SourceText.timestamp(text(bill, "updateDate"));
        Element policy = child(bill, "policyArea");
        d.policyArea = policy == null ? null : text(policy, "name");
        Element latest = child(bill, "latestAction");
        if (latest != null) {
            d.latestActionDate = SourceText.date(text(latest, "actionDate"));
            d.latestActionText = text(latest, "text");
        }
        List<Element> sponsors = items(child(bill, "sponsors"));
        d.sponsor = sponsors.isEmpty() ? null : person(sponsors.get(0));

        d.cosponsors = new ArrayList<>();
        for (Element c : items(child(bill, "cosponsors"))) {
            BillData.Person p = person(c);
            if (p != null) {
                d.cosponsors.add(new BillData.Cosponsor(p, SourceText.date(text(c, "sponsorshipDate")),
                        SourceText.yes(text(c, "isOriginalCosponsor")), SourceText.date(text(c, "sponsorshipWithdrawnDate"))));
            }
        }

        d.actions = new ArrayList<>();
        for (Element a : items(child(bill, "actions"))) {
            String textValue = text(a, "text");
            java.time.LocalDate date = SourceText.date(text(a, "actionDate"));
            if (textValue == null || date == null) {
                continue;
            }
            Element source = child(a, "sourceSystem");
            List<Element> committees = items(child(a, "committees"));
            d.actions.add(new BillData.Action(date, SourceText.time(text(a, "actionTime")), text(a, "actionCode"), text(a, "type"),
                    source == null ? null : text(source, "code"), source == null ? null : text(source, "name"), textValue,
                    committees.isEmpty() ? null : text(committees.get(0), "systemCode")));
        }

        Set<String> subjects = new LinkedHashSet<>();
        Element subjectsEl = child(bill, "subjects");
        if (subjectsEl != null) {
            for (Element s : items(child(subjectsEl, "legislativeSubjects"))) {
                String name = text(s, "name");
                if (name != null) {
                    subjects.add(name);
                }
            }
        }
        d.subjects = new ArrayList<>(subjects);

        d.titles = new ArrayList<>();
        for (Element t : items(child(bill, "titles"))) {
            String type1 = text(t, "titleType");
            String title = text(t, "title");
            if (type1 != null && title != null) {
                d.titles.add(new Bill.Title(type1, title));
            }
        }

        d.committees = new ArrayList<>();
        Element committeesEl = child(bill, "committees");
        List<Element> committeeItems = items(committeesEl);
        if (committeesEl != null && committeeItems.isEmpty()) {
            committeeItems = items(child(committeesEl, "billCommittees"));
        }
        for (Element c : committeeItems) {
            String code = text(c, "systemCode");
            String name = text(c, "name");
            if (code == null || name == null) {
                continue;
            }
            List<String> acts = new ArrayList<>();
            for (Element act : items(child(c, "activities"))) {
                acts.add(activity(text(act, "name"), text(act, "date")));
            }
            d.committees.add(new Bill.CommitteeReferral(code, name, chamber(text(c, "chamber")), activities(acts)));
        }

        d.related = new ArrayList<>();
        for (Element r : items(child(bill, "relatedBills"))) {
            Bill.Related rel = new Bill.Related();
            Integer rc = SourceText.integer(text(r, "congress"));
            Integer rn = SourceText.integer(text(r, "number"));
            rel.billType = BillNumbers.normaliseType(text(r, "type"));
            if (rc == null || rn == null || rel.billType == null) {
                continue;
            }
            rel.congress = rc;
            rel.number = rn;
            rel.title = firstText(r, "title", "latestTitle");
            Set<String> rels = new LinkedHashSet<>();
            for (Element detail : items(child(r, "relationshipDetails"))) {
                String t = text(detail, "type");
                String by = text(detail, "identifiedBy");
                if (t != null) {
                    rels.add(by == null ? t : t + " (identified by " + by + ")");
                }
            }
            rel.relationship = String.join("; ", rels);
            Element la = child(r, "latestAction");
            if (la != null) {
                rel.latestActionDate = SourceText.date(text(la, "actionDate"));
                rel.latestActionText = text(la, "text");
            }
            d.related.add(rel);
        }

        d.textVersions = new ArrayList<>();
        for (Element v : items(child(bill, "textVersions"))) {
            for (Element f : items(child(v, "formats"))) {
                String url = SourceText.httpsUrl(text(f, "url"));
                if (url == null) {
                    continue;
                }
                Bill.TextVersion tv = new Bill.TextVersion();
                tv.versionType = v.getElementsByTagName("type").getLength() > 0 ? text(v, "type") : "Text";
                if (tv.versionType == null) {
                    tv.versionType = "Text";
                }
                tv.versionDate = SourceText.date(text(v, "date"));
                tv.url = url;
                tv.format = url.endsWith(".xml") ? "XML" : url.endsWith(".pdf") ? "PDF" : url.endsWith(".htm") || url.endsWith(".html") ? "HTML" : null;
                d.textVersions.add(tv);
            }
        }

        d.summaries = new ArrayList<>();
        Element summaries = child(bill, "summaries");
        if (summaries != null) {
            List<Element> list = children(summaries, "summary");
            if (list.isEmpty()) {
                list = items(summaries);
            }
            for (Element s : list) {
                String text = SourceText.htmlToText(text(s, "text"));
                if (text == null) {
                    continue;
                }
                Bill.Summary sum = new Bill.Summary();
                sum.versionCode = text(s, "versionCode");
                sum.actionDate = SourceText.date(text(s, "actionDate"));
                sum.actionDesc = text(s, "actionDesc");
                sum.text = text;
                d.summaries.add(sum);
            }
        }

        d.laws = new ArrayList<>();
        for (Element l : items(child(bill, "laws"))) {
            String n = text(l, "number");
            if (n != null && n.matches("[0-9]{2,3}-[0-9]{1,4}")) {
                d.laws.add(new Bill.Law(text(l, "type") == null ? "Public Law" : text(l, "type"), n));
            }
        }
        BillDataTitles.fill(d);
        return d;
    }

    static String activity(String name, String date) {
        java.time.LocalDate d = SourceText.date(date);
        return (name == null ? "Activity" : name) + (d == null ? "" : " " + d);
    }

    static String activities(List<String> acts) {
        // sources list activities newest first and sometimes twice; keep each once, oldest first
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(acts));
        java.util.Collections.reverse(unique);
        return String.join("; ", unique);
    }

    static String chamber(String raw) {
        if (raw == null) {
            return null;
        }
        String r = raw.toLowerCase(Locale.ROOT);
        return r.startsWith("s") ? "Senate" : r.startsWith("h") ? "House" : r.startsWith("j") ? "Joint" : null;
    }

    private static BillData.Person person(Element e) {
        String bioguide = text(e, "bioguideId");
        if (bioguide == null) {
            Element ids = child(e, "identifiers");
            bioguide = ids == null ? null : text(ids, "bioguideId");
        }
        if (bioguide == null || !bioguide.matches("[A-Z][0-9]{6}")) {
            return null;
        }
        return new BillData.Person(bioguide, text(e, "firstName"), text(e, "lastName"), text(e, "fullName"), text(e, "party"),
                text(e, "state"), SourceText.integer(text(e, "district")));
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
