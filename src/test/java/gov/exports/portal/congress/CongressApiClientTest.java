package gov.exports.portal.congress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The congress.gov client against recorded responses (the real H.R. 21 responses of the API's own sample output,
 * in ../shared), served by a local HTTP server: no network.
 */
@QuarkusTest
class CongressApiClientTest {

    static final String KEY = CongressApiStub.KEY;

    @Inject
    TrackedBillRefresher refresher;

    CongressApiStub stub;

    @BeforeEach
    void serveRecordedResponses() {
        // /v3/bill/117/hr/8021[/part] → the recorded bill_117_hr_21[_part].json, renumbered so that this test owns its bill
        // whatever other tests imported
        stub = CongressApiStub.serving(8021);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    CongressApiClient client(String key) {
        return stub.client(key);
    }

    @Test
    void refreshingATrackedBillFetchesItAndItsPartsWithTheKeyInAHeader() {
        ImportOutcome out = refresher.refresh(client(KEY), 117, "hr", 8021, Actor.SYSTEM);
        assertEquals(1, out.billsCreated);
        QuarkusTransaction.requiringNew().run(() -> {
            Bill b = Bill.find(117, "hr", 8021).orElseThrow();
            assertEquals("FedRAMP Authorization Act", b.titleDisplay);
            assertEquals(BillStatus.PASSED_HOUSE, b.status);
            assertEquals("C001078", b.sponsor.bioguideId);
            assertEquals(10, BillAction.count("bill", b));
            assertEquals(2, Cosponsorship.count("bill", b));
            assertEquals(13, b.subjects.size());
            assertEquals(2, b.committees.size());
            assertEquals(12, b.textVersions.size(), "3 versions in 4 formats each");
        });
        List<String> requests = stub.requests();
        assertTrue(requests.stream().allMatch(r -> r.contains("key=" + KEY)), requests.toString());
        assertTrue(requests.stream().noneMatch(r -> r.contains(KEY) && r.contains("query=") && r.split("query=")[1].contains(KEY)),
                "the key is never in the URL");
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("/v3/bill/117/hr/8021/cosponsors ")));

        // the scheduled job refreshes every tracked bill; a second run finds nothing new and duplicates nothing
        QuarkusTransaction.requiringNew().run(() -> Bill.find(117, "hr", 8021).orElseThrow().tracked = true);
        TrackedBillRefresher.RefreshReport report = refresher.refreshAll(client(KEY));
        assertTrue(report.refreshed() >= 1, "H.R. 8021 refreshed");
        QuarkusTransaction.requiringNew().run(() -> {
            Bill b = Bill.find(117, "hr", 8021).orElseThrow();
            assertEquals(10, BillAction.count("bill", b));
            assertEquals(2, Cosponsorship.count("bill", b));
            b.tracked = false;
        });
        long refreshRecords = QuarkusTransaction.requiringNew().call(() -> BillImport.count("sourceKind = ?1 and fileName like ?2",
                BillImport.SourceKind.CONGRESS_GOV, "congress.gov /bill/117/hr/8021"));
        assertTrue(refreshRecords >= 2, "each refresh is recorded");
    }

    @Test
    void aWrongKeyOrAnUnknownBillIsAClearError() {
        CongressApiClient.ApiException wrongKey = assertThrows(CongressApiClient.ApiException.class,
                () -> client("wrong").fetchBill(117, "hr", 8021));
        assertTrue(wrongKey.getMessage().contains("HTTP 403"), wrongKey.getMessage());
        assertTrue(!wrongKey.getMessage().contains("wrong"), "the key is not echoed");
        CongressApiClient.ApiException missing = assertThrows(CongressApiClient.ApiException.class,
                () -> client(KEY).fetchBill(117, "hr", 99999));
        assertTrue(missing.getMessage().contains("HTTP 404"));
    }
}
