package gov.exports.portal.audit;

import static gov.exports.portal.support.Waits.eventually;
import static gov.exports.portal.audit.AuditCoverageApplications.idIn;
import static gov.exports.portal.audit.AuditCoverageApplications.seeOther;
import static gov.exports.portal.audit.AuditCoverageApplications.version;
import static gov.exports.portal.audit.AuditProbe.Change.CREATE;
import static gov.exports.portal.audit.AuditProbe.Change.DELETE;
import static gov.exports.portal.audit.AuditProbe.Change.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.exports.portal.congress.CongressApiStub;
import gov.exports.portal.congress.SharedSamples;
import gov.exports.portal.congress.TrackedBillRefresher;
import gov.exports.portal.customer.UnifiedSocialCreditCode;
import gov.exports.portal.licence.Licence;
import gov.exports.portal.licence.LicenceFixtures;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.support.PortalSession;
import gov.exports.portal.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;

/**
 * Senior officers' reference data (products, approved customers, policy versions), the tracker editor's bills (imports by
 * upload, by the API and from congress.gov, curation, tracking, the link to a policy version) and the suspension of what a
 * bill that became law affects. Everything is made for this test: a product of its own, a draft policy excluding only that
 * product, a bill of its own; the one version it publishes (far in the future) is taken back at the end so that the
 * policy in force stays what the other tests expect.
 */
final class AuditCoverageReferenceData {

    private final AuditProbe probe;
    private final LicenceFixtures licences;
    private final TrackedBillRefresher refresher;
    private final PortalSession senior = PortalSession.of("senior");
    private final PortalSession editor = PortalSession.of("editor");
    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    AuditCoverageReferenceData(AuditProbe probe, LicenceFixtures licences, TrackedBillRefresher refresher) {
        this.probe = probe;
        this.licences = licences;
        this.refresher = refresher;
    }

    void run() {
        String model = "AUDIT-" + suffix;
        long product = productAndCustomer(model);
        String excluding = policyVersions(model);
        billsAndTheSuspensionOfWhatTheyAffect(model, product, excluding);
    }

    long productAndCustomer(String model) {
        long product = Long.parseLong(probe.perform("POST /products", senior, "product", CREATE, () -> {
            seeOther(senior.postForm("/products", "maker", "Example Semi", "model", model, "architecture", "Hopper", "eccn", "3A090.a",
                    "tpp", "15000", "dramBandwidthGbps", "4000", "active", "true", "version", "0"), "add a product");
            return probe.number("SELECT id FROM product WHERE model = ?", model);
        }).after("model", model).after("tpp", 15000).targetId());
        probe.perform("POST /products/{id}", senior, "product", UPDATE, () -> {
            seeOther(senior.postForm("/products/" + product, "maker", "Example Semi", "model", model, "architecture", "Hopper", "eccn",
                    "3A090.a", "tpp", "15500", "dramBandwidthGbps", "4000", "active", "true", "version",
                    probe.number("SELECT version FROM product WHERE id = ?", product)), "change the product");
            return product;
        }).before("tpp", 15000).after("tpp", 15500);

        String first17 = "91330106MA" + String.format("%07d", System.nanoTime() % 10_000_000L);
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        long customer = Long.parseLong(probe.perform("POST /customers", senior, "approved_customer", CREATE, () -> {
            seeOther(senior.postForm("/customers", customerForm(uscc, "APPROVED", "0")), "add a customer");
            return probe.number("SELECT id FROM approved_customer WHERE uscc = ?", uscc);
        }).after("uscc", uscc).after("status", "APPROVED").targetId());
        probe.perform("POST /customers/{id}", senior, "approved_customer", UPDATE, () -> {
            seeOther(senior.postForm("/customers/" + customer, customerForm(uscc, "SUSPENDED", String.valueOf(probe.number(
                    "SELECT version FROM approved_customer WHERE id = ?", customer)))), "suspend the customer");
            return customer;
        }).before("status", "APPROVED").after("status", "SUSPENDED");
        return product;
    }

