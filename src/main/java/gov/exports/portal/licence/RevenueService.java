package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/** Revenue reported through shipments, the share owed per licence and quarter, statements per vendor and quarter. */
@ApplicationScoped
public class RevenueService {

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    /** One licence's revenue in one quarter and the share owed on it (the unit the rounding rule applies to). */
    public record LicenceQuarter(Long organisationId, String vendor, Long licenceId, String licenceNumber, BigDecimal rate,
            RevenueShare.Quarter quarter, BigDecimal revenue, BigDecimal owed) {

        public String getRatePercent() {
            return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
    }

    /** A vendor's statement for one quarter. */
    public record Statement(Long organisationId, String vendor, RevenueShare.Quarter quarter, BigDecimal revenue, BigDecimal owed,
            List<LicenceQuarter> licences, RevenuePayment payment) {

        public boolean isPaid() {
            return payment != null;
        }

        /** Still owed: unpaid, or paid less than a later correction makes due. */
        public BigDecimal getOutstanding() {
            BigDecimal due = payment == null ? owed : owed.subtract(payment.amountUsd);
            return due.signum() < 0 ? BigDecimal.ZERO.setScale(2) : due;
        }

        public boolean isOpen() {
            return !LocalDate.now(ZoneOffset.UTC).isAfter(quarter.lastDay());
        }

        public boolean isOverdue() {
            return getOutstanding().signum() > 0 && LocalDate.now(ZoneOffset.UTC).isAfter(quarter.dueOn());
        }

        public String getStatusText() {
            if (isOpen()) {
                return "Quarter in progress";
            }
            if (isOverdue()) {
                return "Overdue";
            }
            if (getOutstanding().signum() > 0) {
                return isPaid() ? "Part paid" : "Due";
            }
            return "Paid";
        }

        public String getPath() {
            return "/revenue/statements/" + organisationId + "/" + quarter;
        }

        public String getPaymentPath() {
            return getPath() + "/payment";
        }
    }

    /** A line of the officials' totals. */
    public record Total(String label, BigDecimal revenue, BigDecimal owed, long units) {
    }

    /** Revenue per licence and quarter, from the ledger (reversals included, so corrections count once). */
    public List<LicenceQuarter> licenceQuarters(Long organisationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.organisation_id, o.legal_name, l.id, l.number, l.revenue_share_rate,
                       extract(year FROM s.shipped_on)::int, extract(quarter FROM s.shipped_on)::int, sum(s.value_usd)
                FROM shipment s JOIN licence l ON l.id = s.licence_id JOIN organisation o ON o.id = l.organisation_id
                WHERE (:org = 0 OR l.organisation_id = :org)
                GROUP BY 1, 2, 3, 4, 5, 6, 7
                ORDER BY 6, 7, 2, 4""").setParameter("org", organisationId == null ? 0L : organisationId).getResultList();
        List<LicenceQuarter> out = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal rate = (BigDecimal) r[4];
            BigDecimal revenue = ((BigDecimal) r[7]).setScale(2);
            out.add(new LicenceQuarter(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), (String) r[3], rate,
                    new RevenueShare.Quarter(((Number) r[5]).intValue(), ((Number) r[6]).intValue()), revenue,
                    RevenueShare.owed(revenue, rate)));
        }
        return out;
    }

    /** Statements, newest quarter first; organisationId null for all vendors. */
    public List<Statement> statements(Long organisationId) {
        Map<String, List<LicenceQuarter>> grouped = new LinkedHashMap<>();
        for (LicenceQuarter lq : licenceQuarters(organisationId)) {
            grouped.computeIfAbsent(lq.organisationId() + "/" + lq.quarter(), k -> new ArrayList<>()).add(lq);
        }
        List<Statement> out = new ArrayList<>();
        for (List<LicenceQuarter> g : grouped.values()) {
            LicenceQuarter first = g.get(0);
            BigDecimal revenue = g.stream().map(LicenceQuarter::revenue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            BigDecimal owed = g.stream().map(LicenceQuarter::owed).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            RevenuePayment p = RevenuePayment.find("organisationId = ?1 and year = ?2 and quarter = ?3", first.organisationId(),
                    first.quarter().year(), first.quarter().quarter()).firstResult();
            out.add(new Statement(first.organisationId(), first.vendor(), first.quarter(), revenue, owed, g, p));
        }
        out.sort(Comparator.comparing(Statement::quarter).reversed().thenComparing(Statement::vendor));
        return out;
    }

    /** One statement the caller may see: officials any, vendors their own (404 otherwise, also for an empty quarter). */
    public Statement statement(long organisationId, String quarterText) {
        RevenueShare.Quarter q = RevenueShare.Quarter.parse(quarterText);
        if (q == null) {
            throw new NotFoundException();
        }
        if (!currentUser.isOfficer()) {
            Organisation own = currentUser.organisation();
            if (own == null || !own.id.equals(organisationId)) {
                throw new NotFoundException();
            }
        }
        return statements(organisationId).stream().filter(s -> s.quarter().equals(q)).findFirst().orElseThrow(NotFoundException::new);
    }

    @Transactional
    public RevenuePayment markPaid(long organisationId, String quarterText, String rawReference) {
        Statement s = statement(organisationId, quarterText);
        FormErrors errors = new FormErrors();
        String reference = Forms.required(errors, "paymentReference", rawReference, "the payment reference", 3, 100);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        if (s.isOpen()) {
            throw new PortalConflictException("The quarter " + s.quarter() + " has not ended: its statement cannot be settled yet.");
        }
        if (s.isPaid()) {
            throw new PortalConflictException("The statement of " + s.vendor() + " for " + s.quarter() + " was already marked paid ("
                    + s.payment().paymentReference + ").");
        }
        RevenuePayment p = new RevenuePayment();
        p.organisationId = organisationId;
        p.year = s.quarter().year();
        p.quarter = s.quarter().quarter();
        p.amountUsd = s.owed();
        p.paymentReference = reference;
        p.recordedBySubject = currentUser.subject();
        p.recordedByName = currentUser.displayName();
        p.persist();
        em.flush(); // the unique key settles two officials recording at once
        audit.record("revenue.statement.paid", "organisation", organisationId, AuditLog.state("quarter", s.quarter().toString(),
                "owedUsd", s.owed(), "paid", false), AuditLog.state("quarter", s.quarter().toString(), "amountUsd", p.amountUsd,
                        "paymentReference", reference, "paid", true));
        return p;
    }

    /** Officials' totals: by vendor, by quarter (both with the amount owed) and by product (revenue and units). */
    public Map<String, List<Total>> totals() {
        List<LicenceQuarter> all = licenceQuarters(null);
        Map<String, Total> byVendor = new TreeMap<>();
        Map<String, Total> byQuarter = new TreeMap<>();
        for (LicenceQuarter lq : all) {
            byVendor.merge(lq.vendor(), new Total(lq.vendor(), lq.revenue(), lq.owed(), 0), RevenueService::add);
            byQuarter.merge(lq.quarter().toString(), new Total(lq.quarter().toString(), lq.revenue(), lq.owed(), 0), RevenueService::add);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.maker || ' ' || p.model, sum(s.value_usd), sum(s.quantity)
                FROM shipment s JOIN licence_line ll ON ll.id = s.licence_line_id JOIN product p ON p.id = ll.product_id
                GROUP BY 1 ORDER BY 1""").getResultList();
        List<Total> byProduct = new ArrayList<>();
        for (Object[] r : rows) {
            byProduct.add(new Total((String) r[0], ((BigDecimal) r[1]).setScale(2), null, ((Number) r[2]).longValue()));
        }
        Map<String, List<Total>> out = new LinkedHashMap<>();
        out.put("vendor", new ArrayList<>(byVendor.values()));
        out.put("quarter", new ArrayList<>(byQuarter.values()));
        out.put("product", byProduct);
        return out;
    }

    private static Total add(Total a, Total b) {
        return new Total(a.label(), a.revenue().add(b.revenue()), a.owed().add(b.owed()), a.units() + b.units());
    }
}
