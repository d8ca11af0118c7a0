package gov.exports.portal.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The streaming read of list files, without the database. */
class ListFileParserTest {

    /**
     * Entries reach the sink while the file is still being read: the progress reported when the sink sees an entry
     * is that of the entries before it, not of the whole file (which is what a parser that first builds the whole
     * list would show).
     */
    @Test
    void entriesReachTheSinkAsTheFileIsReadNotAfterIt() {
        byte[] file = String.join("\n", ScreeningTestSupport.generatedCslLines(20_000)).getBytes(StandardCharsets.UTF_8);
        int[] progress = { 0 };
        List<Integer> progressAtSink = new ArrayList<>();
        int[] count = { 0 };
        ListFileParser.Summary s = ListFileParser.read(file, n -> progress[0] = n, e -> {
            count[0]++;
            if (count[0] == 1 || count[0] == 10_000 || count[0] == 20_000) {
                progressAtSink.add(progress[0]);
                assertEquals(String.format("GEN-%05d", count[0]), e.key());
                assertEquals(count[0] + 1, e.line());
            }
        });
        assertEquals(new ListFileParser.Summary(ListFormat.CSL_CSV, 20_000), s);
        assertEquals(20_000, count[0]);
        assertEquals(20_000, progress[0], "progress reaches the end of the file");
        assertEquals(List.of(0, 9_000, 19_000), progressAtSink);
    }

    @Test
    void jsonEntriesReachTheSinkAsTheFileIsRead() {
        StringBuilder json = new StringBuilder("{\"total\": 5000, \"results\": [\n");
        for (int i = 1; i <= 5000; i++) {
            json.append(i > 1 ? ",\n" : "").append("{\"id\": \"J-").append(i).append("\", \"name\": \"Json Party ").append(i)
                    .append("\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\", \"alt_names\": [\"JP ")
                    .append(i).append("\"]}");
        }
        json.append("\n]}");
        int[] progress = { 0 };
        List<Integer> progressAtSink = new ArrayList<>();
        int[] count = { 0 };
        ListFileParser.Summary s = ListFileParser.read(json.toString().getBytes(StandardCharsets.UTF_8), n -> progress[0] = n, e -> {
            if (++count[0] == 1 || count[0] == 2_500) {
                progressAtSink.add(progress[0]);
                assertEquals(count[0] + 1, e.line());
            }
        });
        assertEquals(new ListFileParser.Summary(ListFormat.CSL_JSON, 5000), s);
        assertEquals(List.of(0, 2_000), progressAtSink);
    }

    @Test
    void aMalformedRowNearTheEndOfABigFileIsRefusedWithItsLine() {
        List<String> lines = new ArrayList<>(ScreeningTestSupport.generatedCslLines(20_000));
        lines.set(19_998, lines.get(19_998).replace("2026-04-01", "1 April 2026")); // line 19,999
        int[] count = { 0 };
        MalformedListException e = assertThrows(MalformedListException.class, () -> ListFileParser.read(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), n -> { }, x -> count[0]++));
        assertEquals(19_999, e.line());
        assertEquals("Line 19999: start_date \"1 April 2026\" is not a date (YYYY-MM-DD).", e.getMessage());
        assertEquals(19_997, count[0], "a sink sees the entries before the problem; importers check before they write");
    }

    @Test
    void anIdUsedTwiceIsRefusedButASyntaxErrorFurtherDownIsReportedFirst() {
        List<String> lines = new ArrayList<>(ScreeningTestSupport.generatedCslLines(3_000));
        lines.add(lines.get(10)); // GEN-00010 again, on line 3002
        MalformedListException dup = assertThrows(MalformedListException.class, () -> ListFileParser.read(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), n -> { }, x -> { }));
        assertEquals("Line 3002: the id \"GEN-00010\" was already used on line 11.", dup.getMessage());

        lines.add("GEN-99999,Short Row");
        MalformedListException shortRow = assertThrows(MalformedListException.class, () -> ListFileParser.read(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), n -> { }, x -> { }));
        assertEquals(3003, shortRow.line(), shortRow.getMessage());
        assertTrue(shortRow.getMessage().contains("expected 29 columns"), shortRow.getMessage());
    }

    @Test
    void utf8WithByteOrderMarkAndWindows1252AreBothRead() {
        List<String> lines = ScreeningTestSupport.generatedCslLines(2);
        String csv = String.join("\r\n", lines.get(0), lines.get(1).replace("Generated Streaming Party 00001", "Café Zürich"));
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        bom.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        List<ListEntryData> fromUtf8 = ScreeningTestSupport.entries(bom.toByteArray());
        assertEquals("GEN-00001", fromUtf8.get(0).key(), "the byte order mark is not part of the first column's name");
        assertEquals("Café Zürich Trading Co., Ltd.", fromUtf8.get(0).name());

        List<ListEntryData> from1252 = ScreeningTestSupport.entries(csv.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertEquals("Café Zürich Trading Co., Ltd.", from1252.get(0).name());
        assertEquals(fromUtf8, from1252);
    }

    @Test
    void emptyAndUnknownFilesAreRefusedAsBefore() {
        assertEquals("Line 1: the file is empty.", assertThrows(MalformedListException.class,
                () -> ListFileParser.read(" \r\n\t".getBytes(StandardCharsets.UTF_8), n -> { }, e -> { })).getMessage());
        assertEquals("The file contains no entries; an empty list is never imported.", assertThrows(MalformedListException.class,
                () -> ListFileParser.read(("\n\n" + ScreeningTestSupport.demoLines().get(0) + "\n").getBytes(StandardCharsets.UTF_8),
                        n -> { }, e -> { })).getMessage());
        assertTrue(assertThrows(MalformedListException.class, () -> ListFileParser.read("hello,world\n1,2\n".getBytes(
                StandardCharsets.UTF_8), n -> { }, e -> { })).getMessage().startsWith("Line 1: the header is not one we know."));
    }
}
