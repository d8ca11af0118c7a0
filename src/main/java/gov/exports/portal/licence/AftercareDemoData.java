package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.exports.portal.account.AccountDemoData;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationDemoData;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.review.Recommendation;
import gov.exports.portal.review.ReviewDecision;
import gov.exports.portal.review.Rider;
import gov.exports.portal.web.PortalConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo data for the licence aftercare, dev profile only ({@code portal.licences.demo-data}, on in %dev): one active NVIDIA
 * licence with shipments over three quarters (one corrected), a paid and an overdue revenue statement, an amendment under
 * review and US shipment declarations (one corrected) for the China/US ratio. Idempotent: nothing is added once the demo
 * licence exists. Written as the services would leave it, stamped "demo-data" and audited as the system.
 */
@ApplicationScoped
public class AftercareDemoData {

    private static final Logger LOG = Logger.getLogger(AftercareDemoData.class);
    static final String DEMO = "demo-data";

    @Inject
    PortalConfig portal;

    @Inject
    LicencesConfig config;

    @Inject
    ApplicationDemoData applications;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    void onStart(@Observes @Priority(AccountDemoData.PRIORITY + 40) StartupEvent start) {
        if (portal.demoData() && config.demoData()) {
            load();
        }
    }

    @Transactional
    public void load() {
        if (Licence.count("issuedBySubject", DEMO) > 0) {
            return;
        }
        PolicyVersion policy = PolicyVersion.<PolicyVersion> find("code", "2026-01-H200").firstResult();
        Application app = policy == null ? null : applications.submittedForDemo("nvidia", "H200", 500, "32000.00", "Shanghai Example");
        if (app == null) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // the latest closed quarter already past its due date (overdue unless paid), the one before it (paid), this one
        RevenueShare.Quarter overdue = RevenueShare.Quarter.of(today);
        while (!today.isAfter(overdue.dueOn())) {
            overdue = RevenueShare.Quarter.of(overdue.firstDay().minusDays(1));
        }
        RevenueShare.Quarter paid = RevenueShare.Quarter.of(overdue.firstDay().minusDays(1));
        RevenueShare.Quarter current = RevenueShare.Quarter.of(today);
        approve(app);
        Licence licence = licence(app, policy, paid.firstDay());
        LicenceLine line = licence.getLines().get(0);

        Shipment first = shipment(licence, line, Shipment.Kind.REPORT, null, null, paid.firstDay().plusDays(20), 40, "1280000.00",
                "AWB 176-40000011");
        Shipment wrong = shipment(licence, line, Shipment.Kind.REPORT, null, null, overdue.firstDay().plusDays(15), 60, "1920000.00",
                "AWB 176-40000022");
        String reason = "Five units were taken off the pallet before export and returned to stock.";
        shipment(licence, line, Shipment.Kind.REVERSAL, wrong.id, reason, wrong.shippedOn, -60, "-1920000.00", wrong.carrierReference);
        shipment(licence, line, Shipment.Kind.REPLACEMENT, wrong.id, reason, wrong.shippedOn, 55, "1760000.00", wrong.carrierReference);
        shipment(licence, line, Shipment.Kind.REPORT, null, null, today.isAfter(current.firstDay()) ? today.minusDays(1) : today, 30,
                "960000.00", "AWB 176-40000033");
        line.remainingQuantity = line.authorisedQuantity - 40 - 55 - 30;
        line.remainingValueUsd = line.authorisedValueUsd.subtract(new BigDecimal("4000000.00"));
        audit.recordSystem("licence.shipment.reported", "licence", licence.id, null, AuditLog.state("shipments", 3, "corrections", 1,
                "remainingQuantity", line.remainingQuantity, "source", DEMO));

        RevenuePayment p = new RevenuePayment();
        p.organisationId = licence.organisation.id;
        p.year = paid.year();
        p.quarter = paid.quarter();
        p.amountUsd = RevenueShare.owed(first.valueUsd, licence.revenueShareRate);
        p.paymentReference = "TREAS-DEMO-0001";
        p.recordedBySubject = DEMO;
        p.recordedByName = "Licensing office (demonstration)";
        p.persist();
        audit.recordSystem("revenue.statement.paid", "organisation", p.organisationId, null, AuditLog.state("quarter", paid.toString(),
                "amountUsd", p.amountUsd, "paymentReference", p.paymentReference, "source", DEMO));

        LicenceAmendment a = new LicenceAmendment();
        a.licenceId = licence.id;
        a.licenceLineId = line.id;
        a.extraQuantity = 100;
        a.extraValueUsd = new BigDecimal("3200000.00");
        a.newValidTo = licence.validTo.plusYears(1);
        a.justification = "The customer's second data hall opens next year and needs another 100 units.";
        a.requestedBySubject = DEMO;
        a.requestedByName = "Nora Vance";
        a.persist();
        em.flush();
        audit.recordSystem("licence.amendment.requested", "licence", licence.id, null, AuditLog.state("amendment", a.id,
                "extraQuantity", a.extraQuantity, "extraValueUsd", a.extraValueUsd, "newValidTo", a.newValidTo, "source", DEMO));

        UsShipmentDeclaration corrected = declaration(licence, line, overdue, 120, null, null);
        declaration(licence, line, overdue, 100, corrected.id, "The first figure counted 20 units shipped to Canada.");
        declaration(licence, line, paid, 100, null, null);
        declaration(licence, line, current, 62, null, null);
        LOG.infof("Demo licence %s with shipments, statements, an amendment under review and US shipment declarations", licence.number);
    }

