package gov.exports.portal.audit;

import static gov.exports.portal.audit.AuditProbe.Change.CREATE;
import static gov.exports.portal.audit.AuditProbe.Change.DELETE;
import static gov.exports.portal.audit.AuditProbe.Change.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.support.PortalSession;

/** A vendor's draft from creation to submission, a copy deleted, a withdrawal, and an official's message. */
final class AuditCoverageApplications {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% audit coverage\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    static final List<String> CERTIFICATIONS = List.of("REVENUE_SHARE", "NO_REEXPORT", "NO_MILITARY_END_USE", "KYC_REMOTE_ACCESS",
            "US_THIRD_PARTY_TESTING", "SUFFICIENT_US_SUPPLY", "SHIPMENT_RATIO");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"");

    private final AuditProbe probe;
    private final ReviewFixtures reviews;
    private final PortalSession vendor = PortalSession.of("nvidia-vendor");

    AuditCoverageApplications(AuditProbe probe, ReviewFixtures reviews) {
        this.probe = probe;
        this.reviews = reviews;
    }

    /** Asserts the post was accepted (303) and returns where it leads. */
    static String seeOther(HttpResponse<String> r, String what) {
        assertEquals(303, r.statusCode(), () -> what + ": HTTP " + r.statusCode() + " " + errors(r.body()));
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** The form's error messages, to say why a post was refused. */
    static String errors(String html) {
        Matcher m = Pattern.compile("(?s)(error-message|error-summary)[^>]*>(.*?)</").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find() && out.length() < 2000) {
            out.append(m.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()).append(" | ");
        }
        return out.length() > 0 ? out.toString() : html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip().substring(0, Math.min(600, html.length() / 3));
    }

    /** The version a page's form carries, as a browser would post it back. */
    static String version(PortalSession s, String page) {
        HttpResponse<String> r = s.get(page);
        assertEquals(200, r.statusCode(), () -> "GET " + page + " as " + s.username());
        Matcher m = VERSION.matcher(r.body());
        if (!m.find()) {
            throw new AssertionError(page + " carries no version for " + s.username());
        }
        return m.group(1);
    }

    static long idIn(String location, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)").matcher(location);
        if (!m.find()) {
            throw new AssertionError("no " + prefix + "id in " + location);
        }
        return Long.parseLong(m.group(1));
    }

    void run() {
        long h200 = probe.number("SELECT id FROM product WHERE model = 'H200' ORDER BY id LIMIT 1");
        long customer = probe.number("SELECT id FROM approved_customer WHERE name_latin LIKE 'Shanghai Example%' ORDER BY id LIMIT 1");

        long app = Long.parseLong(probe.perform("POST /applications", vendor, "application", CREATE,
                () -> idIn(seeOther(vendor.postForm("/applications"), "create"), "/applications/"))
                .after("status", "DRAFT").after("organisation", "nvidia").targetId());
        String base = "/applications/" + app;

        probe.perform("POST /applications/{id}/products", vendor, "application", CREATE, () -> {
            seeOther(vendor.postForm(base + "/products", "version", version(vendor, base + "/products"), "productId", h200, "quantity", 100,
                    "unitPrice", "25000.00"), "add line");
            return app;
        }).after("quantity", 100).after("unitPriceUsd", 25000.00);
        probe.perform("POST /applications/{id}/products", vendor, "application", CREATE, () -> {
            seeOther(vendor.postForm(base + "/products", "version", version(vendor, base + "/products"), "productId", h200, "quantity", 7,
                    "unitPrice", "24000.00"), "add a second line");
            return app;
        });
        long second = probe.number("SELECT max(id) FROM application_line WHERE application_id = ?", app);
        probe.perform("POST /applications/{id}/products/{lineId}/remove", vendor, "application", DELETE, () -> {
            seeOther(vendor.postForm(base + "/products/" + second + "/remove", "version", version(vendor, base + "/products/" + second
                    + "/remove")), "remove line");
            return app;
        }).before("line", second).before("quantity", 7);
        assertEquals(1, probe.number("SELECT count(*) FROM application_line WHERE application_id = ?", app));

        probe.perform("POST /applications/{id}/parties/{role}", vendor, "application", CREATE, () -> {
            seeOther(vendor.postForm(base + "/parties/consignee", "version", version(vendor, base + "/parties/consignee"), "customerId",
                    customer), "consignee");
            return app;
        }).after("role", "ULTIMATE_CONSIGNEE").after("approvedCustomer", customer);
        probe.perform("POST /applications/{id}/parties/{role}", vendor, "application", CREATE, () -> {
            seeOther(vendor.postForm(base + "/parties/end-user", "version", version(vendor, base + "/parties/end-user"), "name",
                    "Pudong Inference Cloud Ltd.", "address", "100 Century Avenue", "city", "Shanghai", "country", "cn"), "end user by hand");
            return app;
        }).after("role", "END_USER").after("name", "Pudong Inference Cloud Ltd.").after("country", "CN");
        // saving it again replaces it: the record shows the party it replaced
        probe.perform("POST /applications/{id}/parties/{role}", vendor, "application", UPDATE, () -> {
            seeOther(vendor.postForm(base + "/parties/end-user", "version", version(vendor, base + "/parties/end-user"), "sameAsConsignee",
                    "yes"), "end user same as consignee");
            return app;
        }).before("name", "Pudong Inference Cloud Ltd.").after("approvedCustomer", customer);

        probe.perform("POST /applications/{id}/intermediaries", vendor, "application", CREATE, () -> {
            seeOther(vendor.postForm(base + "/intermediaries", "version", version(vendor, base + "/intermediaries"), "action", "add",
                    "name", "Hong Kong Air Forwarding Ltd.", "address", "8 Airport Road, Chek Lap Kok", "city", "Hong Kong", "country",
                    "HK", "partyFunction", "Freight forwarder"), "add intermediary");
            return app;
        }).after("role", "INTERMEDIATE_CONSIGNEE").after("function", "Freight forwarder");
        long forwarder = probe.number("SELECT id FROM application_party WHERE application_id = ? AND role = 'INTERMEDIATE_CONSIGNEE'", app);
        probe.perform("POST /applications/{id}/intermediaries/{partyId}/remove", vendor, "application", DELETE, () -> {
            seeOther(vendor.postForm(base + "/intermediaries/" + forwarder + "/remove", "version", version(vendor, base
                    + "/intermediaries/" + forwarder + "/remove")), "remove intermediary");
            return app;
        }).before("name", "Hong Kong Air Forwarding Ltd.");
        probe.perform("POST /applications/{id}/intermediaries", vendor, "application", UPDATE, () -> {
            seeOther(vendor.postForm(base + "/intermediaries", "version", version(vendor, base + "/intermediaries"), "action", "done"),
                    "no intermediaries");
            return app;
        }).before("intermediariesDone", false).after("intermediariesDone", true).after("count", 0);

        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        probe.perform("POST /applications/{id}/end-use", vendor, "application", UPDATE, () -> {
            seeOther(vendor.postForm(base + "/end-use", "version", version(vendor, base + "/end-use"), "endUseStatement",
                    "Training of large language models in the customer's Shanghai data centre.", "shippingRoute",
                    "Santa Clara, CA - SFO air freight - Shanghai Pudong (PVG)", "shipmentFrom", start, "shipmentTo", start.plusMonths(3)),
                    "end use");
            return app;
        }).before("endUseStatement", null).after("shipmentFrom", start);
        probe.perform("POST /applications/{id}/certifications", vendor, "application", UPDATE, () -> {
            seeOther(vendor.postForm(base + "/certifications", "version", version(vendor, base + "/certifications"), "certification",
                    CERTIFICATIONS, "shipmentRatioPercent", "40"), "certifications");
            return app;
        }).before("certifications", List.of()).after("certifications", CERTIFICATIONS).after("declaredShipmentRatio", 0.4);

        for (String name : List.of("end-user statement.pdf", "draft by mistake.pdf")) {
            probe.perform("POST /applications/{id}/documents", vendor, "application", CREATE, () -> {
                seeOther(vendor.postMultipart(base + "/documents", Map.of("version", version(vendor, base + "/documents")),
                        Map.of("file", Map.entry(name, PDF))), "upload " + name);
                return app;
            }).after("fileName", name).after("sizeBytes", PDF.length);
        }
        long mistake = probe.number("SELECT max(id) FROM application_document WHERE application_id = ?", app);
        probe.perform("POST /applications/{id}/documents/{documentId}/remove", vendor, "application", DELETE, () -> {
            seeOther(vendor.postForm(base + "/documents/" + mistake + "/remove", "version", version(vendor, base + "/documents/" + mistake
                    + "/remove")), "remove document");
            return app;
        }).before("document", mistake).before("fileName", "draft by mistake.pdf");

        probe.perform("POST /applications/{id}/submit", vendor, "application", UPDATE, () -> {
            seeOther(vendor.postForm(base + "/submit", "version", version(vendor, base + "/check")), "submit");
            return app;
        }).before("status", "DRAFT").after("status", "SUBMITTED")
                .after("reference", probe.text("SELECT reference FROM application WHERE id = ?", app));

        long copy = Long.parseLong(probe.perform("POST /applications/{id}/copy", vendor, "application", CREATE,
                () -> idIn(seeOther(vendor.postForm(base + "/copy"), "copy"), "/applications/"))
                .after("copiedFrom", app).after("status", "DRAFT").targetId());
        probe.perform("POST /applications/{id}/delete", vendor, "application", DELETE, () -> {
            seeOther(vendor.postForm("/applications/" + copy + "/delete", "version", version(vendor, "/applications/" + copy + "/delete")),
                    "delete the copy");
            return copy;
        }).before("status", "DRAFT").before("lines", 1);
        assertEquals(0, probe.number("SELECT count(*) FROM application WHERE id = ?", copy));

        long other = reviews.submitted("nvidia");
        probe.perform("POST /applications/{id}/withdraw", vendor, "application", UPDATE, () -> {
            seeOther(vendor.postForm("/applications/" + other + "/withdraw", "version", version(vendor, "/applications/" + other
                    + "/withdraw"), "reason", "The customer changed its order."), "withdraw");
            return other;
        }).before("status", "SUBMITTED").after("status", "WITHDRAWN").after("reason", "The customer changed its order.");

        PortalSession officer = PortalSession.of("officer");
        probe.perform("POST /officer/applications/{id}/messages", officer, "application", CREATE, () -> {
            seeOther(officer.postForm("/officer/applications/" + app + "/messages", "message",
                    "Please confirm the data centre's street address."), "official's message");
            return app;
        }).after("message", "Please confirm the data centre's street address.");
    }
}
