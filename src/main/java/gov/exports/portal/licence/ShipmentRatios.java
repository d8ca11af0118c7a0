package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.policy.PolicyService;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.policy.Product;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/**
 * The China/US shipment ratio per vendor, product and calendar quarter: China and Macau units from the shipment ledger
 * (reversals included, so a correction counts once; every licence is for China and Macau), US units from the vendor's
 * declarations, the cap from the policy in force at the quarter's end (today for the quarter under way).
 */
@ApplicationScoped
public class ShipmentRatios {

    /** Quarters a vendor may declare: this one and the previous eleven. */
    static final int DECLARABLE_QUARTERS = 12;

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    PolicyService policies;

    @io.quarkus.qute.TemplateData
    public record Row(Long organisationId, String vendor, Long productId, String product, RevenueShare.Quarter quarter, long chinaUnits,
            Long usUnits, BigDecimal cap, String policyCode) {

        public BigDecimal getPercent() {
            return ShipmentRatio.percent(chinaUnits, usUnits);
        }

        public ShipmentRatio.Assessment getAssessment() {
            return ShipmentRatio.assess(chinaUnits, usUnits, cap);
        }

        public Long getHeadroom() {
            return ShipmentRatio.headroom(chinaUnits, usUnits, cap);
        }

        public String getCapPercent() {
            return cap == null ? "none" : cap.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
    }

    /** The vendor's form: product, quarter (2026-Q1), units shipped to US customers, optional attestation, reason if a correction. */
    public record DeclarationForm(String productId, String quarter, String quantity, String attestation, String reason) {

        public static DeclarationForm empty() {
            return new DeclarationForm(null, RevenueShare.Quarter.of(LocalDate.now(ZoneOffset.UTC)).toString(), null, null, null);
        }
    }

    /** organisationId null: every vendor (officials). */
    public List<Row> rows(Long organisationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("""
                WITH china AS (
                    SELECT l.organisation_id AS org, ll.product_id AS product, extract(year FROM s.shipped_on)::int AS y,
                           extract(quarter FROM s.shipped_on)::int AS q, sum(s.quantity) AS units
                    FROM shipment s JOIN licence l ON l.id = s.licence_id JOIN licence_line ll ON ll.id = s.licence_line_id
                    WHERE (:org = 0 OR l.organisation_id = :org)
                    GROUP BY 1, 2, 3, 4),
                us AS (
                    SELECT d.organisation_id AS org, d.product_id AS product, d.year AS y, d.quarter AS q, d.quantity AS units
                    FROM us_shipment_declaration d
                    WHERE (:org = 0 OR d.organisation_id = :org)
                      AND NOT EXISTS (SELECT 1 FROM us_shipment_declaration n WHERE n.supersedes_id = d.id))
                SELECT o.id, o.legal_name, p.id, p.maker || ' ' || p.model, coalesce(c.y, u.y), coalesce(c.q, u.q),
                       coalesce(c.units, 0), u.units
                FROM china c FULL JOIN us u ON u.org = c.org AND u.product = c.product AND u.y = c.y AND u.q = c.q
                JOIN organisation o ON o.id = coalesce(c.org, u.org)
                JOIN product p ON p.id = coalesce(c.product, u.product)
                ORDER BY 5 DESC, 6 DESC, 2, 4""").setParameter("org", organisationId == null ? 0L : organisationId).getResultList();
        Map<RevenueShare.Quarter, Optional<PolicyVersion>> caps = new HashMap<>();
        List<Row> out = new ArrayList<>();
        for (Object[] r : found) {
            RevenueShare.Quarter q = new RevenueShare.Quarter(((Number) r[4]).intValue(), ((Number) r[5]).intValue());
            Optional<PolicyVersion> policy = caps.computeIfAbsent(q, this::policyFor);
            out.add(new Row(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), (String) r[3], q,
                    ((Number) r[6]).longValue(), r[7] == null ? null : ((Number) r[7]).longValue(),
                    policy.map(v -> v.maxChinaToUsShipmentRatio).orElse(null), policy.map(v -> v.code).orElse(null)));
        }
        return out;
    }

    /** The ratio rows of one licence's products for its vendor (shown next to its shipment ledger). */
    public List<Row> rowsOf(Licence licence) {
        List<Long> products = licence.getLines().stream().map(l -> l.productId).toList();
        return rows(licence.organisation.id).stream().filter(r -> products.contains(r.productId())).toList();
    }

