package gov.exports.portal.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jboss.logging.Logger;

import gov.exports.portal.account.AccountDemoData;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.customer.ApprovedCustomer;
import gov.exports.portal.customer.ApprovedCustomerSaved;
import gov.exports.portal.customer.CustomerStatus;
import gov.exports.portal.customer.UnifiedSocialCreditCode;
import gov.exports.portal.policy.PolicyService;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.policy.Product;
import gov.exports.portal.web.PortalConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo catalogue, approved customers and two applications (dev and test only; idempotent). Product figures are illustrative,
 * not manufacturer data; customers are fictitious, with Unified Social Credit Codes whose check characters are valid.
 */
@ApplicationScoped
public class ApplicationDemoData {

    private static final Logger LOG = Logger.getLogger(ApplicationDemoData.class);
    static final String DEMO = "demo-data";
    static final String ILLUSTRATIVE = "Illustrative figures for the demonstration, not manufacturer data.";

    @Inject
    PortalConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Event<ApprovedCustomerSaved> customerSaved;

    @Inject
    ApplicationService service;

    @Inject
    PolicyService policies;

    @Transactional
    void load(@Observes @Priority(AccountDemoData.PRIORITY + 10) StartupEvent start) {
        if (!config.demoData()) {
            return;
        }
        product("NVIDIA", "H200", "Hopper", "3A090.a", 15_832, 4_800);
        product("NVIDIA", "H20", "Hopper", "3A090.a", 2_368, 4_000);
        product("NVIDIA", "B200", "Blackwell", "3A090.a", 36_000, 8_000);
        product("NVIDIA", "Rubin VR200", "Rubin", "3A090.a", 100_000, 13_000);
        product("AMD", "Instinct MI308X", "CDNA 3", "3A090.a", 10_400, 5_300);
        product("AMD", "Instinct MI300X", "CDNA 3", "3A090.a", 20_900, 5_300);
        product("Intel", "Gaudi 2", "Gaudi", "3A090.a", 6_900, 2_450);
        product("Intel", "Gaudi 3", "Gaudi", "3A090.a", 29_000, 3_700);
        customer("Shanghai Example Cloud Computing Co., Ltd.", "上海示例云计算有限公司", "91310115MA1H7GQ20",
                "88 Example Road, Pudong New Area", "Shanghai", "CN", CustomerStatus.APPROVED);
        customer("Beijing Sample AI Research Co., Ltd.", "北京样例人工智能研究有限公司", "91110108MA01C8R50",
                "1 Sample Street, Haidian District", "Beijing", "CN", CustomerStatus.APPROVED);
        customer("Shenzhen Demo Data Centre Co., Ltd.", "深圳演示数据中心有限公司", "91440300MA5FUK3N0",
                "300 Demo Avenue, Nanshan District", "Shenzhen", "CN", CustomerStatus.SUSPENDED);
        customer("Macau Illustrative Computing Ltd.", "澳門示例計算有限公司", "91820000MA0ABCD10",
                "10 Avenida Exemplo", "Macau", "MO", CustomerStatus.APPROVED);
        if (Application.count("createdBy", DEMO) == 0) {
            applications();
        }
    }

    /** One submitted NVIDIA application (so the officers' queue has a case) and one AMD draft in progress. */
    private void applications() {
        Application submitted = submittedForDemo("nvidia", "H200", 500, "32000.00", "Shanghai Example");
        if (submitted == null) {
            return;
        }
        Application draft = draft("amd", "Instinct MI308X", 200, "12500.00", "Beijing Sample");
        draft.endUseStatement = "Inference services for the customer's research cloud.";
        draft.flush();
        LOG.infof("Demo applications created: %s submitted, draft %d in progress", submitted.reference, draft.id);
    }