    Object[] customerForm(String uscc, String status, String version) {
        return new Object[] { "nameLatin", "Hangzhou Audit Coverage " + suffix + " Co., Ltd.", "nameChinese", "杭州审计覆盖科技有限公司", "uscc", uscc,
                "address", "9 Test Lane, Xihu District", "city", "Hangzhou", "country", "CN", "status", status, "approvedOn", "2026-02-01",
                "expiresOn", "2027-02-01", "version", version };
    }

    /** The policy in force as a draft form, under another code and date, with {@code alsoExcluded} added to the excluded products. */
    static Object[] policyForm(String code, LocalDate from, String alsoExcluded) {
        PolicyVersion p = QuarkusTransaction.requiringNew().call(() -> PolicyVersion.<PolicyVersion> find("code", "2026-01-H200").firstResult());
        List<String> excluded = new ArrayList<>(p.excludedProducts);
        if (alsoExcluded != null) {
            excluded.add(alsoExcluded);
        }
        return new Object[] { "code", code, "title", "Audit coverage " + code, "legalBasis", "Federal Register 2099-00002", "effectiveFrom",
                from, "destinations", String.join(", ", p.destinations), "eligibleArchitectures", String.join(", ", p.eligibleArchitectures),
                "eligibleProducts", String.join(", ", p.eligibleProducts), "excludedArchitectures", String.join(", ", p.excludedArchitectures),
                "excludedProducts", String.join(", ", excluded), "tppBelow", text(p.tppBelow), "dramBandwidthBelowGbps",
                text(p.dramBandwidthBelowGbps), "revenueSharePercent", percent(p.revenueShareRate), "maxShipmentRatioPercent",
                percent(p.maxChinaToUsShipmentRatio), "capPerCustomerUsd", money(p.capPerCustomerUsd), "capPerVendorUsd",
                money(p.capPerVendorUsd), "certification", p.requiredCertifications };
    }

    static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** Creates the draft that excludes {@code model} (kept, for the bill), publishes one far ahead (then taken back), discards one. */
    String policyVersions(String model) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String excluding = "AUDIT-EXCL-" + suffix;
        probe.perform("POST /policy/drafts", senior, "policy_version", CREATE, () -> {
            seeOther(senior.postForm("/policy/drafts", policyForm(excluding, today, model)), "draft the policy excluding " + model);
            return probe.number("SELECT id FROM policy_version WHERE code = ?", excluding);
        }).after("code", excluding).after("status", "DRAFT");

        String discarded = "AUDIT-DISC-" + suffix;
        long discard = idIn(seeOther(senior.postForm("/policy/drafts", policyForm(discarded, today, null)), "a draft to discard"),
                "/policy/drafts/");
        probe.perform("POST /policy/drafts/{id}/discard", senior, "policy_version", DELETE, () -> {
            seeOther(senior.postForm("/policy/drafts/" + discard + "/discard", "version", probe.number(
                    "SELECT version FROM policy_version WHERE id = ?", discard)), "discard");
            return discard;
        }).before("code", discarded);
        assertEquals(0, probe.number("SELECT count(*) FROM policy_version WHERE id = ?", discard));

