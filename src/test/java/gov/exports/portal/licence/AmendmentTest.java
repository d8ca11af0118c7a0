package gov.exports.portal.licence;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An amendment goes through recommendation and countersignature by two people; the licence keeps diffed versions. */
@QuarkusTest
class AmendmentTest {

    @Inject
    LicenceFixtures fixtures;

    static Response post(PortalSession s, String path, String... params) {
        var r = s.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken());
        for (int i = 0; i < params.length; i += 2) {
            r = r.formParam(params[i], params[i + 1]);
        }
        return r.post(path);
    }

    LicenceAmendment amendment(long licenceId) {
        return QuarkusTransaction.requiringNew().call(() -> LicenceAmendment.<LicenceAmendment> find("licenceId = ?1 order by id desc", licenceId)
                .firstResult());
    }

    @Test
    void moreQuantityALaterEndAndANewConsigneeAfterTwoPeopleAgreeWithAFieldLevelDiff() {
        Licence l = fixtures.issued("nvidia", 10, "300000.00");
        long line = QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> find("licenceId", l.id).firstResult().id);
        String base = "/licences/" + l.id + "/amendments";
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        String newEnd = l.validTo.plusYears(1).toString();

        post(vendor, base, "justification", "short").then().statusCode(400).body(containsString("justification"));
        post(vendor, base, "justification", "Nothing asked for in this request.").then().statusCode(400).body(containsString("at least one change"));
        post(vendor, base, "newValidTo", l.validTo.minusDays(1).toString(), "justification", "The customer's data centre opens later.")
                .then().statusCode(400).body(containsString("must be after the current one"));
        post(vendor, base, "lineId", String.valueOf(line), "extraQuantity", "5", "extraValue", "150000.00", "newValidTo", newEnd,
                "newConsignee", "Shanghai Example Computing (Pudong) Co., Ltd.", "justification", "The customer's second data hall opens next year.")
                .then().statusCode(303);
        post(vendor, base, "newValidTo", newEnd, "justification", "A second request while one is open.").then().statusCode(409);
        PortalSession.of("amd-vendor").given().get(base).then().statusCode(404);

        PortalSession officer = PortalSession.of("officer");
        PortalSession senior = PortalSession.of("senior");
        PortalSession senior2 = PortalSession.of("senior2");
        LicenceAmendment a = amendment(l.id);
        String rec = base + "/" + a.id + "/recommendation";
        String sign = base + "/" + a.id + "/countersignature";
        post(vendor, rec, "outcome", "APPROVE", "reasons", "Vendors cannot recommend.", "version", "0").then().statusCode(403);
        post(senior, rec, "outcome", "APPROVE", "reasons", "", "version", "0").then().statusCode(400).body(containsString("reasons"));
        post(senior, rec, "outcome", "APPROVE", "reasons", "Same customer, same end use; within the policy caps.", "version", "0")
                .then().statusCode(303);
        // the recommender cannot countersign; an officer cannot countersign at all
        post(senior, sign, "decision", "agree", "version", "1").then().statusCode(409).body(containsString("another senior officer"));
        post(officer, sign, "decision", "agree", "version", "1").then().statusCode(403);
        assertEquals(LicenceAmendment.Status.RECOMMENDED, amendment(l.id).status);
        post(senior2, sign, "decision", "agree", "version", "1").then().statusCode(303);

        assertEquals(LicenceAmendment.Status.APPROVED, amendment(l.id).status);
        Licence after = QuarkusTransaction.requiringNew().call(() -> Licence.<Licence> findById(l.id));
        LicenceLine afterLine = QuarkusTransaction.requiringNew().call(() -> LicenceLine.<LicenceLine> findById(line));
        assertEquals(LocalDate.parse(newEnd), after.validTo);
        assertEquals("Shanghai Example Computing (Pudong) Co., Ltd.", after.consignee);
        assertEquals(15, afterLine.authorisedQuantity);
        assertEquals(15, afterLine.remainingQuantity);
        assertEquals(new BigDecimal("450000.00"), afterLine.authorisedValueUsd);

        List<LicenceVersion> versions = QuarkusTransaction.requiringNew().call(() -> LicenceVersion.of(l.id));
        assertEquals(2, versions.size());
        List<AmendmentService.Change> diff = AmendmentService.diff(versions.get(0).getFieldMap(), versions.get(1).getFieldMap());
        assertEquals(List.of("Valid to", "Consignee", "NVIDIA H200 (Hopper, ECCN 3A090.a): authorised quantity",
                "NVIDIA H200 (Hopper, ECCN 3A090.a): authorised value (USD)"), diff.stream().map(AmendmentService.Change::field).toList());
        assertEquals(new AmendmentService.Change("NVIDIA H200 (Hopper, ECCN 3A090.a): authorised quantity", "10", "15"), diff.get(2));

        String page = vendor.given().get(base).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Version 2") && page.contains("<del>10</del>") && page.contains("<ins>15</ins>"), page);
        assertTrue(page.contains("<del>" + l.validTo + "</del>") && page.contains("<ins>" + newEnd + "</ins>"), page);
    }

    @Test
    void aDiffListsOnlyTheFieldsThatChanged() {
        LinkedHashMap<String, String> v1 = new LinkedHashMap<>();
        v1.put("Valid to", "2030-01-01");
        v1.put("Consignee", "A");
        LinkedHashMap<String, String> v2 = new LinkedHashMap<>(v1);
        v2.put("Consignee", "B");
        assertEquals(List.of(new AmendmentService.Change("Consignee", "A", "B")), AmendmentService.diff(v1, v2));
        assertEquals(List.of(), AmendmentService.diff(null, v1), "the first version has nothing to compare with");
    }
}