    /**
     * A complete application submitted by the system for demonstrations (other features' demo data build on it, e.g. a
     * licence); null when no policy is in force. Call inside the demo loader's transaction.
     */
    public Application submittedForDemo(String org, String model, int quantity, String unitPrice, String consignee) {
        Application submitted = draft(org, model, quantity, unitPrice, consignee);
        submitted.endUseStatement = "Training and inference of language models in the customer's Shanghai data centre; "
                + "no military end use.";
        submitted.shippingRoute = "Santa Clara, CA → San Francisco (SFO) air freight → Shanghai Pudong (PVG)";
        submitted.shipmentFrom = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        submitted.shipmentTo = submitted.shipmentFrom.plusMonths(3);
        submitted.intermediariesDone = true;
        submitted.declaredShipmentRatio = new BigDecimal("0.4000");
        PolicyVersion policy = policies.inForceToday().orElse(null);
        if (policy == null) {
            return null;
        }
        for (String code : policy.requiredCertifications) {
            ApplicationCertification c = new ApplicationCertification();
            c.applicationId = submitted.id;
            c.code = code;
            c.certifiedBy = "Nora Vance";
            c.persist();
        }
        ApplicationDocument d = new ApplicationDocument();
        d.application = submitted;
        d.content = demoPdf("End-user statement (demonstration)");
        d.fileName = "end-user-statement.pdf";
        d.sizeBytes = d.content.length;
        d.sha256 = gov.exports.portal.web.PdfFiles.sha256(d.content);
        d.uploadedBy = "Nora Vance";
        d.persist();
        submitted.flush();
        return service.submitForDemo(submitted);
    }

    private Application draft(String org, String model, int quantity, String unitPrice, String consignee) {
        Application app = new Application();
        app.organisation = Organisation.findBySlug(org).orElseThrow();
        app.createdBy = DEMO;
        app.persist();
        app.flush();
        ApplicationLine line = new ApplicationLine();
        line.application = app;
        line.product = Product.<Product> find("model", model).firstResult();
        line.quantity = quantity;
        line.unitPriceUsd = new BigDecimal(unitPrice);
        line.persist();
        ApprovedCustomer customer = ApprovedCustomer.<ApprovedCustomer> find("nameLatin like ?1", consignee + "%").firstResult();
        for (PartyRole role : new PartyRole[] { PartyRole.ULTIMATE_CONSIGNEE, PartyRole.END_USER }) {
            ApplicationParty p = ApplicationParty.fromRegister(customer);
            p.application = app;
            p.role = role;
            p.persist();
        }
        service.event(app, "CREATED", "Draft started (demonstration data).", false, "Demo data");
        audit.recordSystem("application.created", "application", app.id, null,
                AuditLog.state("organisation", org, "status", app.status.name(), "source", "demo-data"));
        return app;
    }

    /** A real one-page PDF, so the demo download opens in a viewer. */
    public static byte[] demoPdf(String text) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void product(String maker, String model, String architecture, String eccn, int tpp, int bandwidth) {
        if (Product.count("lower(maker) = lower(?1) and lower(model) = lower(?2)", maker, model) > 0) {
            return;
        }
        Product p = new Product();
        p.maker = maker;
        p.model = model;
        p.architecture = architecture;
        p.eccn = eccn;
        p.tpp = tpp;
        p.dramBandwidthGbps = bandwidth;
        p.notes = ILLUSTRATIVE;
        p.persist();
        p.flush();
        audit.recordSystem("product.created", "product", p.id, null,
                AuditLog.state("maker", maker, "model", model, "architecture", architecture, "source", "demo-data"));
    }

    /** {@code first17}: the code without its check character, which is computed here. */
    private void customer(String nameLatin, String nameChinese, String first17, String address, String city, String country,
            CustomerStatus status) {
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        if (ApprovedCustomer.count("uscc", uscc) > 0) {
            return;
        }
        ApprovedCustomer c = new ApprovedCustomer();
        c.nameLatin = nameLatin;
        c.nameChinese = nameChinese;
        c.uscc = uscc;
        c.address = address;
        c.city = city;
        c.country = country;
        c.status = status;
        c.approvedOn = LocalDate.of(2026, 1, 20);
        c.expiresOn = LocalDate.of(2028, 1, 19);
        c.notes = "Fictitious customer for the demonstration.";
        c.updatedBy = "system";
        c.persist();
        c.flush();
        customerSaved.fire(new ApprovedCustomerSaved(c.id));
        audit.recordSystem("customer.created", "approved_customer", c.id, null,
                AuditLog.state("nameLatin", nameLatin, "uscc", uscc, "status", status.name(), "source", "demo-data"));
        LOG.infof("Demo approved customer %s (%s) created", nameLatin, uscc);
    }
}
