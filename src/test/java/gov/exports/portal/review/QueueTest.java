package gov.exports.portal.review;

import static gov.exports.portal.review.ReviewTestSupport.post;
import static gov.exports.portal.review.ReviewTestSupport.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Queues: filters, keyset pages, my cases, overdue flags, the CSV export and the dashboard. Uses Intel's applications only. */
@QuarkusTest
class QueueTest {

    static final Pattern CASE_LINK = Pattern.compile("href=\"/review/cases/(\\d+)\"");
    static final Pattern NEXT = Pattern.compile("href=\"(/review\\?[^\"]+)\" rel=\"next\"");

    @Inject
    ReviewFixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    QueueCounts keptCounts;

    String reference(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application> findById(id).reference);
    }

    static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = CASE_LINK.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void keysetPagesWalkTheWholeFilteredQueueWithoutGapsOrRepeats() {
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < ReviewQueries.PAGE_SIZE + 3; i++) {
            created.add(fixtures.submitted("intel"));
        }
        PortalSession officer = PortalSession.of("officer");
        String page1 = officer.given().get("/review?queue=open&vendor=intel").then().statusCode(200).extract().asString();
        List<Long> first = ids(page1);
        assertEquals(ReviewQueries.PAGE_SIZE, first.size());
        Matcher next = NEXT.matcher(page1);
        assertTrue(next.find(), "a next page link");
        String page2 = officer.given().get(next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        List<Long> second = ids(page2);
        Set<Long> seen = new HashSet<>(first);
        seen.addAll(second);
        assertEquals(first.size() + second.size(), seen.size(), "no row twice");
        assertTrue(seen.containsAll(created), "every case reached");
        assertTrue(first.get(0) < first.get(first.size() - 1), "oldest submission first");
        // search by reference narrows to one
        long one = created.iterator().next();
        String found = officer.given().get("/review?queue=open&q=" + reference(one)).then().statusCode(200).extract().asString();
        assertEquals(List.of(one), ids(found));
        // a garbled cursor or filter is ignored, not an error
        officer.given().get("/review?queue=nonsense&status=BOGUS&from=yesterday&after=xyz").then().statusCode(200);
    }

    @Test
    void myCasesOverdueFlagsAndFilters() {
        long mine = fixtures.submitted("intel");
        long old = fixtures.submitted("intel");
        fixtures.submittedDaysAgo(old, 120);
        PortalSession officer = PortalSession.of("officer");
        PortalSession officer2 = PortalSession.of("officer2");
        post(officer, "/review/cases/" + mine + "/take", "version", version(officer, mine)).then().statusCode(303);
        String minePage = officer.given().get("/review?queue=mine").then().extract().asString();
        assertTrue(ids(minePage).contains(mine));
        assertTrue(minePage.contains("My cases <span class=\"count\">(" + ids(minePage).size() + ")</span>"), "the tab counts the queue");
        assertFalse(ids(officer2.given().get("/review?queue=mine").then().extract().asString()).contains(mine));
        assertFalse(ids(officer.given().get("/review?queue=unassigned&vendor=intel").then().extract().asString()).contains(mine));

        String overdue = officer.given().get("/review?queue=overdue&vendor=intel").then().statusCode(200).extract().asString();
        assertEquals(List.of(old), ids(overdue));
        assertTrue(overdue.contains("Overdue"));
        assertTrue(officer.given().get("/review/cases/" + old).then().extract().asString().contains("Overdue: past the 90-day target"));
        // filters: status, product, consignee, date range
        assertTrue(ids(officer.given().get("/review?queue=open&vendor=intel&status=UNDER_REVIEW").then().extract().asString()).contains(mine));
        assertFalse(ids(officer.given().get("/review?queue=open&vendor=intel&status=SUBMITTED").then().extract().asString()).contains(mine));
        assertTrue(ids(officer.given().get("/review?queue=open&vendor=intel&product=H200&consignee=shanghai").then().extract().asString())
                .contains(mine));
        assertFalse(ids(officer.given().get("/review?queue=open&vendor=intel&product=Gaudi").then().extract().asString()).contains(mine));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        List<Long> sinceToday = ids(officer.given().get("/review?queue=open&vendor=intel&from=" + today).then().extract().asString());
        assertTrue(sinceToday.contains(mine));
        assertFalse(sinceToday.contains(old));
    }

    @Test
    void theCsvExportFollowsTheFilterAndNeutralisesFormulas() {
        long id = fixtures.submitted("intel");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE application_party SET name = '=HYPERLINK(\"http://evil.example\",\"x\")' WHERE application_id = :id AND role = 'ULTIMATE_CONSIGNEE'")
                .setParameter("id", id).executeUpdate());
        String ref = reference(id);
        var r = PortalSession.of("officer").given().get("/review/export.csv?queue=open&q=" + ref).then().statusCode(200).extract();
        assertTrue(r.contentType().startsWith("text/csv"));
        String csv = r.asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("Reference,Vendor,Products,Consignee"));
        assertTrue(lines[1].startsWith(ref + ","));
        assertTrue(lines[1].contains("\"'=HYPERLINK("), "the formula is neutralised: " + lines[1]);
        PortalSession.of("nvidia-vendor").given().get("/review/export.csv").then().statusCode(403);
    }

    @Test
    void theDashboardDrawsAccessibleChartsWithTheirNumbersInTables() {
        fixtures.submitted("intel");
        String html = PortalSession.of("senior").given().get("/review/dashboard").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<svg role=\"img\" aria-labelledby=\"by-status-title by-status-desc\""));
        assertTrue(html.contains("<title id=\"by-status-title\">Applications by status</title>"));
        assertTrue(html.contains("Value licensed per month"));
        assertTrue(html.contains("Open cases per officer"));
        assertTrue(html.contains("Median days from submission to decision"));
        Matcher submitted = Pattern.compile("<th scope=\"row\">Submitted</th><td class=\"num\">(\\d+)</td>").matcher(html);
        assertTrue(submitted.find(), "the status counts are also in a table");
        long expected = QuarkusTransaction.requiringNew().call(() -> Application.count("status",
                gov.exports.portal.application.ApplicationStatus.SUBMITTED));
        assertEquals(expected, Long.parseLong(submitted.group(1)));
    }

    static final Pattern TAB_COUNT = Pattern.compile("([A-Za-z ]+) <span class=\"count\">\\(([0-9,+]+)\\)</span>");

    static java.util.Map<String, String> tabCounts(PortalSession s) {
        String html = s.given().get("/review?queue=open").then().statusCode(200).extract().asString();
        java.util.Map<String, String> counts = new java.util.LinkedHashMap<>();
        Matcher m = TAB_COUNT.matcher(html);
        while (m.find()) {
            counts.put(m.group(1).trim(), m.group(2));
        }
        assertEquals(7, counts.size(), "seven queue tabs: " + counts);
        return counts;
    }

    static long count(java.util.Map<String, String> counts, String tab) {
        return Long.parseLong(counts.get(tab).replace(",", "").replace("+", ""));
    }

    void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    @Test
    void tabCountsAreKeptOnlyUntilAnyCaseChangesEvenThroughPlainSql() {
        PortalSession officer = PortalSession.of("officer");
        long open = fixtures.submitted("intel");
        var before = tabCounts(officer);
        long computed = keptCounts.computed();
        assertEquals(before, tabCounts(officer), "nothing changed: the same counts");
        assertEquals(computed, keptCounts.computed(), "served from the kept counts, not counted again");

        // a submission (through the portal's own service) is counted at once
        long another = fixtures.submitted("intel");
        var afterSubmit = tabCounts(officer);
        assertEquals(count(before, "All open") + 1, count(afterSubmit, "All open"));
        assertEquals(count(before, "Unassigned") + 1, count(afterSubmit, "Unassigned"));

        // a change made behind the portal's back (plain SQL, as another instance or an operator would) is counted too
        sql("INSERT INTO review_case (application_id, assigned_subject, assigned_name, assigned_at) SELECT " + another
                + ", subject, display_name, now() FROM official WHERE username = 'officer' ON CONFLICT (application_id) DO UPDATE"
                + " SET assigned_subject = EXCLUDED.assigned_subject, assigned_name = EXCLUDED.assigned_name, assigned_at = EXCLUDED.assigned_at");
        var afterAssign = tabCounts(officer);
        assertEquals(count(afterSubmit, "My cases") + 1, count(afterAssign, "My cases"), "assigned in SQL: in my cases");
        assertEquals(count(afterSubmit, "Unassigned") - 1, count(afterAssign, "Unassigned"));
        sql("UPDATE application SET status = 'WITHDRAWN' WHERE id = " + open);
        var afterWithdraw = tabCounts(officer);
        assertEquals(count(afterAssign, "All open") - 1, count(afterWithdraw, "All open"), "withdrawn in SQL: no longer open");

        // a vendor editing a draft changes no queue: the kept counts stay valid
        Long draft = fixtures.completeDraft("intel", 10, "1000.00");
        long computedBefore = keptCounts.computed();
        sql("UPDATE application SET end_use_statement = end_use_statement || ' (edited)' WHERE id = " + draft);
        assertEquals(afterWithdraw, tabCounts(officer));
        assertEquals(computedBefore, keptCounts.computed(), "a draft edit does not invalidate the counts");

        // each officer has their own "my cases"
        var other = tabCounts(PortalSession.of("officer2"));
        assertEquals(count(afterWithdraw, "All open"), count(other, "All open"));
    }
}
