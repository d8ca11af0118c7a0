package gov.exports.portal.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import gov.exports.portal.account.Organisation;
import gov.exports.portal.customer.ApprovedCustomer;
import gov.exports.portal.policy.PolicyCheck;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.policy.Product;
import gov.exports.portal.support.FormPost;
import gov.exports.portal.support.PortalSession;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test data for the review tests: complete drafts and submitted applications of a demo organisation, built with the
 * applications feature's own snapshot and pre-check code (this class lives in its package for that reason), as the
 * vendor's submission would leave them.
 */
@ApplicationScoped
public class ReviewFixtures {

    static final byte[] PDF = "%PDF-1.4\n% review test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    ApplicationService applications;

    @Inject
    EntityManager em;

    @Inject
    PolicyCheck policyCheck;

    @Inject
    Event<ApplicationSubmitted> submitted;

    /** A draft with every section complete (H200s for an approved customer), ready for its vendor to submit. */
    @Transactional
    public Long completeDraft(String orgSlug, int quantity, String unitPrice) {
        Application app = new Application();
        app.organisation = Organisation.findBySlug(orgSlug).orElseThrow();
        app.createdBy = orgSlug + "-vendor";
        app.endUseStatement = "Training of large language models in the customer's own data centre; no military end use.";
        app.shippingRoute = "San Jose, USA – Hong Kong – Shanghai, by air freight";
        app.shipmentFrom = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        app.shipmentTo = LocalDate.now(ZoneOffset.UTC).plusDays(200);
        app.intermediariesDone = true;
        app.declaredShipmentRatio = new BigDecimal("0.4000");
        app.persist();
        em.flush();
        ApplicationLine line = new ApplicationLine();
        line.application = app;
        line.product = Product.<Product> find("model", "H200").firstResult();
        line.quantity = quantity;
        line.unitPriceUsd = new BigDecimal(unitPrice);
        line.persist();
        ApprovedCustomer customer = ApprovedCustomer.<ApprovedCustomer> find("nameLatin like ?1", "Shanghai Example%").firstResult();
        for (PartyRole role : List.of(PartyRole.ULTIMATE_CONSIGNEE, PartyRole.END_USER)) {
            ApplicationParty p = new ApplicationParty();
            p.application = app;
            p.role = role;
            p.approvedCustomer = customer;
            p.name = customer.nameLatin;
            p.nameChinese = customer.nameChinese;
            p.address = customer.address;
            p.city = customer.city;
            p.country = customer.country;
            p.persist();
        }
        PolicyVersion policy = PolicyVersion.<PolicyVersion> find("code", "2026-01-H200").firstResult();
        for (String code : policy.requiredCertifications) {
            ApplicationCertification c = new ApplicationCertification();
            c.applicationId = app.id;
            c.code = code;
            c.certifiedBy = "Test Vendor";
            c.persist();
        }
        ApplicationDocument d = new ApplicationDocument();
        d.application = app;
        d.fileName = "end-user-statement.pdf";
        d.sizeBytes = PDF.length;
        d.sha256 = gov.exports.portal.web.PdfFiles.sha256(PDF);
        d.content = PDF;
        d.uploadedBy = "Test Vendor";
        d.persist();
        em.flush();
        return app.id;
    }

    /** A submitted application, as if its vendor had submitted the complete draft. */
    @Transactional
    public Long submitted(String orgSlug) {
        Long id = completeDraft(orgSlug, 100, "30000.00");
        Application app = Application.findById(id);
        PolicyVersion policy = PolicyVersion.<PolicyVersion> find("code", "2026-01-H200").firstResult();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<ApplicationLine> lines = ApplicationLine.of(app);
        List<ApplicationParty> parties = ApplicationParty.of(app);
        PolicyCheck.Result check = policyCheck.evaluate(policy, applications.checkInput(app, lines, parties), today);
        long number = ((Number) em.createNativeQuery("SELECT nextval('application_reference_seq')").getSingleResult()).longValue();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        app.reference = String.format("ELA-%d-%06d", now.getYear(), number);
        app.status = ApplicationStatus.SUBMITTED;
        app.submittedAt = now;
        app.submittedBy = "Test Vendor";
        app.policyCode = policy.code;
        app.snapshot = applications.toJson(applications.snapshot(app, policy, lines, parties));
        app.precheck = applications.toJson(check);
        em.flush();
        submitted.fire(new ApplicationSubmitted(app.id));
        return app.id;
    }

    /** Moves the submission date back, as if the application had waited that long (for clock and overdue tests). */
    @Transactional
    public void submittedDaysAgo(Long id, int days) {
        em.createNativeQuery("UPDATE application SET submitted_at = submitted_at - make_interval(days => :d) WHERE id = :id")
                .setParameter("d", days).setParameter("id", id).executeUpdate();
    }

    /** What {@link #decideThroughForms} left behind. */
    public record DecidedCase(long request, long letter, long licence) {
    }

    /**
     * Takes a submitted application through the real forms, as officials and the vendor would: the officer takes the
     * case and asks a question, the vendor answers with a PDF, the officer recommends approval, the senior officer
     * countersigns and the officer issues a four-year licence for 50 units.
     */
    public DecidedCase decideThroughForms(long id, PortalSession officer, PortalSession senior, PortalSession vendor, String question,
            String answer, String fileName) {
        String c = "/review/cases/" + id;
        FormPost.post(officer, c + "/take", "version", caseVersion(id)).then().statusCode(303);
        FormPost.post(officer, c + "/information-requests", "version", caseVersion(id), "question", question, "dueOn",
                LocalDate.now().plusDays(7).toString()).then().statusCode(303);
        long request = number("SELECT id FROM information_request WHERE application_id = " + id);
        String requestPage = vendor.given().get("/applications/" + id + "/information-requests/" + request).then().statusCode(200)
                .extract().asString();
        Matcher v = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(requestPage);
        if (!v.find()) {
            throw new AssertionError("no version field on the information request page");
        }
        vendor.given().multiPart("csrf-token", vendor.csrfToken()).multiPart("version", v.group(1)).multiPart("answer", answer)
                .multiPart("file", fileName, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), "application/pdf")
                .post("/applications/" + id + "/information-requests/" + request + "/answer").then().statusCode(303);
        FormPost.post(officer, c + "/recommendation", "version", caseVersion(id), "outcome", "APPROVE", "reasons",
                "Eligible under the policy in force.").then().statusCode(303);
        FormPost.post(senior, c + "/countersignature", "version", caseVersion(id), "decision", "agree").then().statusCode(303);
        long letter = number("SELECT id FROM decision_letter WHERE application_id = " + id);
        long lineId = number("SELECT id FROM application_line WHERE application_id = " + id);
        FormPost.post(officer, c + "/licence", "version", caseVersion(id), "validFrom", LocalDate.now().toString(), "validTo",
                LocalDate.now().plusYears(4).toString(), "lineId", String.valueOf(lineId), "quantity", "50", "value", "1500000.00")
                .then().statusCode(303);
        return new DecidedCase(request, letter, number("SELECT id FROM licence WHERE application_id = " + id));
    }

    public String caseVersion(long id) {
        return String.valueOf(number("SELECT version FROM review_case WHERE application_id = " + id));
    }

    /** The first column of the first row of a query, read in a transaction of its own (tests see committed data). */
    public long number(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).setMaxResults(1).getSingleResult()).longValue());
    }

    public String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).setMaxResults(1).getSingleResult());
    }
}
