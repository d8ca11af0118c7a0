package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.congress.RenderedPages;
import gov.exports.portal.licence.Licence;
import gov.exports.portal.licence.LicenceFixtures;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * No N+1 on the main pages: each page is rendered with some rows and again with three times as many, and must run the
 * same number of SQL statements (Hibernate's prepared-statement count, which includes native SQL run through the
 * EntityManager; every read on these pages goes through it). The counts are printed for the README.
 */
@QuarkusTest
class PageQueryCountTest {

    static final int N = 3;

    @Inject
    EntityManagerFactory emf;

    @Inject
    EntityManager em;

    @Inject
    ReviewFixtures reviews;

    @Inject
    LicenceFixtures licences;

    @Inject
    RenderedPages renderedPages;

    final Map<String, String> report = new LinkedHashMap<>();

    Statistics stats() {
        return emf.unwrap(SessionFactory.class).getStatistics();
    }

    /**
     * Statements one GET of the page runs, after a first GET that may remember the official or warm anything up. Kept
     * anonymous pages are dropped first: this counts what rendering costs (a kept page costs one statement).
     */
    long statements(String user, String path) {
        get(user, path);
        renderedPages.clear();
        Statistics s = stats();
        s.clear();
        Response r = get(user, path);
        long n = s.getPrepareStatementCount();
        assertEquals(200, r.statusCode(), path + " as " + user);
        return n;
    }

    static Response get(String user, String path) {
        return (user == null ? RestAssured.given().redirects().follow(false) : PortalSession.of(user).given()).get(path);
    }

    /** Renders the page at N and at 3N rows of the growing kind; the statement count must not move. */
    void assertConstant(String page, String user, String path, IntConsumer addRows) {
        addRows.accept(N);
        long small = statements(user, path);
        addRows.accept(2 * N);
        long large = statements(user, path);
        report.put(page, small + " -> " + large);
        System.out.printf("[query-count] %-28s %-52s %d statements with %d rows, %d with %d rows%n", page, path, small, N, large, 3 * N);
        assertEquals(small, large, page + " (" + path + "): statements must not grow with the rows shown");
        assertTrue(small > 0, "statistics are on");
    }

