package gov.exports.portal.audit;

import static gov.exports.portal.audit.AuditCoverageApplications.idIn;
import static gov.exports.portal.audit.AuditCoverageApplications.seeOther;
import static gov.exports.portal.support.Waits.eventually;
import static gov.exports.portal.audit.AuditProbe.Change.CREATE;
import static gov.exports.portal.audit.AuditProbe.Change.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import gov.exports.portal.screening.ScreeningHit;
import gov.exports.portal.screening.ScreeningService;
import gov.exports.portal.screening.ScreeningSubject;
import gov.exports.portal.screening.ScreeningTestSupport;
import gov.exports.portal.support.PortalSession;

/** Senior officers change the denied-party list (a file, an entry by hand, its retirement); an officer dispositions a hit. */
final class AuditCoverageScreening {

    private final AuditProbe probe;
    private final ScreeningService screening;

    AuditCoverageScreening(AuditProbe probe, ScreeningService screening) {
        this.probe = probe;
        this.screening = screening;
    }

    static String demoList() {
        try (InputStream in = AuditCoverageScreening.class.getResourceAsStream("/screening/demo-list.csl.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void run() {
        PortalSession senior = PortalSession.of("senior");
        PortalSession officer = PortalSession.of("officer");
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String listed = "Audit Coverage Photonics " + suffix + " Ltd.";

        // the demo list and one more entry, as a file; checked at once, written in the background
        String csv = demoList().stripTrailing() + "\n" + ScreeningTestSupport.cslRow("AUDIT-" + suffix, listed, "8 Optics Valley Road, Wuhan, CN", "") + "\n";
        long job = Long.parseLong(probe.perform("POST /screening/import", senior, "screening_job", CREATE,
                () -> idIn(seeOther(senior.postMultipart("/screening/import", Map.of(), Map.of("file", Map.entry("audit-coverage.csv",
                        csv.getBytes(StandardCharsets.UTF_8)))), "import the list"), "/screening/jobs/"))
                .after("file", "audit-coverage.csv").after("bytes", csv.getBytes(StandardCharsets.UTF_8).length).targetId());
        assertEquals("DONE", eventually(() -> probe.text("SELECT status FROM screening_job WHERE id = ?", job), s -> !"RUNNING".equals(s), 30_000));

        ScreeningHit hit = screening.screen(new ScreeningSubject("APPLICATION_PARTY", 990_001L, listed, List.of(), null, "Wuhan", "CN"))
                .hits().get(0);
        probe.perform("POST /screening/hits/{id}/disposition", officer, "screening_hit", UPDATE, () -> {
            seeOther(officer.postForm("/screening/hits/" + hit.id + "/disposition", "decision", "TRUE_MATCH", "reason",
                    "Same company, same address in Wuhan.", "version", probe.number("SELECT version FROM screening_hit WHERE id = ?",
                            hit.id)), "disposition");
            return hit.id;
        }).before("status", "OPEN").after("status", "TRUE_MATCH").after("reason", "Same company, same address in Wuhan.");

        String byHand = "Handmade Audit Devices " + suffix + " Co., Ltd.";
        long entry = Long.parseLong(probe.perform("POST /screening/entries", senior, "screening_entry", CREATE,
                () -> idIn(seeOther(senior.postForm("/screening/entries", "name", byHand, "altNames", "HAD " + suffix, "country", "China",
                        "reason", "91 FR 3001, effective today"), "add an entry"), "/screening/entries/"))
                .after("name", byHand).after("reason", "91 FR 3001, effective today").targetId());
        probe.perform("POST /screening/entries/{id}/retire", senior, "screening_entry", UPDATE, () -> {
            seeOther(senior.postForm("/screening/entries/" + entry + "/retire", "reason", "Removed by 91 FR 3002."), "retire");
            return entry;
        }).before("inForce", true).after("inForce", false).after("reason", "Removed by 91 FR 3002.");
    }
}