        // published after every version already published (publishing goes in date order), and taken back afterwards
        LocalDate latest = LocalDate.parse(probe.text("SELECT coalesce(max(effective_from), current_date)::text FROM policy_version "
                + "WHERE status = 'PUBLISHED'"));
        LocalDate from = (latest.isAfter(today) ? latest : today).plusYears(1);
        long current = probe.number("SELECT id FROM policy_version WHERE status = 'PUBLISHED' AND effective_from <= ? AND "
                + "(effective_to IS NULL OR effective_to > ?)", from, from);
        String currentEnd = probe.text("SELECT effective_to::text FROM policy_version WHERE id = ?", current);
        String published = "AUDIT-PUB-" + suffix;
        long publish = idIn(seeOther(senior.postForm("/policy/drafts", policyForm(published, from, null)), "a draft to publish"),
                "/policy/drafts/");
        try {
            probe.perform("POST /policy/drafts/{id}/publish", senior, "policy_version", UPDATE, () -> {
                seeOther(senior.postForm("/policy/drafts/" + publish + "/publish", "version", probe.number(
                        "SELECT version FROM policy_version WHERE id = ?", publish)), "publish");
                return publish;
            }).before("status", "DRAFT").after("status", "PUBLISHED").after("effectiveFrom", from);
        } finally {
            probe.update("DELETE FROM policy_version WHERE id = ? AND code = ?", publish, published);
            probe.update("UPDATE policy_version SET effective_to = ?::date WHERE id = ?", currentEnd, current);
        }
        return excluding;
    }

    void billsAndTheSuspensionOfWhatTheyAffect(String model, long product, String excluding) {
        // a bill that became law, uploaded as BILLSTATUS XML under a number of this test's own
        String xml = SharedSamples.text("billstatus/BILLSTATUS-117hr2471.xml").replace("<number>2471</number>", "<number>92471</number>");
        long upload = Long.parseLong(probe.perform("POST /tracker/imports", editor, "bill_import", CREATE,
                () -> idIn(seeOther(editor.postMultipart("/tracker/imports", Map.of("track", "false"), Map.of("file",
                        Map.entry("BILLSTATUS-117hr92471.xml", xml.getBytes(StandardCharsets.UTF_8)))), "upload"), "/tracker/imports/"))
                .after("file", "BILLSTATUS-117hr92471.xml").targetId());
        long bill = probe.number("SELECT id FROM bill WHERE congress = 117 AND bill_type = 'hr' AND number = 92471");
        assertEquals("BECAME_LAW", probe.text("SELECT status FROM bill WHERE id = ?", bill));
        assertTrue(probe.number("SELECT count(*) FROM audit_record WHERE action = 'bill.imported' AND target_id = ? AND actor_name = "
                + "'editor' AND before_state IS NULL", String.valueOf(bill)) == 1, "the new bill's own record, import " + upload);

        String page = "/tracker/bills/117/hr/92471";
        probe.perform("POST /tracker/bills/{congress}/{type}/{number}", editor, "bill", UPDATE, () -> {
            seeOther(editor.postForm(page, "version", version(editor, page), "tracked", "true", "topics", "appropriations, export controls",
                    "countries", List.of("China"), "otherCountries", "", "plainSummary", "Funds the government, export control staff included."),
                    "curate");
            return bill;
        }).before("tracked", false).after("tracked", true).after("topics", List.of("appropriations", "export controls"))
                .after("countries", List.of("China"));
        probe.perform("POST /tracker/bills/{congress}/{type}/{number}/tracking", editor, "bill", UPDATE, () -> {
            seeOther(editor.postForm(page + "/tracking", "version", version(editor, page), "tracked", "false"), "untrack");
            return bill;
        }).before("tracked", true).after("tracked", false);
        probe.perform("POST /tracker/bills/{congress}/{type}/{number}/policy", editor, "bill", UPDATE, () -> {
            seeOther(editor.postForm(page + "/policy", "version", version(editor, page), "policyCode", excluding), "link to the policy");
            return bill;
        }).before("policyVersion", null).after("policyVersion", excluding);

        // the one licence the law affects: an application for this test's product
        Licence l = licences.issued("intel", 5, "150000.00");
        probe.update("UPDATE application_line SET product_id = ? WHERE application_id = ?", product, l.applicationId);
        String event = "/licences/policy-events/bill/" + bill;
        String eventPage = senior.get(event).body();
        Matcher shown = Pattern.compile("name=\"licenceIds\" value=\"([0-9,]*)\"").matcher(eventPage);
        assertTrue(shown.find(), "the event page offers the suspension");
        assertEquals(String.valueOf(l.id), shown.group(1), "the law affects only the licence for " + model);
        long job = Long.parseLong(probe.perform("POST /licences/policy-events/{kind}/{id}/suspension", senior, "licence_bulk_job", CREATE,
                () -> idIn(seeOther(senior.postForm(event + "/suspension", "licenceIds", shown.group(1), "reason",
                        "The law bars this product."), "suspend what the law affects"), "/licences/policy-events/jobs/"))
                .after("licences", List.of(l.id)).after("reason", "The law bars this product.").targetId());
        assertEquals("DONE", eventually(() -> probe.text("SELECT status FROM licence_bulk_job WHERE id = ?", job), "DONE"::equals, 30_000));
        // the worker's own record per licence: written as the system, naming the senior officer who asked
        assertEquals(1, probe.number("SELECT count(*) FROM audit_record WHERE action = 'licence.suspended' AND target_id = ? AND "
                + "actor_subject = 'system' AND after_state->>'bulkJob' = ? AND after_state->>'requestedBy' = 'Sam Reyes' AND "
                + "before_state->>'status' = 'ACTIVE'", String.valueOf(l.id), String.valueOf(job)));
        // unlinked again: the bill is no longer a policy event for the tests that follow
        probe.perform("POST /tracker/bills/{congress}/{type}/{number}/policy", editor, "bill", UPDATE, () -> {
            seeOther(editor.postForm(page + "/policy", "version", version(editor, page), "policyCode", ""), "unlink");
            return bill;
        }).before("policyVersion", excluding).after("policyVersion", null);
        long draft = probe.number("SELECT id FROM policy_version WHERE code = ?", excluding);
        var discarded = probe.perform("POST /policy/drafts/{id}/discard", senior, "policy_version", DELETE, () -> {
            seeOther(senior.postForm("/policy/drafts/" + draft + "/discard", "version", probe.number(
                    "SELECT version FROM policy_version WHERE id = ?", draft)), "discard the draft the law was linked to");
            return draft;
        }).before("code", excluding);
        assertTrue(((List<?>) discarded.before("excludedProducts")).contains(model), "what the discarded draft said");

        // a bill of this test's own by the API, then refreshed from (a stand-in for) congress.gov
        try (CongressApiStub congressGov = CongressApiStub.serving(7021)) {
            String json = congressGov.recorded("bill_117_hr_21.json");
            probe.perform("POST /api/tracker/imports", editor, "bill_import", CREATE, () -> {
                var r = RestAssured.given().auth().oauth2(Tokens.accessToken("editor")).contentType("application/json").body(json)
                        .post("/api/tracker/imports?name=bill_117_hr_7021.json");
                assertEquals(201, r.statusCode(), r.asString());
                return r.jsonPath().getLong("importId");
            }).after("file", "bill_117_hr_7021.json");
            long apiBill = probe.number("SELECT id FROM bill WHERE congress = 117 AND bill_type = 'hr' AND number = 7021");
            congressGov.useForTrackerRefresh(refresher);
            long mark = probe.lastId();
            probe.perform("POST /tracker/bills/{congress}/{type}/{number}/refresh", editor, "bill_import", CREATE,
                    () -> idIn(seeOther(editor.postForm("/tracker/bills/117/hr/7021/refresh"), "refresh"), "/tracker/imports/"))
                    .after("file", "congress.gov /bill/117/hr/7021");
            var updated = probe.since(mark).stream().filter(a -> a.action().equals("bill.updated")
                    && a.targetId().equals(String.valueOf(apiBill))).toList();
            assertEquals(1, updated.size(), "the refreshed bill's own record");
            assertEquals("editor", updated.get(0).actorName());
            assertTrue(updated.get(0).before() != null && !updated.get(0).before().equals(updated.get(0).after()), "what changed");
        }
    }
}