    void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i += 2) {
                q.setParameter((String) params[i], params[i + 1]);
            }
            q.executeUpdate();
        });
    }

    long id(String statement, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i += 2) {
                q.setParameter((String) params[i], params[i + 1]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    int members;

    /** A new member of Congress per call: cosponsors and sponsors each load their member. */
    String member() {
        String bioguide = String.format("Q%06d", ++members + 500000);
        sql("INSERT INTO congress_member (bioguide_id, first_name, last_name, full_name, party, state, chamber, source)"
                + " VALUES (:b, 'Test', 'Member' || :b, 'Sen. Test Member ' || :b, CASE WHEN random() < 0.5 THEN 'D' ELSE 'R' END, 'NE', 'Senate', 'bill')",
                "b", bioguide);
        return bioguide;
    }

    int bills;

    long trackedBill() {
        int number = 60000 + ++bills;
        long id = id("INSERT INTO bill (congress, bill_type, number, title_display, title_short, status, introduced_date, origin_chamber,"
                + " sponsor_bioguide_id, latest_action_date, latest_action_text, tracked, policy_area)"
                + " VALUES (119, 's', :n, 'Query count test bill ' || :n, 'QCT ' || :n, 'IN_COMMITTEE', date '2001-01-01', 'Senate', :m,"
                + " date '2001-01-02', 'Read twice and referred to the Committee.', true, 'Foreign Trade and International Finance') RETURNING id",
                "n", number, "m", member());
        sql("INSERT INTO bill_cosponsor (bill_id, bioguide_id, sponsorship_date, original) VALUES (:b, :m, current_date - 20, true)",
                "b", id, "m", member());
        sql("INSERT INTO bill_tag (bill_id, kind, label) VALUES (:b, 'COUNTRY', 'China')", "b", id);
        sql("INSERT INTO bill_subject (bill_id, subject) VALUES (:b, 'Export controls')", "b", id);
        return id;
    }

    @Test
    void publicBillPages() {
        assertConstant("bill list", null, "/bills", n -> {
            for (int i = 0; i < n; i++) {
                trackedBill();
            }
        });
        long bill = trackedBill();
        String path = "/bills/119/s/" + (60000 + bills);
        int[] rows = { 0 };
        assertConstant("bill page", null, path, n -> {
            for (int i = 0; i < n; i++) {
                int k = ++rows[0];
                sql("INSERT INTO bill_action (bill_id, action_date, text, action_code, action_key) VALUES (:b, current_date - :k,"
                        + " 'Committee hearing ' || :k, 'H11100', 'qct-' || :k)", "b", bill, "k", k);
                sql("INSERT INTO bill_cosponsor (bill_id, bioguide_id, sponsorship_date) VALUES (:b, :m, current_date - :k)", "b", bill,
                        "m", member(), "k", k);
                long related = trackedBill();
                sql("INSERT INTO bill_related (bill_id, position, congress, bill_type, number, title, relationship)"
                        + " SELECT :b, 2 * :k - 2, congress, bill_type, number, title_display, 'Related bill' FROM bill WHERE id = :r",
                        "b", bill, "k", k, "r", related);
                sql("INSERT INTO bill_related (bill_id, position, congress, bill_type, number, title, relationship)"
                        + " VALUES (:b, 2 * :k - 1, 118, 'hr', :k + 1000, 'An untracked bill', 'Related bill')", "b", bill, "k", k);
                sql("INSERT INTO bill_subject (bill_id, subject) VALUES (:b, 'Subject ' || :k)", "b", bill, "k", k);
            }
        });
        assertConstant("member page", null, "/members/" + QuarkusTransaction.requiringNew().call(
                () -> (String) em.createNativeQuery("SELECT sponsor_bioguide_id FROM bill WHERE id = :b").setParameter("b", bill)
                        .getSingleResult()),
                n -> {
                    for (int i = 0; i < n; i++) {
                        long other = trackedBill();
                        sql("INSERT INTO bill_cosponsor (bill_id, bioguide_id) SELECT :o, sponsor_bioguide_id FROM bill WHERE id = :b",
                                "o", other, "b", bill);
                    }
                });
    }

    @Test
    void officialAndVendorPages() {
        long draft = id("""
                INSERT INTO policy_version (code, title, legal_basis, summary, effective_from, destinations, eligible_architectures,
                    eligible_products, excluded_architectures, excluded_products, tpp_below, dram_bandwidth_below_gbps,
                    revenue_share_rate, required_certifications, status, created_by)
                SELECT 'QCT-DRAFT', 'Hopper excluded (query count test)', legal_basis, summary, current_date + 1, destinations,
                    array_remove(eligible_architectures, 'Hopper'), eligible_products, array_append(excluded_architectures, 'Hopper'),
                    excluded_products, tpp_below, dram_bandwidth_below_gbps, revenue_share_rate, required_certifications, 'DRAFT', 'test'
                FROM policy_version WHERE code = '2026-01-H200' RETURNING id""");
        long law = id("""
                INSERT INTO bill (congress, bill_type, number, title_display, title_short, status, status_date, policy_version_id)
                VALUES (119, 's', 69001, 'Hopper Act', 'Hopper Act', 'BECAME_LAW', current_date, :p) RETURNING id""", "p", draft);
        // every kind of page that lists applications or licences grows by the same rows: submitted applications of two
        // vendors and active licences
        IntConsumer applicationsAndLicences = n -> {
            for (int i = 0; i < n; i++) {
                reviews.submitted(i % 2 == 0 ? "nvidia" : "amd");
                licences.issued(i % 2 == 0 ? "amd" : "nvidia", 10, "300000.00");
            }
        };
        // one growth step per pair of renders: these pages are compared at the same two data sizes
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("officer queue (all open)", new String[] { "officer", "/review?queue=open" });
        pages.put("officer landing queue", new String[] { "officer", "/officer" });
        pages.put("vendor dashboard", new String[] { "nvidia-vendor", "/vendor" });
        pages.put("policy what-changes", new String[] { "senior", "/policy/drafts/" + draft });
        pages.put("policy events list", new String[] { "senior", "/licences/policy-events" });
        pages.put("policy event impact", new String[] { "senior", "/licences/policy-events/bill/" + law });
        applicationsAndLicences.accept(N);
        Map<String, Long> small = new LinkedHashMap<>();
        pages.forEach((name, p) -> small.put(name, statements(p[0], p[1])));
        applicationsAndLicences.accept(2 * N);
        pages.forEach((name, p) -> {
            long large = statements(p[0], p[1]);
            System.out.printf("[query-count] %-28s %-52s %d statements with %d rows, %d with %d rows%n", name, p[1], small.get(name), N,
                    large, 3 * N);
            report.put(name, small.get(name) + " -> " + large);
        });
        pages.forEach((name, p) -> assertEquals(small.get(name), Long.valueOf(report.get(name).split(" -> ")[1]),
                name + " (" + p[1] + "): statements must not grow with the applications and licences listed"));

        // the case page grows by notes, messages, information requests with documents and timeline events
        long app = reviews.submitted("nvidia");
        int[] rows = { 0 };
        assertConstant("case page", "officer", "/review/cases/" + app, n -> {
            for (int i = 0; i < n; i++) {
                int k = ++rows[0];
                sql("INSERT INTO internal_note (application_id, author_subject, author_name, body) VALUES (:a, 'x', 'Test Officer', 'Note ' || :k)",
                        "a", app, "k", k);
                sql("INSERT INTO application_event (application_id, kind, actor_name, official, message) VALUES (:a, 'MESSAGE', 'Officer', true,"
                        + " 'Message ' || :k)", "a", app, "k", k);
                long req = id("INSERT INTO information_request (application_id, question, due_on, requested_by_subject, requested_by_name,"
                        + " answer, answered_by, answered_at) VALUES (:a, 'Question number ' || :k, current_date + 14, 'x', 'Test Officer',"
                        + " 'Answer', 'Vendor', now()) RETURNING id", "a", app, "k", k);
                sql("INSERT INTO information_request_document (request_id, file_name, size_bytes, sha256, content, uploaded_by)"
                        + " VALUES (:r, 'answer.pdf', 9, repeat('a', 64), convert_to('%PDF-1.4 x', 'UTF8'), 'Vendor')", "r", req);
            }
        });

        // the licence page grows by lines and conditions
        Licence licence = licences.issued("nvidia", 10, "300000.00");
        assertConstant("licence page", "nvidia-vendor", "/licences/" + licence.id, n -> {
            for (int i = 0; i < n; i++) {
                sql("INSERT INTO licence_line (licence_id, product_id, description, requested_quantity, requested_value_usd,"
                        + " authorised_quantity, authorised_value_usd, remaining_quantity, remaining_value_usd)"
                        + " SELECT licence_id, product_id, description, 5, 1000, 5, 1000, 5, 1000 FROM licence_line WHERE licence_id = :l LIMIT 1",
                        "l", licence.id);
                sql("INSERT INTO licence_condition (licence_id, code, text) VALUES (:l, 'NO_REEXPORT', 'No re-export of the goods.')", "l",
                        licence.id);
            }
        });
    }
}
