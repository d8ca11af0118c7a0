package gov.exports.portal.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real users' traffic against a separately started portal (soak and kill -9 tests), over HTTP with signed-in sessions and
 * CSRF tokens exactly as browsers post the forms: the public reading bills, vendors filing applications and reporting
 * shipments, officials deciding and issuing licences. Every write the portal acknowledged (a 303 after the post) is kept,
 * so that afterwards each can be looked for in the database; every answer's status is counted.
 */
public final class PortalTraffic {

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"");
    static final Pattern APP_ID = Pattern.compile("/applications/(\\d+)");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% load test\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    static final List<String> CERTIFICATIONS = List.of("REVENUE_SHARE", "NO_REEXPORT", "NO_MILITARY_END_USE", "KYC_REMOTE_ACCESS",
            "US_THIRD_PARTY_TESTING", "SUFFICIENT_US_SUPPLY", "SHIPMENT_RATIO");

    /** A write the portal acknowledged. */
    public record Ack(String kind, long id, String detail) {
    }

    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong serverErrors = new AtomicLong();
    public final AtomicLong clientErrors = new AtomicLong();
    public final AtomicLong refused = new AtomicLong();
    public final Queue<String> serverErrorSamples = new ConcurrentLinkedQueue<>();
    public final Queue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
    private final Supplier<Connection> db;
    private final long productId;
    private final long customerId;

    public PortalTraffic(Supplier<Connection> db) throws SQLException {
        this.db = db;
        this.productId = single("SELECT id FROM product WHERE model = 'H200' ORDER BY id LIMIT 1");
        this.customerId = single("SELECT id FROM approved_customer WHERE name_latin LIKE 'Shanghai Example%' ORDER BY id LIMIT 1");
    }

    long single(String sql) throws SQLException {
        try (Connection c = db.get(); var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    public long single(String sql, long param) {
        try (Connection c = db.get(); var st = c.prepareStatement(sql)) {
            st.setLong(1, param);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown when a step is not answered as a browser expects; the answer is already counted. */
    public static final class StepFailed extends RuntimeException {
        public StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    HttpResponse<String> count(String what, HttpResponse<String> r) {
        requests.incrementAndGet();
        int s = r.statusCode();
        if (s >= 500) {
            serverErrors.incrementAndGet();
            if (serverErrorSamples.size() < 20) {
                serverErrorSamples.add(what + " -> " + s + " " + r.headers().firstValue("X-Request-Id").orElse(""));
            }
        } else if (s >= 400) {
            clientErrors.incrementAndGet();
        }
        return r;
    }

    HttpResponse<String> expect(int status, String what, HttpResponse<String> r) {
        count(what, r);
        if (r.statusCode() != status) {
            throw new StepFailed(what + ": HTTP " + r.statusCode());
        }
        return r;
    }

    public String version(PortalSession s, String page) {
        String body = expect(200, "GET " + page, s.get(page)).body();
        Matcher m = VERSION.matcher(body);
        if (!m.find()) {
            Matcher h1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(body);
            throw new StepFailed(page + " carries no version for " + s.username() + ": " + (h1.find() ? h1.group(1).strip() : "")
                    + " " + body.replaceAll("(?s).*<main", "<main").replaceAll("\\s+", " ").substring(0, Math.min(1500, body.length() / 2)));
        }
        return m.group(1);
    }

    /** A fresh signed-in session; Keycloak under heavy load sometimes answers a sign-in with its form again: retried. */
    public static PortalSession signIn(String user) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                return PortalSession.fresh(user);
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(3000L * attempt);
            }
        }
    }

    // ---- the public ----

    public void readPublicPages(PortalSession anonymous) {
        for (String p : List.of("/", "/bills", "/bills?q=chips", "/bills/119/s/3374", "/members/R000618", "/bills/feed.atom")) {
            expect(200, "GET " + p, anonymous.get(p));
        }
    }

    // ---- vendors ----

    /** Creates, completes and submits an application; returns its id once the submission was acknowledged. */
    public long fileApplication(PortalSession vendor) {
        return fileApplication(vendor, 100);
    }

    /** As {@link #fileApplication(PortalSession)}, for {@code quantity} H200s at $25,000. */
    public long fileApplication(PortalSession vendor, int quantity) {
        HttpResponse<String> created = expect(303, "POST /applications", vendor.postForm("/applications"));
        Matcher m = APP_ID.matcher(created.headers().firstValue("Location").orElse(""));
        if (!m.find()) {
            throw new StepFailed("no application id in " + created.headers().firstValue("Location"));
        }
        long id = Long.parseLong(m.group(1));
        String base = "/applications/" + id;
        expect(303, "products", vendor.postForm(base + "/products", "version", version(vendor, base + "/products"), "productId", productId,
                "quantity", quantity, "unitPrice", "25000.00"));
        expect(303, "consignee", vendor.postForm(base + "/parties/consignee", "version", version(vendor, base + "/parties/consignee"),
                "customerId", customerId));
        expect(303, "end user", vendor.postForm(base + "/parties/end-user", "version", version(vendor, base + "/parties/end-user"),
                "sameAsConsignee", "yes"));
        expect(303, "intermediaries", vendor.postForm(base + "/intermediaries", "version", version(vendor, base + "/intermediaries"), "action",
                "done"));
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        expect(303, "end use", vendor.postForm(base + "/end-use", "version", version(vendor, base + "/end-use"), "endUseStatement",
                "Training of large language models in the customer's Shanghai data centre.", "shippingRoute",
                "Santa Clara, CA - SFO air freight - Shanghai Pudong (PVG)", "shipmentFrom", start, "shipmentTo", start.plusMonths(3)));
        expect(303, "certifications", vendor.postForm(base + "/certifications", "version", version(vendor, base + "/certifications"),
                "certification", CERTIFICATIONS, "shipmentRatioPercent", "40"));
        expect(303, "document", vendor.postMultipart(base + "/documents", Map.of("version", version(vendor, base + "/documents")),
                Map.of("file", Map.entry("end-user statement.pdf", PDF))));
        expect(303, "submit", vendor.postForm(base + "/submit", "version", version(vendor, base + "/check")));
        acknowledged.add(new Ack("submitted", id, null));
        return id;
    }

    /** Reports a shipment of one unit; returns true if acknowledged, false if refused with a page (e.g. nothing left). */
    public boolean reportShipment(PortalSession vendor, long licenceId, long licenceLineId, String reference) {
        HttpResponse<String> r = count("POST shipment", vendor.postMultipart("/licences/" + licenceId + "/shipments",
                Map.of("lineId", String.valueOf(licenceLineId), "shippedOn", LocalDate.now(ZoneOffset.UTC).toString(), "quantity", "1", "value",
                        "25000.00", "consignee", "Shanghai Example Computing Co., Ltd.", "carrierReference", reference),
                Map.of("certificate", Map.entry("lab-certificate.pdf", PDF))));
        if (r.statusCode() == 303) {
            acknowledged.add(new Ack("shipment", licenceId, reference));
            return true;
        }
        if (r.statusCode() >= 500) {
            throw new StepFailed("shipment: HTTP " + r.statusCode());
        }
        refused.incrementAndGet();
        return false;
    }

    // ---- officials ----

    /** Takes the case, recommends approval and countersigns it (two people); returns once the decision was acknowledged. */
    public void decide(PortalSession officer, PortalSession senior, long applicationId) {
        String c = "/review/cases/" + applicationId;
        expect(303, "take", officer.postForm(c + "/take", "version", version(officer, c)));
        expect(303, "recommend", officer.postForm(c + "/recommendation", "version", version(officer, c), "outcome", "APPROVE", "reasons",
                "Eligible product, approved customer, all certifications signed."));
        expect(303, "countersign", senior.postForm(c + "/countersignature", "version", version(senior, c), "decision", "agree"));
        acknowledged.add(new Ack("decided", applicationId, null));
    }

    /** Issues the licence for an approved application (all requested); returns its id. */
    public long issueLicence(PortalSession officer, long applicationId) {
        return issueLicence(officer, applicationId, 100);
    }

    /** Issues the licence for everything requested ({@code quantity} units at $25,000). */
    public long issueLicence(PortalSession officer, long applicationId, int quantity) {
        String c = "/review/cases/" + applicationId;
        long lineId = single("SELECT id FROM application_line WHERE application_id = ? ORDER BY id LIMIT 1", applicationId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        expect(303, "issue licence", officer.postForm(c + "/licence", "version", version(officer, c + "/licence"), "validFrom", today, "validTo",
                today.plusYears(4), "lineId", lineId, "quantity", quantity, "value", new java.math.BigDecimal(25_000).multiply(java.math.BigDecimal.valueOf(quantity)).setScale(2).toPlainString()));
        long licenceId = single("SELECT id FROM licence WHERE application_id = ?", applicationId);
        acknowledged.add(new Ack("licence", licenceId, null));
        return licenceId;
    }

    public long organisationOfLicence(long licenceId) {
        return single("SELECT organisation_id FROM licence WHERE id = ?", licenceId);
    }

    public long organisationOf(String slug) {
        try (Connection c = db.get(); var st = c.prepareStatement("SELECT id FROM organisation WHERE slug = ?")) {
            st.setString(1, slug);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long licenceLineOf(long licenceId) {
        return single("SELECT id FROM licence_line WHERE licence_id = ? ORDER BY id LIMIT 1", licenceId);
    }

    /** Adds a "fault" to the sample list without failing the run (e.g. a refused connection during a kill). */
    public void note(String what) {
        if (serverErrorSamples.size() < 40) {
            serverErrorSamples.add(what);
        }
    }
}