    private void approve(Application app) {
        ReviewDecision d = new ReviewDecision();
        d.applicationId = app.id;
        d.outcome = Recommendation.APPROVE;
        d.reasons = "Eligible H200 parts for an approved customer; screening clear (demonstration).";
        d.recommendedBySubject = "demo-officer";
        d.recommendedByName = "Licensing officer (demonstration)";
        d.countersignOutcome = ReviewDecision.Countersign.AGREED;
        d.countersignedBySubject = "demo-senior";
        d.countersignedByName = "Senior officer (demonstration)";
        d.countersignedAt = OffsetDateTime.now();
        d.persist();
        app.status = ApplicationStatus.APPROVED;
        em.flush();
        audit.recordSystem("application.decided", "application", app.id, AuditLog.state("status", "SUBMITTED"),
                AuditLog.state("status", app.status.name(), "source", DEMO));
    }

    private Licence licence(Application app, PolicyVersion policy, LocalDate from) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('licence_number_seq')").getSingleResult()).longValue();
        Licence l = new Licence();
        l.number = String.format("CHX-%d-%06d", from.getYear(), n);
        l.applicationId = app.id;
        l.organisation = app.organisation;
        l.validFrom = from;
        l.validTo = from.plusYears(LicenceService.DEFAULT_VALIDITY_YEARS).minusDays(1);
        l.policyCode = policy.code;
        l.revenueShareRate = policy.revenueShareRate;
        l.issuedBySubject = DEMO;
        l.issuedByName = "Licensing officer (demonstration)";
        l.persist();
        em.flush();
        LicenceLine line = new LicenceLine();
        line.licenceId = l.id;
        line.productId = gov.exports.portal.policy.Product.<gov.exports.portal.policy.Product> find("model", "H200").firstResult().id;
        line.description = "NVIDIA H200 (Hopper, ECCN 3A090.a)";
        line.requestedQuantity = 500;
        line.requestedValueUsd = new BigDecimal("16000000.00");
        line.authorisedQuantity = 500;
        line.authorisedValueUsd = new BigDecimal("16000000.00");
        line.persist();
        condition(l, "REVENUE_SHARE", "Pay the United States government " + policy.getRevenueSharePercent()
                + " of the revenue from every sale under this licence, as set by licence policy " + policy.code + " ("
                + policy.legalBasis + ").");
        for (Rider r : Rider.values()) {
            if (r.isAlways()) {
                condition(l, r.name(), r.text);
            }
        }
        em.flush();
        audit.recordSystem("licence.issued", "licence", l.id, null, AuditLog.state("number", l.number, "application", app.reference,
                "status", l.status.name(), "validFrom", l.validFrom, "validTo", l.validTo, "source", DEMO));
        return l;
    }

    private static void condition(Licence l, String code, String text) {
        LicenceCondition c = new LicenceCondition();
        c.licenceId = l.id;
        c.code = code;
        c.text = text;
        c.persist();
    }

    private Shipment shipment(Licence l, LicenceLine line, Shipment.Kind kind, Long corrects, String reason, LocalDate on, int quantity,
            String value, String carrier) {
        Shipment s = new Shipment();
        s.licenceId = l.id;
        s.licenceLineId = line.id;
        s.kind = kind;
        s.correctsId = corrects;
        s.reason = reason;
        s.shippedOn = on;
        s.quantity = quantity;
        s.valueUsd = new BigDecimal(value);
        s.consignee = "Shanghai Example Cloud Computing Co., Ltd.";
        s.carrierReference = carrier;
        s.certificateName = "us-lab-test-certificate.pdf";
        s.certificate = ApplicationDemoData.demoPdf("US third-party laboratory test certificate (demonstration)");
        s.reportedBySubject = DEMO;
        s.reportedByName = "Nora Vance";
        s.persist();
        em.flush();
        return s;
    }

    private UsShipmentDeclaration declaration(Licence l, LicenceLine line, RevenueShare.Quarter q, int quantity, Long supersedes,
            String reason) {
        UsShipmentDeclaration d = new UsShipmentDeclaration();
        d.organisationId = l.organisation.id;
        d.productId = line.productId;
        d.year = q.year();
        d.quarter = q.quarter();
        d.quantity = quantity;
        d.attestation = "Units invoiced to US customers, from the ERP; checked by the export compliance lead.";
        d.supersedesId = supersedes;
        d.reason = reason;
        d.declaredBySubject = DEMO;
        d.declaredByName = "Nate Alvarez";
        d.persist();
        em.flush();
        audit.recordSystem(supersedes == null ? "licence.us-shipments.declared" : "licence.us-shipments.corrected", "organisation",
                d.organisationId, null, AuditLog.state("declaration", d.id, "product", "NVIDIA H200", "quarter", q.toString(),
                        "quantity", quantity, "supersedes", supersedes, "reason", reason, "source", DEMO));
        return d;
    }
}
