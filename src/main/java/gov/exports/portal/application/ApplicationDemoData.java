package gov.exports.portal.application;

import java.time.LocalDate;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.exports.portal.account.AccountDemoData;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.customer.ApprovedCustomer;
import gov.exports.portal.customer.ApprovedCustomerSaved;
import gov.exports.portal.customer.CustomerStatus;
import gov.exports.portal.customer.UnifiedSocialCreditCode;
import gov.exports.portal.policy.Product;
import gov.exports.portal.web.PortalConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo catalogue and approved customers (dev and test only; idempotent). Product figures are illustrative,
 * not manufacturer data; customers are fictitious, with Unified Social Credit Codes whose check characters are valid.
 */
@ApplicationScoped
public class ApplicationDemoData {

    private static final Logger LOG = Logger.getLogger(ApplicationDemoData.class);
    static final String ILLUSTRATIVE = "Illustrative figures for the demonstration, not manufacturer data.";

    @Inject
    PortalConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Event<ApprovedCustomerSaved> customerSaved;

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
