package gov.exports.portal.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
}
