package gov.exports.portal.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.web.TemplateExtensions;

/** The officials' dashboard figures, each one SQL aggregate. */
@ApplicationScoped
public class ReviewStatistics {

    @Inject
    EntityManager em;

    public record Dashboard(Chart byStatus, Chart perOfficer, Chart approvalsPerMonth, Chart valuePerMonth, Double medianDaysToDecision,
            long decided, long overdue) {
        public String getMedianText() {
            return medianDaysToDecision == null ? "No decisions yet" : String.format(Locale.ROOT, "%.1f days", medianDaysToDecision);
        }
    }

    public Dashboard dashboard() {
        List<Chart.Entry> status = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery("SELECT status, count(*) FROM application WHERE status <> 'DRAFT' GROUP BY status").getResultList()) {
            Object[] r = (Object[]) o;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s != ApplicationStatus.DRAFT) {
                long n = counts.getOrDefault(s.name(), 0L);
                status.add(new Chart.Entry(TemplateExtensions.label(s), n, String.valueOf(n)));
            }
        }
        List<Chart.Entry> officers = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                SELECT coalesce(rc.assigned_name, 'Unassigned'), count(*) FROM application a
                  LEFT JOIN review_case rc ON rc.application_id = a.id
                 WHERE a.status IN %s GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20""".formatted(ReviewQueries.OPEN)).getResultList()) {
            Object[] r = (Object[]) o;
            long n = ((Number) r[1]).longValue();
            officers.add(new Chart.Entry((String) r[0], n, String.valueOf(n)));
        }
        Object median = em.createNativeQuery("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (d.countersigned_at AT TIME ZONE 'UTC')::date
                                                                   - (a.submitted_at AT TIME ZONE 'UTC')::date)
                  FROM review_decision d JOIN application a ON a.id = d.application_id WHERE d.countersign_outcome = 'AGREED'""")
                .getSingleResult();
        long decided = ((Number) em.createNativeQuery("SELECT count(*) FROM review_decision WHERE countersign_outcome = 'AGREED'")
                .getSingleResult()).longValue();
        YearMonth now = YearMonth.now(ReviewClock.ZONE);
        YearMonth first = now.minusMonths(11);
        Map<YearMonth, Long> approvals = new LinkedHashMap<>();
        Map<YearMonth, BigDecimal> value = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            approvals.put(first.plusMonths(i), 0L);
            value.put(first.plusMonths(i), BigDecimal.ZERO);
        }
        LocalDate from = first.atDay(1);
        for (Object o : em.createNativeQuery("""
                SELECT to_char(d.countersigned_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*) FROM review_decision d
                 WHERE d.countersign_outcome = 'AGREED' AND d.outcome IN ('APPROVE', 'APPROVE_WITH_CONDITIONS')
                   AND d.countersigned_at >= :from GROUP BY 1""").setParameter("from", from.atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .getResultList()) {
            Object[] r = (Object[]) o;
            approvals.computeIfPresent(YearMonth.parse((String) r[0]), (k, v) -> ((Number) r[1]).longValue());
        }
        for (Object o : em.createNativeQuery("""
                SELECT to_char(l.issued_at AT TIME ZONE 'UTC', 'YYYY-MM'), sum(ll.authorised_value_usd) FROM licence l
                  JOIN licence_line ll ON ll.licence_id = l.id WHERE l.issued_at >= :from GROUP BY 1""")
                .setParameter("from", from.atStartOfDay().atOffset(java.time.ZoneOffset.UTC)).getResultList()) {
            Object[] r = (Object[]) o;
            value.computeIfPresent(YearMonth.parse((String) r[0]), (k, v) -> (BigDecimal) r[1]);
        }
        List<Chart.Entry> approvalEntries = new ArrayList<>();
        approvals.forEach((m, n) -> approvalEntries.add(new Chart.Entry(month(m), n, String.valueOf(n))));
        List<Chart.Entry> valueEntries = new ArrayList<>();
        value.forEach((m, v) -> valueEntries.add(new Chart.Entry(month(m), v.doubleValue(), TemplateExtensions.usd(v))));
        long overdue = ((Number) em.createNativeQuery("SELECT count(*) FROM (" + overdueSql() + ") x")
                .setParameter("today", ReviewQueries.today()).getSingleResult()).longValue();
        return new Dashboard(
                Chart.horizontal("by-status", "Applications by status", "Number of submitted applications in each status.", "applications", status),
                Chart.horizontal("per-officer", "Open cases per officer", "Open cases assigned to each officer, and those unassigned.", "cases",
                        officers),
                Chart.columns("approvals", "Approvals per month", "Approvals that took effect in each of the last 12 months.", "approvals",
                        approvalEntries),
                Chart.columns("value", "Value licensed per month", "Authorised value of licences issued in each of the last 12 months, in US dollars.",
                        "USD", valueEntries),
                median == null ? null : ((Number) median).doubleValue(), decided, overdue);
    }

    static String overdueSql() {
        return """
                SELECT a.id FROM application a WHERE a.status IN %s
                   AND ((CAST(:today AS date) - (a.submitted_at AT TIME ZONE 'UTC')::date)
                        - coalesce((SELECT sum(GREATEST(0, coalesce((r.answered_at AT TIME ZONE 'UTC')::date, CAST(:today AS date))
                                                        - (r.requested_at AT TIME ZONE 'UTC')::date))
                                      FROM information_request r WHERE r.application_id = a.id), 0)) > %d
                """.formatted(ReviewQueries.OPEN, ReviewClock.TARGET_DAYS);
    }

    static String month(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
    }
}
