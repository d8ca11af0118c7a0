package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.exports.portal.audit.AuditRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ListImporterTest {

    @Inject
    ListImporter importer;

    @AfterEach
    void restoreDemoList() {
        ScreeningTestSupport.demoListInForce(importer);
    }

    @Test
    void goodCslCsvFileBecomesTheVersionInForceWithItsHashAndAudit() {
        ListImporter.ImportResult r = ScreeningTestSupport.demoListInForce(importer);
        assertEquals(35, r.entries());
        assertEquals(ListFormat.CSL_CSV, r.format());
        QuarkusTransaction.requiringNew().run(() -> {
            ListVersion v = ListVersion.current().orElseThrow();
            assertEquals(r.versionId(), v.id);
            assertEquals(ListEntryData.sha256Hex(EvaluationSet.demoList()), v.fileSha256);
            ListEntry huawei = ListEntry.find("entryKey = ?1 and retiredIn is null", "ELP-0001").firstResult();
            assertEquals("Huawei Technologies Co., Ltd.", huawei.name);
            assertEquals(List.of("Huawei", "华为技术有限公司", "Huawei Technologies"), huawei.altNames());
            assertEquals("CN", huawei.addresses().get(0).country());
            assertTrue(AuditRecord.count("action = ?1 and targetId = ?2", "screening.list.imported", String.valueOf(r.versionId())) == 1);
        });
    }

    @Test
    void reImportWithChangesCountsAddedChangedAndRemoved() {
        ListImporter.ImportResult base = ScreeningTestSupport.demoListInForce(importer);
        List<String> lines = new ArrayList<>(ScreeningTestSupport.demoLines());
        // remove two entries
        lines.removeIf(l -> l.startsWith("ELP-0031,") || l.startsWith("ELP-0033,"));
        // change three: a new alias, a new address, a new licence policy
        lines.replaceAll(l -> l.startsWith("ELP-0005,") ? l.replace("iFlytek; 科大讯飞股份有限公司", "iFlytek; 科大讯飞股份有限公司; IFLYTEK Corp")
                : l.startsWith("ELP-0010,") ? l.replace("\"Zhangjiang, Shanghai, CN\"", "\"Pudong, Shanghai, CN\"")
                : l.startsWith("ELP-0022,") ? l.replace("Presumption of denial.", "Case-by-case review.") : l);
        // add four
        for (int i = 1; i <= 4; i++) {
            lines.add("NEW-000" + i + ",Entity List (EL) - Bureau of Industry and Security,,Entity,,Added Test Party " + i
                    + " Co. Ltd.,,\"Wuhan, CN\",91 FR 1,2026-03-01,,,,,,,,,,,,,,,,,,,");
        }
        ListImporter.ImportResult r = importer.importFile(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                "changed.csv", ScreeningTestSupport.TESTER, null);
        assertEquals(4, r.added(), r.toString());
        assertEquals(3, r.changed(), r.toString());
        assertEquals(2, r.removed(), r.toString());
        assertEquals(base.entries() + 4 - 2, r.entries());
        QuarkusTransaction.requiringNew().run(() -> {
            // the changed entry's old version is retired, the new one is in force with the new alias
            List<ListEntry> versions = ListEntry.list("entryKey = ?1 order by id", "ELP-0005");
            ListEntry old = versions.get(versions.size() - 2);
            ListEntry now = versions.get(versions.size() - 1);
            assertEquals(r.versionId(), old.retiredIn.id);
            assertTrue(now.isInForce());
            assertTrue(now.altNames().contains("IFLYTEK Corp"));
            // a removed entry no longer takes part in matching
            assertEquals(0L, ListEntry.count("entryKey = ?1 and retiredIn is null", "ELP-0033"));
        });
        // unchanged re-import: nothing added, changed or removed
        ListImporter.ImportResult again = importer.importFile(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                "changed.csv", ScreeningTestSupport.TESTER, null);
        assertEquals(List.of(0, 0, 0), List.of(again.added(), again.changed(), again.removed()));
    }

    @Test
    void malformedFileIsRefusedWithLineAndReasonAndNothingChanges() {
        ScreeningTestSupport.demoListInForce(importer);
        long versionBefore = QuarkusTransaction.requiringNew().call(() -> ListVersion.current().orElseThrow().id);
        long entriesBefore = QuarkusTransaction.requiringNew().call(() -> ListEntry.count("retiredIn is null"));
        List<String> lines = new ArrayList<>(ScreeningTestSupport.demoLines());
        // line 5 (the header is line 1): a start date that is not a date
        lines.set(4, lines.get(4).replace("2019-10-09", "9 Oct 2019"));
        MalformedListException e = assertThrows(MalformedListException.class, () -> importer.importFile(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "bad.csv", ScreeningTestSupport.TESTER, null));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("start_date \"9 Oct 2019\" is not a date"), e.getMessage());

        // an unclosed quote further down, after many good lines: still nothing imported
        List<String> quoted = new ArrayList<>(ScreeningTestSupport.demoLines());
        quoted.set(30, quoted.get(30).replaceFirst(",\"", ",\"unterminated "));
        quoted.set(30, quoted.get(30).replace("CN\",", "CN,"));
        MalformedListException q = assertThrows(MalformedListException.class, () -> importer.importFile(
                String.join("\n", quoted).getBytes(StandardCharsets.UTF_8), "bad2.csv", ScreeningTestSupport.TESTER, null));
        assertTrue(q.line() >= 31, q.getMessage());

        // a row with too few columns
        List<String> shortRow = new ArrayList<>(ScreeningTestSupport.demoLines());
        shortRow.add("X-1,Entity List (EL) - Bureau of Industry and Security,,Entity,,Short Row Ltd");
        MalformedListException s = assertThrows(MalformedListException.class, () -> importer.importFile(
                String.join("\n", shortRow).getBytes(StandardCharsets.UTF_8), "bad3.csv", ScreeningTestSupport.TESTER, null));
        assertEquals(37, s.line());
        assertTrue(s.getMessage().contains("expected 29 columns"), s.getMessage());

        assertThrows(MalformedListException.class, () -> importer.importFile("hello,world\n1,2\n".getBytes(StandardCharsets.UTF_8),
                "other.csv", ScreeningTestSupport.TESTER, null));

        assertEquals(versionBefore, QuarkusTransaction.requiringNew().call(() -> ListVersion.current().orElseThrow().id));
        assertEquals(entriesBefore, QuarkusTransaction.requiringNew().call(() -> ListEntry.count("retiredIn is null")));
    }

    @Test
    void aBigFileWithAMalformedRowNearTheEndIsRefusedWithItsLineAndNothingIsWritten() {
        ScreeningTestSupport.demoListInForce(importer);
        long versions = QuarkusTransaction.requiringNew().call(() -> ListVersion.count());
        long entries = QuarkusTransaction.requiringNew().call(() -> ListEntry.count());
        List<String> lines = new ArrayList<>(ScreeningTestSupport.generatedCslLines(20_000));
        lines.set(19_997, lines.get(19_997).replace("2026-04-01", "2026-04-31")); // line 19,998
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        MalformedListException e = assertThrows(MalformedListException.class,
                () -> importer.importFile(file, "big-bad.csv", ScreeningTestSupport.TESTER, null));
        assertEquals("Line 19998: start_date \"2026-04-31\" is not a date (YYYY-MM-DD).", e.getMessage());
        // the upload form's path: refused at once, no job started
        MalformedListException upload = assertThrows(MalformedListException.class,
                () -> importer.startImport(file, "big-bad.csv", new ListImporter.Actor("test", "test", false)));
        assertEquals(e.getMessage(), upload.getMessage());

        assertEquals(versions, QuarkusTransaction.requiringNew().call(() -> ListVersion.count()));
        assertEquals(entries, QuarkusTransaction.requiringNew().call(() -> ListEntry.count()));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ScreeningJob.count("kind = ?1 and fileName = ?2",
                ScreeningJob.Kind.IMPORT, "big-bad.csv")), "no import job was started for the refused upload");
    }

    @Test
    void aFileOfSeveralCopyChunksIsWrittenWhole() {
        int n = ListImporter.COPY_CHUNK * 2 + 500;
        byte[] file = String.join("\n", ScreeningTestSupport.generatedCslLines(n)).getBytes(StandardCharsets.UTF_8);
        ListImporter.ImportResult r = importer.importFile(file, "chunks.csv", ScreeningTestSupport.TESTER, null);
        assertEquals(n, r.entries(), r.toString());
        assertEquals(n, r.added(), r.toString());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i : new int[] { 1, ListImporter.COPY_CHUNK, ListImporter.COPY_CHUNK + 1, n }) {
                ListEntry e = ListEntry.find("entryKey = ?1 and retiredIn is null", String.format("GEN-%05d", i)).firstResult();
                assertEquals(String.format("Generated Streaming Party %05d Trading Co., Ltd.", i), e.name);
                assertEquals(List.of("Streaming Party " + i, "GSP " + i), e.altNames());
            }
            assertEquals(ListEntryData.sha256Hex(file), ListVersion.current().orElseThrow().fileSha256);
        });
    }

    @Test
    void cslJsonApiLayoutIsImported() throws IOException {
        byte[] json = ListImporterTest.class.getResourceAsStream("/screening/csl-api-sample.json").readAllBytes();
        ListImporter.ImportResult r = importer.importFile(json, "search.json", ScreeningTestSupport.TESTER, null);
        assertEquals(ListFormat.CSL_JSON, r.format());
        assertEquals(2, r.entries(), "a CSL import replaces every imported entry");
        QuarkusTransaction.requiringNew().run(() -> {
            ListEntry e = ListEntry.find("entryKey = ?1 and retiredIn is null", "api-001").firstResult();
            assertEquals("Chengdu", e.addresses().get(0).city());
            assertEquals("EAR", e.programs);
            ListEntry meu = ListEntry.find("entryKey = ?1 and retiredIn is null", "api-002").firstResult();
            assertEquals("CN", meu.addresses().get(0).country(), "country names become ISO codes");
        });
        byte[] broken = "{\"results\": [ {\"name\": \"A\", \"source\": \"EL\"},\n {\"name\": \"B\" \"source\": \"EL\"} ]}"
                .getBytes(StandardCharsets.UTF_8);
        MalformedListException e = assertThrows(MalformedListException.class,
                () -> importer.importFile(broken, "broken.json", ScreeningTestSupport.TESTER, null));
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void entityListCsvIsGroupedIntoEntriesAsTheReferenceResultsExpect() throws IOException {
        Path shared = ScreeningTestSupport.sharedData().resolve("screening");
        byte[] el = Files.readAllBytes(shared.resolve("el_el.csv"));
        JsonNode expected = new ObjectMapper().readTree(shared.resolve("el_expected_results.json").toFile());
        List<ListEntryData> parsed = ScreeningTestSupport.entries(el);
        assertEquals(expected.size(), parsed.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode x = expected.get(i);
            String title = x.get("title").isNull() ? null : x.get("title").asText();
            ListEntryData p = parsed.stream().filter(e -> e.name().equals(x.get("name").asText())
                    && java.util.Objects.equals(e.title(), title)
                    && e.federalRegisterNotice().equals(x.get("federal_register_notice").asText().strip())).findFirst().orElseThrow();
            assertEquals(x.get("name").asText(), p.name());
            assertEquals(x.get("federal_register_notice").asText().strip(), p.federalRegisterNotice());
            assertEquals(x.get("start_date").asText(), String.valueOf(p.startDate()));
            List<String> alt = new ArrayList<>();
            x.get("alt_names").forEach(a -> alt.add(a.asText()));
            assertEquals(alt, p.altNames(), p.name());
            assertEquals(x.get("addresses").size(), p.addresses().size(), p.name());
            for (int j = 0; j < p.addresses().size(); j++) {
                assertEquals(x.get("addresses").get(j).get("country").asText(), p.addresses().get(j).country());
                assertEquals(x.get("addresses").get(j).get("city").asText(), p.addresses().get(j).city());
            }
        }
        ListImporter.ImportResult r = importer.importFile(el, "el_el.csv", ScreeningTestSupport.TESTER, null);
        assertEquals(ListFormat.EL_CSV, r.format());
        assertEquals(expected.size(), r.added());
        // an Entity List file replaces only Entity List entries: other sources of the demo list stay
        assertNotEquals(0L, QuarkusTransaction.requiringNew().call(() -> ListEntry.count("retiredIn is null and source like ?1", "Military End User%")));
    }
}
