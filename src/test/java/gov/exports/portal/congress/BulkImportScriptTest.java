package gov.exports.portal.congress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The documented bulk-load script against the running portal: progress per file, refusals reported, exit status. */
@QuarkusTest
class BulkImportScriptTest {

    @Test
    void theScriptLoadsADirectoryAndPrintsProgress() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bills");
        String xml = SharedSamples.text("billstatus/BILLSTATUS-119s1224.xml");
        for (int n : new int[] { 4101, 4102, 4103 }) {
            Files.writeString(dir.resolve("BILLSTATUS-119s" + n + ".xml"), xml.replace("<number>1224</number>", "<number>" + n + "</number>"));
        }
        Files.writeString(dir.resolve("broken.xml"), "<billStatus>");
        ProcessBuilder pb = new ProcessBuilder("src/scripts/bill-import.sh", "--track", dir.toString()).redirectErrorStream(true);
        pb.environment().put("PORTAL_URL", PortalSession.baseUrl());
        pb.environment().put("PORTAL_TOKEN", Tokens.accessToken("editor"));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), "a refused file makes the run fail:\n" + out);
        assertTrue(out.contains("Importing 4 files"), out);
        assertTrue(out.contains("[1/4] BILLSTATUS-119s4101.xml: 1 bills created"), out);
        assertTrue(out.contains("[4/4] broken.xml: REFUSED (HTTP 422)"), out);
        assertTrue(out.contains("Done: 3 imported, 1 refused, of 4 files."), out);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Bill.find(119, "s", 4103).orElseThrow().tracked));
    }
}