    /** The policy in force at the quarter's end, or today while the quarter is under way. */
    Optional<PolicyVersion> policyFor(RevenueShare.Quarter q) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return policies.inForceOn(q.lastDay().isAfter(today) ? today : q.lastDay());
    }

    /** Products a vendor may declare: those on its licences. */
    public List<Product> declarableProducts(Long organisationId) {
        return Product.list("""
                from Product p where p.id in (select ll.productId from LicenceLine ll, Licence l
                    where ll.licenceId = l.id and l.organisation.id = ?1) order by p.maker, p.model""", organisationId);
    }

    public static List<RevenueShare.Quarter> declarableQuarters() {
        List<RevenueShare.Quarter> out = new ArrayList<>();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < DECLARABLE_QUARTERS; i++) {
            out.add(RevenueShare.Quarter.of(day));
            day = RevenueShare.Quarter.of(day).firstDay().minusDays(1);
        }
        return out;
    }

    /** One entry of the declarations' history, with names for the page. */
    @io.quarkus.qute.TemplateData
    public record Entry(UsShipmentDeclaration declaration, String vendor, String product) {
    }

    /** Every declaration (first figures and corrections), newest first; organisationId null for every vendor. */
    public List<Entry> history(Long organisationId) {
        List<Object[]> rows = em.createQuery("""
                select d, o.legalName, p.maker || ' ' || p.model from UsShipmentDeclaration d, Organisation o, Product p
                where o.id = d.organisationId and p.id = d.productId and (?1 = 0L or d.organisationId = ?1) order by d.id desc""",
                Object[].class).setParameter(1, organisationId == null ? 0L : organisationId).getResultList();
        return rows.stream().map(r -> new Entry((UsShipmentDeclaration) r[0], (String) r[1], (String) r[2])).toList();
    }

    /**
     * Records the vendor's figure. If one is already in force for that product and quarter, this is a correction: a new entry
     * superseding it, with a reason. Two people declaring the same figure at once: the database's unique indexes let one in.
     */
    @Transactional
    public UsShipmentDeclaration declare(DeclarationForm form) {
        Organisation org = currentUser.organisation();
        if (org == null) {
            throw new ForbiddenException();
        }
        FormErrors errors = new FormErrors();
        Long productId = Forms.id(form.productId());
        Product product = productId == null ? null
                : declarableProducts(org.id).stream().filter(p -> p.id.equals(productId)).findFirst().orElse(null);
        if (product == null) {
            errors.add("productId", "Choose one of the products on your licences");
        }
        RevenueShare.Quarter quarter = RevenueShare.Quarter.parse(form.quarter());
        if (quarter == null || !declarableQuarters().contains(quarter)) {
            errors.add("quarter", "Choose a calendar quarter from the list: this one or one of the previous eleven");
        }
        Integer quantity = Forms.integer(errors, "quantity", form.quantity(), "the units shipped to US customers", 0, 100_000_000, true);
        String attestation = Forms.optional(errors, "attestation", form.attestation(), "the attestation", 1000);
        UsShipmentDeclaration previous = product == null || quarter == null ? null
                : UsShipmentDeclaration.current(org.id, product.id, quarter);
        String reason = null;
        if (previous != null) {
            reason = Forms.required(errors, "reason", form.reason(), "the reason for the correction (you declared "
                    + previous.quantity + " units for this product and quarter before)", 5, 1000);
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        UsShipmentDeclaration d = new UsShipmentDeclaration();
        d.organisationId = org.id;
        d.productId = product.id;
        d.year = quarter.year();
        d.quarter = quarter.quarter();
        d.quantity = quantity;
        d.attestation = attestation;
        d.supersedesId = previous == null ? null : previous.id;
        d.reason = reason;
        d.declaredBySubject = currentUser.subject();
        d.declaredByName = currentUser.displayName();
        try {
            d.persist(); // an identity insert: runs now, and waits for a racing first figure or correction to commit
            em.flush();
        } catch (PersistenceException e) {
            throw new PortalConflictException("Someone in your organisation declared US shipments of " + product.maker + " "
                    + product.model + " for " + quarter + " at the same moment. Nothing was recorded: check the figure now in force and try again.");
        }
        String productName = product.maker + " " + product.model;
        audit.record(previous == null ? "licence.us-shipments.declared" : "licence.us-shipments.corrected", "organisation", org.id,
                previous == null ? null : AuditLog.state("declaration", previous.id, "product", productName, "quarter", quarter.toString(),
                        "quantity", previous.quantity),
                AuditLog.state("declaration", d.id, "product", productName, "quarter", quarter.toString(), "quantity", quantity,
                        "attestation", attestation, "supersedes", d.supersedesId, "reason", reason));
        return d;
    }
}
