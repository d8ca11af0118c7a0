package gov.exports.portal.congress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Importers on the real samples: concrete values, idempotent re-imports, hostile and malformed files refused. */
@QuarkusTest
class BillImportTest {

    @Inject
    BillImportService importer;

    @Inject
    BillCurationService curation;

    record Facts(String sponsor, long cosponsors, long withdrawn, long original, long actions, BillStatus status, String title,
            List<String> laws, int subjects, int textVersions, int related, int committees, int summaries) {
    }

    Facts facts(int congress, String type, int number) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Bill b = Bill.find(congress, type, number).orElseThrow();
            return new Facts(b.sponsor == null ? null : b.sponsor.bioguideId, Cosponsorship.count("bill", b),
                    Cosponsorship.count("bill = ?1 and withdrawnDate is not null", b), Cosponsorship.count("bill = ?1 and original = true", b),
                    BillAction.count("bill", b), b.status, b.titleDisplay, b.laws.stream().map(l -> l.lawNumber).toList(), b.subjects.size(),
                    b.textVersions.size(), b.relatedBills.size(), b.committees.size(), b.summaries.size());
        });
    }

    boolean exists(int congress, String type, int number) {
        return QuarkusTransaction.requiringNew().call(() -> Bill.find(congress, type, number).isPresent());
    }

    ImportOutcome importShared(String file) {
        return importer.importFile(file.substring(file.lastIndexOf('/') + 1), SharedSamples.bytes(file), BillImport.SourceKind.UPLOAD,
                false, Actor.SYSTEM);
    }

    @Test
    void billStatusWithAWithdrawnCosponsor() {
        importShared("billstatus/BILLSTATUS-119s1224.xml");
        Facts f = facts(119, "s", 1224);
        assertEquals("RIFLE Act", f.title());
        assertEquals("C001095", f.sponsor(), "sponsor Cotton");
        assertEquals(14, f.cosponsors());
        assertEquals(1, f.withdrawn(), "Capito withdrew");
        assertEquals(12, f.original());
        assertEquals(2, f.actions());
        assertEquals(BillStatus.IN_COMMITTEE, f.status());
        LocalDate withdrawn = QuarkusTransaction.requiringNew().call(() -> Cosponsorship.<Cosponsorship> find(
                "bill.congress = 119 and bill.number = 1224 and member.bioguideId = 'C001047'").firstResult().withdrawnDate);
        assertEquals(LocalDate.of(2026, 3, 19), withdrawn);
        Member ricketts = QuarkusTransaction.requiringNew().call(() -> Member.findById("R000618"));
        assertEquals("NE", ricketts.state);
    }

    @Test
    void thePublicLawSampleBecameLaw() {
        importShared("billstatus/BILLSTATUS-117hr2471.xml");
        Facts f = facts(117, "hr", 2471);
        assertEquals(BillStatus.BECAME_LAW, f.status());
        assertEquals(List.of("117-103"), f.laws());
        assertEquals("Consolidated Appropriations Act, 2022", f.title());
        assertEquals("J000294", f.sponsor(), "sponsor Jeffries");
        assertEquals(7, f.cosponsors());
        assertEquals(56, f.actions(), "only the bill's own actions, not its amendments'");
        assertEquals(2, f.committees());
        assertTrue(f.subjects() > 100);
        assertTrue(f.related() > 30);
        assertEquals(6, f.summaries());
    }

    @Test
    void theSenatePassedSampleAndItsAmendmentsStaySeparate() {
        importShared("billstatus/BILLSTATUS-117s1260.xml");
        Facts f = facts(117, "s", 1260);
        assertEquals(BillStatus.PASSED_SENATE, f.status());
        assertEquals("S000148", f.sponsor(), "sponsor Schumer");
        assertEquals(13, f.cosponsors());
        assertEquals(26, f.actions(), "250 amendments carry their own actions; none is the bill's");
        assertEquals("United States Innovation and Competition Act of 2021", f.title());
    }

    @Test
    void theSafeChipsActJsonSampleMatchesTheSeedAndChangesNothing() {
        Facts seeded = facts(119, "s", 3374);
        assertEquals("R000618", seeded.sponsor(), "Ricketts");
        assertEquals(9, seeded.cosponsors());
        assertEquals(5, seeded.original());
        assertEquals(2, seeded.actions());
        assertEquals(BillStatus.IN_COMMITTEE, seeded.status());
        // the real sample (with its provenance note and full text) describes the same bill: nothing new, nothing lost
        ImportOutcome out = importShared("api-v3/119-s-3374-safe-chips-act.json");
        assertEquals(0, out.actionsAdded);
        assertEquals(0, out.cosponsorsAdded);
        assertEquals(seeded, facts(119, "s", 3374));
        boolean curationKept = QuarkusTransaction.requiringNew().call(() -> {
            Bill b = Bill.find(119, "s", 3374).orElseThrow();
            return b.tracked && b.countries().contains("North Korea") && b.plainSummary != null;
        });
        assertTrue(curationKept);
        String coons = QuarkusTransaction.requiringNew().call(() -> Cosponsorship.<Cosponsorship> find(
                "bill.congress = 119 and bill.number = 3374 and member.bioguideId = 'C001088'").firstResult().member.partyState());
        assertEquals("D-DE", coons, "original cosponsor Coons (D-DE)");
    }

    @Test
    void apiResponsesForOneBillCanArriveOneEndpointAtATime() {
        ImportRefusedException first = assertThrows(ImportRefusedException.class,
                () -> importShared("api-v3/bill_117_hr_21_actions.json"));
        assertTrue(first.getMessage().contains("Import the bill's own response"), first.getMessage());
        importShared("api-v3/bill_117_hr_21.json");
        for (String part : List.of("actions", "cosponsors", "committees", "subjects", "titles", "summaries", "relatedbills", "text")) {
            importShared("api-v3/bill_117_hr_21_" + part + ".json");
        }
        Facts f = facts(117, "hr", 21);
        assertEquals("C001078", f.sponsor(), "Connolly");
        assertEquals(2, f.cosponsors());
        assertEquals(10, f.actions());
        assertEquals(BillStatus.PASSED_HOUSE, f.status());
        assertEquals("FedRAMP Authorization Act", f.title());
        assertEquals(13, f.subjects());
        assertEquals(1, f.related());
        assertEquals(2, f.summaries());
        ImportRefusedException list = assertThrows(ImportRefusedException.class, () -> importShared("api-v3/bill_117_hr.json"));
        assertTrue(list.getMessage().contains("list of bills"));
    }

    @Test
    void reImportIsIdempotentAndANewerFileAddsActionsAndWithdrawalsButKeepsCuration() {
        String xml = SharedSamples.text("billstatus/BILLSTATUS-119s1224.xml").replace("<number>1224</number>", "<number>8224</number>");
        importer.importFile("BILLSTATUS-119s8224.xml", xml.getBytes(StandardCharsets.UTF_8), BillImport.SourceKind.UPLOAD, true, Actor.SYSTEM);
        Facts before = facts(119, "s", 8224);
        Long id = QuarkusTransaction.requiringNew().call(() -> Bill.find(119, "s", 8224).orElseThrow().id);
        int version = QuarkusTransaction.requiringNew().call(() -> Bill.<Bill> findById(id).version);
        curation.save(id, new BillCurationService.Curation(true, "Firearms", List.of(), "", "Repeals a tax.", version), Actor.SYSTEM);

        ImportOutcome again = importer.importFile("BILLSTATUS-119s8224.xml", xml.getBytes(StandardCharsets.UTF_8),
                BillImport.SourceKind.UPLOAD, false, Actor.SYSTEM);
        assertEquals(1, again.billsUnchanged);
        assertEquals(0, again.actionsAdded);
        assertEquals(0, again.cosponsorsAdded);
        assertEquals(before, facts(119, "s", 8224));

        // a newer file: a new committee action, and Barrasso withdraws
        String newer = xml.replace("<updateDate>2026-03-20T11:03:18Z</updateDate>", "<updateDate>2026-04-02T09:00:00Z</updateDate>")
                .replace("<actions>", """
                        <actions>
                              <item>
                                <actionDate>2026-04-01</actionDate>
                                <text>Committee on Finance. Hearings held.</text>
                                <type>Committee</type>
                                <actionCode>13100</actionCode>
                                <sourceSystem><code>9</code><name>Library of Congress</name></sourceSystem>
                              </item>""")
                .replace("<sponsorshipDate>2026-03-19</sponsorshipDate>\n        <isOriginalCosponsor>False</isOriginalCosponsor>",
                        "<sponsorshipDate>2026-03-19</sponsorshipDate>\n        <isOriginalCosponsor>False</isOriginalCosponsor>\n"
                                + "        <sponsorshipWithdrawnDate>2026-03-30</sponsorshipWithdrawnDate>");
        ImportOutcome update = importer.importFile("BILLSTATUS-119s8224.xml", newer.getBytes(StandardCharsets.UTF_8),
                BillImport.SourceKind.UPLOAD, false, Actor.SYSTEM);
        assertEquals(1, update.billsUpdated);
        assertEquals(1, update.actionsAdded);
        assertEquals(1, update.cosponsorsWithdrawn);
        Facts after = facts(119, "s", 8224);
        assertEquals(3, after.actions());
        assertEquals(14, after.cosponsors(), "withdrawn cosponsors stay listed, marked");
        assertEquals(2, after.withdrawn());

        // the older file once more: it neither removes the newer action nor undoes the withdrawal
        ImportOutcome older = importer.importFile("BILLSTATUS-119s8224.xml", xml.getBytes(StandardCharsets.UTF_8),
                BillImport.SourceKind.UPLOAD, false, Actor.SYSTEM);
        assertEquals(1, older.billsUnchanged);
        assertTrue(older.lines.get(0).contains("file older than the data already held"), older.lines.toString());
        assertEquals(after, facts(119, "s", 8224));
        Map<String, Object> curated = QuarkusTransaction.requiringNew().call(() -> {
            Bill b = Bill.<Bill> findById(id);
            return Map.of("tracked", b.tracked, "topics", b.topics(), "summary", b.plainSummary);
        });
        assertEquals(Map.of("tracked", true, "topics", List.of("Firearms"), "summary", "Repeals a tax."), curated, "curation kept");

        // every import is recorded, and each bill change is in the audit trail with before and after
        long records = QuarkusTransaction.requiringNew().call(() -> BillImport.count("fileName", "BILLSTATUS-119s8224.xml"));
        assertEquals(4, records);
        String audit = QuarkusTransaction.requiringNew().call(() -> {
            gov.exports.portal.audit.AuditRecord r = gov.exports.portal.audit.AuditRecord.find(
                    "targetType = 'bill' and targetId = ?1 and action = 'bill.updated' order by id desc", String.valueOf(id)).firstResult();
            return r.beforeState + " -> " + r.afterState;
        });
        assertTrue(audit.contains("\"withdrawnCosponsors\": 1") || audit.contains("\"withdrawnCosponsors\":1"), audit);
        assertTrue(audit.contains("\"actions\": 3") || audit.contains("\"actions\":3"), audit);
    }

    @Test
    void xxeIsRefusedAndNothingImported() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE billStatus [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <billStatus><version>3.0.0</version><bill><number>7001</number><type>S</type><congress>119</congress>
                <title>&xxe;</title></bill></billStatus>""";
        ImportRefusedException e = assertThrows(ImportRefusedException.class, () -> importer.importFile("xxe.xml",
                xxe.getBytes(StandardCharsets.UTF_8), BillImport.SourceKind.UPLOAD, true, Actor.SYSTEM));
        assertTrue(e.getMessage().contains("declares a document type"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "no file content leaks into the message");
        assertFalse(exists(119, "s", 7001));
        BillImport record = QuarkusTransaction.requiringNew().call(() -> BillImport.<BillImport> find("fileName = 'xxe.xml' order by id desc").firstResult());
        assertEquals(BillImport.Outcome.REFUSED, record.outcome);
        assertTrue(record.message.contains("Nothing was imported"));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        lol.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            lol.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        lol.append("]>\n<billStatus><version>3.0.0</version><bill><number>7002</number><type>S</type><congress>119</congress>"
                + "<title>&lol9;</title></bill></billStatus>");
        ImportRefusedException e = assertThrows(ImportRefusedException.class, () -> importer.importFile("lol.xml",
                lol.toString().getBytes(StandardCharsets.UTF_8), BillImport.SourceKind.UPLOAD, true, Actor.SYSTEM));
        assertTrue(e.getMessage().contains("declares a document type"), e.getMessage());
        assertFalse(exists(119, "s", 7002));
        // the YAML equivalent (alias bomb) is refused too
        String yamlBomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
        assertThrows(ImportRefusedException.class, () -> importer.importFile("bomb.yaml", yamlBomb.getBytes(StandardCharsets.UTF_8),
                BillImport.SourceKind.UPLOAD, false, Actor.SYSTEM));
    }

    long count(String entity) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Bill.getEntityManager().createQuery("select count(*) from " + entity)
                .getSingleResult());
    }

    ImportRefusedException refusedFile(String name, byte[] content) {
        return assertThrows(ImportRefusedException.class, () -> importer.importFile(name, content, BillImport.SourceKind.UPLOAD, true,
                Actor.SYSTEM));
    }

    @Test
    void deeplyNestedAndTruncatedXmlAndDeepJsonAreRefusedAndNothingImported() {
        long bills = count("Bill");
        long actions = count("BillAction");
        String deep = "<billStatus><version>3.0.0</version><bill><number>7003</number><type>S</type><congress>119</congress><title>"
                + "<x>".repeat(50_000) + "deep" + "</x>".repeat(50_000) + "</title></bill></billStatus>";
        ImportRefusedException e = refusedFile("deep.xml", deep.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("more than 100 levels deep") && e.getMessage().contains("Nothing was imported"), e.getMessage());
        assertFalse(exists(119, "s", 7003));
        BillImport record = QuarkusTransaction.requiringNew().call(() -> BillImport.<BillImport> find("fileName = 'deep.xml' order by id desc")
                .firstResult());
        assertEquals(BillImport.Outcome.REFUSED, record.outcome, "the refusal is recorded");
        // a real file cut off half-way (an interrupted download)
        byte[] real = SharedSamples.bytes("billstatus/BILLSTATUS-117s1260.xml");
        e = refusedFile("BILLSTATUS-117s1260.xml", java.util.Arrays.copyOf(real, real.length / 2));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().matches("(?s).*line \\d+.*"), e.getMessage());
        // congress.gov JSON nested without end
        e = refusedFile("deep.json", ("{\"bill\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals(bills, count("Bill"), "no bill written");
        assertEquals(actions, count("BillAction"), "no action written");
    }

    static final String LEGISLATOR = "- id:\n    bioguide: Z000001\n  name:\n    first: Zed\n    last: Zulu\n  terms:\n  - type: sen\n"
            + "    start: '2021-01-03'\n    state: NE\n    party: Republican\n";

    @Test
    void legislatorsYamlInAWrongEncodingShapeOrWithAHugeFieldIsRefusedWithItsLine() {
        long members = count("Member");
        assertEquals(1, importer.importFile("check.yaml", LEGISLATOR.getBytes(StandardCharsets.UTF_8), BillImport.SourceKind.UPLOAD, false,
                Actor.SYSTEM).membersSaved, "the well-formed file is accepted");
        members++;
        String latin1 = LEGISLATOR.replace("bioguide: Z000001", "bioguide: Z000002").replace("last: Zulu", "last: Zulú");
        ImportRefusedException e = refusedFile("legislators-current.yaml", latin1.getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("not UTF-8"), e.getMessage());
        e = refusedFile("legislators-current.yaml", LEGISLATOR.replace("Z000001", "Z000002").getBytes(StandardCharsets.UTF_16));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
        e = refusedFile("legislators-current.yaml", (LEGISLATOR.replace("Z000001", "Z000002") + "- just a name\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("line 11") && e.getMessage().contains("entry 2"), e.getMessage());
        e = refusedFile("legislators-current.yaml", (LEGISLATOR.replace("Z000001", "Z000002") + "- id: {bioguide: '123'}\n  terms: []\n")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("line 11") && e.getMessage().contains("no valid bioguide id"), e.getMessage());
        e = refusedFile("legislators-current.yaml", LEGISLATOR.replace("Z000001", "Z000002").replace("first: Zed", "first: " + "Z".repeat(200_000))
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("200000 characters"), e.getMessage());
        e = refusedFile("committees-current.yaml", ("- thomas_id: SSBK\n  name: Banking\n  type: senate\n  subcommittees: "
                + "[".repeat(20_000) + "]".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("nested more than 50"), e.getMessage());
        assertEquals(members, count("Member"), "nothing written by the refused files");
        assertNull(QuarkusTransaction.requiringNew().call(() -> Member.<Member> findById("Z000002")));
    }

    @Test
    void malformedAndUnknownSchemasAreRefusedWithAClearMessage() {
        assertRefused("<billStatus><version>3.0.0</version><bill>", "not well-formed XML");
        assertRefused("<rss version=\"2.0\"><channel/></rss>", "not a BILLSTATUS file");
        assertRefused("<billStatus><version>9.1</version><bill/></billStatus>", "schema version 9.1");
        assertRefused("<billStatus><version>3.0.0</version><bill><title>No number</title></bill></billStatus>", "does not say which bill");
        assertRefused("{\"hello\": \"world\"}", "not a congress.gov API v3 response");
        assertRefused("{ not json", "not valid JSON");
        assertRefused("- just: a list\n- of: things\n", "not one of the congress-legislators files");
        assertRefused("", "is empty");
    }

    @Test
    void aZipIsImportedWholeOrNotAtAll() throws IOException {
        String good = SharedSamples.text("billstatus/BILLSTATUS-117s1260.xml").replace("<number>1260</number>", "<number>9260</number>");
        byte[] bad = zip(Map.of("BILLSTATUS-117s9260.xml", good, "BILLSTATUS-broken.xml", "<billStatus><version>3.0.0</version>"));
        ImportRefusedException e = assertThrows(ImportRefusedException.class,
                () -> importer.importFile("bulk.zip", bad, BillImport.SourceKind.UPLOAD, false, Actor.SYSTEM));
        assertTrue(e.getMessage().contains("BILLSTATUS-broken.xml"), e.getMessage());
        assertFalse(exists(117, "s", 9260), "the good file of a refused zip is not imported either");

        String second = SharedSamples.text("billstatus/BILLSTATUS-119s1224.xml").replace("<number>1224</number>", "<number>9224</number>");
        ImportOutcome out = importer.importFile("bulk.zip", zip(Map.of("a/BILLSTATUS-117s9260.xml", good, "BILLSTATUS-119s9224.xml", second,
                "README.txt", "not a bill")), BillImport.SourceKind.UPLOAD, false, Actor.SYSTEM);
        assertEquals(2, out.billsCreated);
        assertEquals(BillImport.Format.BILLSTATUS_ZIP, out.format);
        assertTrue(exists(117, "s", 9260));
        assertTrue(exists(119, "s", 9224));
    }

    @Test
    void legislatorsCommitteesAndSeatsFromTheRealFiles() {
        ImportOutcome members = importShared("legislators/legislators-current.yaml");
        assertEquals(BillImport.Format.LEGISLATORS_YAML, members.format);
        assertEquals(537, members.membersSaved);
        ImportOutcome committees = importShared("legislators/committees-current.yaml");
        assertEquals(BillImport.Format.COMMITTEES_YAML, committees.format);
        assertTrue(committees.committeesSaved > 200, "committees and subcommittees: " + committees.committeesSaved);
        ImportOutcome seats = importShared("legislators/committee-membership-current.yaml");
        assertEquals(BillImport.Format.COMMITTEE_MEMBERSHIP_YAML, seats.format);
        Map<String, Object> ricketts = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findById("R000618");
            Committee banking = Committee.find("systemCode", "ssbk00").firstResult();
            return Map.of("party", m.party, "state", m.state, "chamber", m.chamber, "terms", m.terms.size(),
                    "bankingSeat", CommitteeSeat.count("committeeCode = 'SSBK' and bioguideId = 'R000618'"),
                    "banking", banking.name);
        });
        assertEquals("R", ricketts.get("party"));
        assertEquals("NE", ricketts.get("state"));
        assertEquals("Senate", ricketts.get("chamber"));
        assertEquals(2, ricketts.get("terms"));
        assertEquals(1L, ricketts.get("bankingSeat"));
        assertEquals("Senate Committee on Banking, Housing, and Urban Affairs", ricketts.get("banking"));
        // importing the same file again changes nothing and duplicates nothing
        importShared("legislators/committee-membership-current.yaml");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> CommitteeSeat.count("committeeCode = 'SSBK' and bioguideId = 'R000618'")));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Member.<Member> findById("Z000000")));
    }

    private void assertRefused(String content, String expected) {
        ImportRefusedException e = assertThrows(ImportRefusedException.class, () -> importer.importFile("bad-file",
                content.getBytes(StandardCharsets.UTF_8), BillImport.SourceKind.UPLOAD, false, Actor.SYSTEM));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertNotNull(e.getMessage());
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : new java.util.TreeMap<>(files).entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
