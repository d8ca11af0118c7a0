package gov.exports.portal.congress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Readers for the parts of bill data that BILLSTATUS XML and the congress.gov API spell the same way. */
final class SourceFields {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
            java.util.Locale.UK);

    private SourceFields() {
    }

    /** The bill's own fields: titles, dates, chamber, policy area, latest action, sponsor. */
    static void billHeader(BillData d, SourceNode b) {
        d.hasBillPart = true;
        d.titleDisplay = b.text("title");
        d.introducedDate = SourceText.date(b.text("introducedDate"));
        d.originChamber = chamber(b.text("originChamber"));
        d.legislationUrl = SourceText.httpsUrl(b.text("legislationUrl"));
        d.updateDate = SourceText.timestamp(b.text("updateDate"));
        d.policyArea = b.child("policyArea") == null ? null : b.child("policyArea").text("name");
        SourceNode latest = b.child("latestAction");
        if (latest != null) {
            d.latestActionDate = SourceText.date(latest.text("actionDate"));
            d.latestActionText = latest.text("text");
        }
        List<SourceNode> sponsors = b.items("sponsors");
        d.sponsor = sponsors.isEmpty() ? null : person(sponsors.get(0));
    }

    static BillData.Person person(SourceNode n) {
        String bioguide = n.text("bioguideId");
        if (bioguide == null && n.child("identifiers") != null) {
            bioguide = n.child("identifiers").text("bioguideId");
        }
        if (bioguide == null || !bioguide.matches("[A-Z][0-9]{6}")) {
            return null;
        }
        return new BillData.Person(bioguide, n.text("firstName"), n.text("lastName"), n.text("fullName"), n.text("party"),
                n.text("state"), SourceText.integer(n.text("district")));
    }

    static List<BillData.Cosponsor> cosponsors(List<SourceNode> items) {
        List<BillData.Cosponsor> out = new ArrayList<>();
        for (SourceNode c : items) {
            BillData.Person p = person(c);
            if (p != null) {
                out.add(new BillData.Cosponsor(p, SourceText.date(c.text("sponsorshipDate")), SourceText.yes(c.text("isOriginalCosponsor")),
                        SourceText.date(c.text("sponsorshipWithdrawnDate"))));
            }
        }
        return out;
    }

    static List<BillData.Action> actions(List<SourceNode> items) {
        List<BillData.Action> out = new ArrayList<>();
        for (SourceNode a : items) {
            String text = a.text("text");
            LocalDate date = SourceText.date(a.text("actionDate"));
            if (text == null || date == null) {
                continue;
            }
            SourceNode source = a.child("sourceSystem");
            List<SourceNode> committees = a.items("committees");
            out.add(new BillData.Action(date, SourceText.time(a.text("actionTime")), a.text("actionCode"), a.text("type"),
                    source == null ? null : source.text("code"), source == null ? null : source.text("name"), text,
                    committees.isEmpty() ? null : committees.get(0).text("systemCode")));
        }
        return out;
    }

    static List<Bill.CommitteeReferral> committees(List<SourceNode> items) {
        List<Bill.CommitteeReferral> out = new ArrayList<>();
        for (SourceNode c : items) {
            String code = c.text("systemCode");
            String name = c.text("name");
            if (code == null || name == null) {
                continue;
            }
            // sources list activities newest first and sometimes twice; keep each once, oldest first
            Set<String> acts = new LinkedHashSet<>();
            for (SourceNode act : c.items("activities")) {
                LocalDate d = SourceText.date(act.text("date"));
                String what = act.text("name") == null ? "Activity" : act.text("name");
                // "Referred To" → "Referred to"; dates as the pages write them
                what = what.substring(0, 1) + what.substring(1).toLowerCase(java.util.Locale.ROOT);
                acts.add(what + (d == null ? "" : " " + DAY.format(d)));
            }
            List<String> oldestFirst = new ArrayList<>(acts);
            java.util.Collections.reverse(oldestFirst);
            out.add(new Bill.CommitteeReferral(code, name, chamber(c.text("chamber")), String.join("; ", oldestFirst)));
        }
        return out;
    }

    static List<Bill.Related> related(List<SourceNode> items) {
        List<Bill.Related> out = new ArrayList<>();
        for (SourceNode r : items) {
            Integer congress = SourceText.integer(r.text("congress"));
            Integer number = SourceText.integer(r.text("number"));
            String type = BillNumbers.normaliseType(r.text("type"));
            if (congress == null || number == null || type == null) {
                continue;
            }
            Bill.Related rel = new Bill.Related();
            rel.congress = congress;
            rel.number = number;
            rel.billType = type;
            rel.title = r.text("title") != null ? r.text("title") : r.text("latestTitle");
            Set<String> rels = new LinkedHashSet<>();
            for (SourceNode detail : r.items("relationshipDetails")) {
                String t = detail.text("type");
                String by = detail.text("identifiedBy");
                if (t != null) {
                    rels.add(by == null ? t : t + " (identified by " + by + ")");
                }
            }
            rel.relationship = String.join("; ", rels);
            SourceNode latest = r.child("latestAction");
            if (latest != null) {
                rel.latestActionDate = SourceText.date(latest.text("actionDate"));
                rel.latestActionText = latest.text("text");
            }
            out.add(rel);
        }
        return out;
    }

    static List<Bill.TextVersion> textVersions(List<SourceNode> items) {
        List<Bill.TextVersion> out = new ArrayList<>();
        for (SourceNode v : items) {
            for (SourceNode f : v.items("formats")) {
                String url = SourceText.httpsUrl(f.text("url"));
                if (url == null) {
                    continue;
                }
                Bill.TextVersion tv = new Bill.TextVersion();
                tv.versionType = v.text("type") == null ? "Text" : v.text("type");
                tv.versionDate = SourceText.date(v.text("date"));
                tv.url = url;
                String format = f.text("type");
                tv.format = format != null ? format : url.endsWith(".xml") ? "XML" : url.endsWith(".pdf") ? "PDF"
                        : url.endsWith(".htm") || url.endsWith(".html") ? "HTML" : null;
                out.add(tv);
            }
        }
        return out;
    }

    static List<Bill.Summary> summaries(List<SourceNode> items) {
        List<Bill.Summary> out = new ArrayList<>();
        for (SourceNode s : items) {
            String text = SourceText.htmlToText(s.text("text"));
            if (text == null) {
                continue;
            }
            Bill.Summary sum = new Bill.Summary();
            sum.versionCode = s.text("versionCode");
            sum.actionDate = SourceText.date(s.text("actionDate"));
            sum.actionDesc = s.text("actionDesc");
            sum.text = text;
            out.add(sum);
        }
        return out;
    }

    static List<Bill.Law> laws(List<SourceNode> items) {
        List<Bill.Law> out = new ArrayList<>();
        for (SourceNode l : items) {
            String n = l.text("number");
            if (n != null && n.matches("[0-9]{2,3}-[0-9]{1,4}")) {
                out.add(new Bill.Law(l.text("type") == null ? "Public Law" : l.text("type"), n));
            }
        }
        return out;
    }

    static List<Bill.Title> titles(List<SourceNode> items) {
        List<Bill.Title> out = new ArrayList<>();
        for (SourceNode t : items) {
            if (t.text("titleType") != null && t.text("title") != null) {
                out.add(new Bill.Title(t.text("titleType"), t.text("title")));
            }
        }
        return out;
    }

    /** Subject names of a legislativeSubjects list. */
    static List<String> subjectNames(List<SourceNode> items) {
        Set<String> names = new LinkedHashSet<>();
        for (SourceNode s : items) {
            if (s.text("name") != null) {
                names.add(s.text("name"));
            }
        }
        return new ArrayList<>(names);
    }

    static String chamber(String raw) {
        if (raw == null) {
            return null;
        }
        String r = raw.toLowerCase(java.util.Locale.ROOT);
        return r.startsWith("s") ? "Senate" : r.startsWith("h") ? "House" : r.startsWith("j") ? "Joint" : null;
    }
}
