package gov.exports.portal.congress;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A bill as one source file describes it, before it is merged into the database. The same shape comes out of
 * the BILLSTATUS XML and the congress.gov API JSON parsers. A null list means "this file says nothing about it"
 * (a partial API response), an empty list means "there are none".
 */
public class BillData {

    public int congress;
    public String type;
    public int number;

    /** False when the file carries only parts (e.g. an actions response): bill fields are then left alone. */
    public boolean hasBillPart;
    public String titleDisplay;
    public String titleOfficial;
    public String titleShort;
    public LocalDate introducedDate;
    public String originChamber;
    public String policyArea;
    public String legislationUrl;
    public OffsetDateTime updateDate;
    public LocalDate latestActionDate;
    public String latestActionText;
    public Person sponsor;

    public List<Cosponsor> cosponsors;
    public List<Action> actions;
    public List<String> subjects;
    public List<Bill.Title> titles;
    public List<Bill.CommitteeReferral> committees;
    public List<Bill.Related> related;
    public List<Bill.TextVersion> textVersions;
    public List<Bill.Summary> summaries;
    public List<Bill.Law> laws;

    public String label() {
        return BillNumbers.label(type, number);
    }

    /** A member as bill data names them: "Sen. Ricketts, Pete [R-NE]". */
    public record Person(String bioguideId, String firstName, String lastName, String fullName, String party, String state,
            Integer district) {

        /** Senate or House, from the "Sen."/"Rep." prefix the sources put before the name. */
        public String chamber() {
            if (fullName == null) {
                return null;
            }
            if (fullName.startsWith("Sen.")) {
                return "Senate";
            }
            return fullName.startsWith("Rep.") || fullName.startsWith("Del.") || fullName.startsWith("Resident Commissioner")
                    ? "House" : null;
        }

        /** "Pete Ricketts" */
        public String displayName() {
            if (firstName != null && lastName != null) {
                return capitalise(firstName) + " " + capitalise(lastName);
            }
            return fullName;
        }

        /** Some files shout names ("BRAD SHERMAN"); the public pages should not. */
        private static String capitalise(String s) {
            if (!s.equals(s.toUpperCase(java.util.Locale.ROOT)) || s.length() < 2) {
                return s;
            }
            StringBuilder b = new StringBuilder();
            boolean start = true;
            for (char c : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
                b.append(start ? Character.toUpperCase(c) : c);
                start = c == ' ' || c == '-' || c == '\'';
            }
            return b.toString();
        }
    }

    public record Cosponsor(Person person, LocalDate sponsorshipDate, boolean original, LocalDate withdrawnDate) {
    }

    public record Action(LocalDate date, LocalTime time, String code, String type, String sourceCode, String sourceName,
            String text, String committeeCode) {

        public BillStatusDerivation.ActionFacts facts() {
            return new BillStatusDerivation.ActionFacts(date, time, code, type, text);
        }
    }

    public static BillData of(int congress, String type, int number) {
        BillData d = new BillData();
        d.congress = congress;
        d.type = type;
        d.number = number;
        return d;
    }

    static <T> List<T> list() {
        return new ArrayList<>();
    }
}
