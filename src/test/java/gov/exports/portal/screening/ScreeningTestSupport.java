package gov.exports.portal.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Helpers for screening tests: put a known list in force, wait for background re-screening. */
public final class ScreeningTestSupport {

    static final ListImporter.Actor TESTER = new ListImporter.Actor("test", "test", true);

    private ScreeningTestSupport() {
    }

    /** The demo list, exactly, in force (a no-change version when it already is). */
    static ListImporter.ImportResult demoListInForce(ListImporter importer) {
        return importer.importFile(EvaluationSet.demoList(), "demo-list.csl.csv", TESTER, null);
    }

    /** Waits until the re-screening started for a list version has finished. */
    static ScreeningJob awaitRescreen(long versionId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            ScreeningJob j = QuarkusTransaction.requiringNew().call(() -> ScreeningJob.<ScreeningJob> find(
                    "kind = ?1 and listVersionId = ?2 and status <> ?3", ScreeningJob.Kind.RESCREEN, versionId,
                    ScreeningJob.Status.RUNNING).firstResult());
            if (j != null) {
                return j;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("re-screening for version " + versionId + " did not finish");
    }

    /** A CSL CSV row (29 columns) for an Entity List entry. */
    public static String cslRow(String id, String name, String addresses, String altNames) {
        String[] cols = new String[29];
        java.util.Arrays.fill(cols, "");
        cols[0] = id;
        cols[1] = "Entity List (EL) - Bureau of Industry and Security";
        cols[3] = "Entity";
        cols[5] = name;
        cols[7] = addresses;
        cols[8] = "91 FR 2001";
        cols[9] = "2026-04-01";
        cols[22] = altNames;
        return java.util.Arrays.stream(cols).map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Every entry of a list file, in memory (the portal itself streams them: {@link ListFileParser#read}). */
    static List<ListEntryData> entries(byte[] file) {
        List<ListEntryData> out = new java.util.ArrayList<>();
        ListFileParser.read(file, n -> { }, out::add);
        return out;
    }

    /** A CSL CSV file of generated entries (ids GEN-00001...), as lines: the header is line 1, entry i is line i + 1. */
    static List<String> generatedCslLines(int entries) {
        List<String> lines = new java.util.ArrayList<>(entries + 1);
        lines.add(demoLines().get(0));
        for (int i = 1; i <= entries; i++) {
            lines.add(cslRow(String.format("GEN-%05d", i), String.format("Generated Streaming Party %05d Trading Co., Ltd.", i),
                    "No. " + i + " Industrial Road, Shenzhen, CN", "Streaming Party " + i + "; GSP " + i));
        }
        return lines;
    }

    /** The shared sample data (../shared/data), wherever the worktree sits. */
    static java.nio.file.Path sharedData() {
        java.nio.file.Path p = java.nio.file.Path.of(System.getProperty("test.shared.dir", "../shared"), "data");
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(p) && dir != null) {
            p = dir.resolve("shared").resolve("data");
            dir = dir.getParent();
        }
        return p;
    }

    static String demoCsv() {
        return new String(EvaluationSet.demoList(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> demoLines() {
        return demoCsv().lines().toList();
    }
}
