package gov.exports.portal.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import gov.exports.portal.application.ApplicationStatus;

/**
 * The queues' SQL: one statement per page, keyset-paginated on (submitted_at, id) so that page 1,000 costs what page 1
 * costs. The review clock is computed in SQL the same way as {@link ReviewClock} (calendar days minus request pauses).
 */
@ApplicationScoped
public class ReviewQueries {

    public static final int PAGE_SIZE = 25;
    static final String OPEN = "('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED', 'RECOMMENDED')";

    /** The application's policy check has an item that is not met. */
    static final String POLICY_WARNING = "FROM jsonb_array_elements(a.precheck -> 'items') i WHERE i ->> 'outcome' <> 'MET'";

    /** An information request is unanswered past its due date. */
    static final String REQUEST_PAST_DUE = "FROM information_request r WHERE r.application_id = a.id AND r.answered_at IS NULL"
            + " AND r.due_on < :today";

    /** A party's latest screening has an undecided hit or a true match (uses screening_run_subject_idx). */
    static final String SCREENING_HIT = """
            FROM application_party sp
                 CROSS JOIN LATERAL (SELECT sr.id FROM screening_run sr
                                      WHERE sr.subject_type = 'APPLICATION_PARTY' AND sr.subject_id = sp.id
                                      ORDER BY sr.id DESC LIMIT 1) lr
                 JOIN screening_hit sh ON sh.run_id = lr.id AND sh.status IN ('OPEN', 'TRUE_MATCH')
            WHERE sp.application_id = a.id""";

    /** One of the conditions above as a filter. */
    static String holds(String condition) {
        return "EXISTS (SELECT 1 " + condition + ")";
    }

    /**
     * One of the conditions above as a column of the page, written as a scalar subquery: PostgreSQL may run an EXISTS in
     * the select list as one hashed pass over every row of the inner table (it sizes the choice by all matching
     * applications, not by the 26 rows a page fetches), which took 9.7 s over the 2.3 M parties for the closed queue at a
     * million applications; a scalar subquery is always evaluated per row shown (3 ms for the same page).
     */
    static String flag(String condition) {
        return "coalesce((SELECT true " + condition + " LIMIT 1), false)";
    }

    public record Row(Long id, String reference, ApplicationStatus status, String organisation, String products, String consignee,
            BigDecimal valueUsd, String assignedName, OffsetDateTime submittedAt, int reviewDays, boolean policyWarning,
            boolean requestPastDue, boolean screeningHit) {
        public boolean isOverdue() {
            return ApplicationTransitions.isOpen(status) && reviewDays > ReviewClock.TARGET_DAYS;
        }

        public boolean isOpen() {
            return ApplicationTransitions.isOpen(status);
        }
    }

    public record Page(List<Row> rows, String nextUrl, String firstUrl) {
    }

    @Inject
    EntityManager em;

    /** The review clock of application a: calendar days since submission minus the information requests' pauses. */
    private static final String CLOCK = """
              CROSS JOIN LATERAL (
                SELECT (e.end_day - (a.submitted_at AT TIME ZONE 'UTC')::date
                        - coalesce((SELECT sum(GREATEST(0, LEAST(coalesce((r.answered_at AT TIME ZONE 'UTC')::date, e.end_day), e.end_day)
                                                       - (r.requested_at AT TIME ZONE 'UTC')::date))
                                      FROM information_request r WHERE r.application_id = a.id), 0))::int AS review_days
                  FROM (SELECT CASE WHEN a.status IN %s THEN CAST(:today AS date)
                                    ELSE (a.updated_at AT TIME ZONE 'UTC')::date END AS end_day) e
              ) clk
            """.formatted(OPEN);

    private static final String FROM = """
              FROM application a
              JOIN organisation o ON o.id = a.organisation_id
              LEFT JOIN application_party c ON c.application_id = a.id AND c.role = 'ULTIMATE_CONSIGNEE'
              LEFT JOIN review_case rc ON rc.application_id = a.id
            """ + CLOCK + """
             WHERE a.status <> 'DRAFT'
            """;

    private static final String SELECT = """
            SELECT a.id, a.reference, a.status, o.legal_name,
                   (SELECT string_agg(DISTINCT p.maker || ' ' || p.model, ', ')
                      FROM application_line l JOIN product p ON p.id = l.product_id WHERE l.application_id = a.id),
                   c.name,
                   (SELECT coalesce(sum(l.total_usd), 0) FROM application_line l WHERE l.application_id = a.id),
                   rc.assigned_name, a.submitted_at, clk.review_days,
            """ + flag(POLICY_WARNING) + ", " + flag(REQUEST_PAST_DUE) + ", " + flag(SCREENING_HIT) + FROM;

    /**
     * The open queues' sizes in one pass over the open cases only (an index-only scan of application_open_queue_covering_idx): they are the officers'
     * work in hand, a small share of all applications, so counting them exactly stays cheap at any scale.
     */
    private static final String OPEN_COUNTS = """
            SELECT count(*) FILTER (WHERE x.assigned IS NULL),
                   count(*) FILTER (WHERE x.assigned = :me),
                   count(*) FILTER (WHERE x.status = 'INFORMATION_REQUESTED'),
                   count(*) FILTER (WHERE x.status = 'RECOMMENDED'),
                   count(*) FILTER (WHERE x.review_days > %2$d),
                   count(*)
              FROM (SELECT a.status, clk.review_days,
                           -- a lookup per open case: a join let the planner hash all review cases (one per submission)
                           (SELECT rc.assigned_subject FROM review_case rc WHERE rc.application_id = a.id) AS assigned
                      FROM application a
            """.formatted(OPEN, ReviewClock.TARGET_DAYS) + CLOCK + " WHERE a.status IN " + OPEN
            // OFFSET 0 keeps x a subquery: pulled up, its review case lookup ran twice per open case (once per FILTER using it)
            + " OFFSET 0) x";

    /** Closed cases grow without bound: the tab counts them up to a cap and then says "10,000+". */
    static final int CLOSED_COUNT_CAP = 10_000;
    private static final String COUNTS = "SELECT oc.*, (SELECT count(*) FROM (SELECT 1 FROM application a WHERE a.status <> 'DRAFT'"
            + " AND a.status NOT IN " + OPEN + " LIMIT " + (CLOSED_COUNT_CAP + 1) + ") capped), (SELECT version FROM review_queue_version)"
            + " FROM (" + OPEN_COUNTS + ") oc";

    @Inject
    QueueCounts keptCounts;

    public Page page(QueueFilter f, String me, String after) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(SELECT);
        where(f, me, sql, params);
        Object[] cursor = cursor(after);
        if (cursor != null) {
            sql.append(f.newestFirst() ? " AND (a.submitted_at, a.id) < (:ct, :ci)" : " AND (a.submitted_at, a.id) > (:ct, :ci)");
            params.put("ct", cursor[0]);
            params.put("ci", cursor[1]);
        }
        sql.append(f.newestFirst() ? " ORDER BY a.submitted_at DESC, a.id DESC" : " ORDER BY a.submitted_at, a.id").append(" LIMIT :limit");
        params.put("limit", PAGE_SIZE + 1);
        List<Row> rows = run(sql.toString(), params);
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            Row last = rows.get(rows.size() - 1);
            next = "/review?" + f.query() + "&after=" + last.submittedAt().toInstant() + "_" + last.id();
        }
        return new Page(rows, next, cursor == null ? null : "/review?" + f.query());
    }

    /** Every row of the filter (capped), fetched a keyset chunk at a time, for the CSV export. */
    public List<Row> all(QueueFilter f, String me, int cap) {
        List<Row> out = new ArrayList<>();
        String after = null;
        while (out.size() < cap) {
            Page p = page(f, me, after);
            out.addAll(p.rows());
            if (p.nextUrl() == null) {
                break;
            }
            Row last = p.rows().get(p.rows().size() - 1);
            after = last.submittedAt().toInstant() + "_" + last.id();
        }
        return out.size() > cap ? out.subList(0, cap) : out;
    }

    /**
     * How many cases each queue holds, for the queue tabs ("10,000+" when the closed cases are more than the cap). Kept per
     * instance for the queue version and day they were computed at ({@link QueueCounts}): while no case changes, a queue
     * page costs one version read instead of a pass over every open case.
     */
    public Map<Queue, String> counts(String me) {
        LocalDate today = today();
        long version = ((Number) em.createNativeQuery("SELECT version FROM review_queue_version").getSingleResult()).longValue();
        Map<Queue, String> kept = keptCounts.get(me, version, today);
        if (kept != null) {
            return kept;
        }
        // the version is read again in the counting statement itself, so counts and version come from one snapshot
        Object[] r = (Object[]) em.createNativeQuery(COUNTS).setParameter("me", me).setParameter("today", today).getSingleResult();
        Map<Queue, String> counts = new LinkedHashMap<>();
        Queue[] order = { Queue.UNASSIGNED, Queue.MINE, Queue.WAITING, Queue.COUNTERSIGN, Queue.OVERDUE, Queue.OPEN };
        for (int i = 0; i < order.length; i++) {
            counts.put(order[i], String.valueOf(((Number) r[i]).longValue()));
        }
        long closed = ((Number) r[6]).longValue();
        counts.put(Queue.CLOSED, closed > CLOSED_COUNT_CAP ? String.format(Locale.ROOT, "%,d+", CLOSED_COUNT_CAP) : String.valueOf(closed));
        keptCounts.put(me, ((Number) r[7]).longValue(), today, counts);
        return counts;
    }

    private void where(QueueFilter f, String me, StringBuilder sql, Map<String, Object> params) {
        switch (f.queue()) {
            case UNASSIGNED -> sql.append(" AND a.status IN ").append(OPEN).append(" AND rc.assigned_subject IS NULL");
            case MINE -> {
                sql.append(" AND a.status IN ").append(OPEN).append(" AND rc.assigned_subject = :me");
                params.put("me", me);
            }
            case WAITING -> sql.append(" AND a.status = 'INFORMATION_REQUESTED'");
            case COUNTERSIGN -> sql.append(" AND a.status = 'RECOMMENDED'");
            case OVERDUE -> sql.append(" AND a.status IN ").append(OPEN).append(" AND clk.review_days > ").append(ReviewClock.TARGET_DAYS);
            case OPEN -> sql.append(" AND a.status IN ").append(OPEN);
            case CLOSED -> sql.append(" AND a.status NOT IN ").append(OPEN);
        }
        if (f.status() != null) {
            sql.append(" AND a.status = :status");
            params.put("status", f.status().name());
        }
        if (f.vendor() != null) {
            sql.append(" AND o.slug = :vendor");
            params.put("vendor", f.vendor());
        }
        if (f.product() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM application_line l JOIN product p ON p.id = l.product_id WHERE l.application_id = a.id"
                    + " AND (p.maker || ' ' || p.model) ILIKE :product)");
            params.put("product", "%" + like(f.product()) + "%");
        }
        if (f.consignee() != null) {
            sql.append(" AND (c.name ILIKE :consignee OR c.name_chinese LIKE :consignee)");
            params.put("consignee", "%" + like(f.consignee()) + "%");
        }
        if (f.officer() != null) {
            if ("none".equals(f.officer())) {
                sql.append(" AND rc.assigned_subject IS NULL");
            } else {
                sql.append(" AND rc.assigned_subject = :officer");
                params.put("officer", f.officer());
            }
        }
        if (QueueFilter.FLAG_POLICY.equals(f.flag())) {
            sql.append(" AND ").append(holds(POLICY_WARNING));
        } else if (QueueFilter.FLAG_PAST_DUE.equals(f.flag())) {
            sql.append(" AND ").append(holds(REQUEST_PAST_DUE));
        } else if (QueueFilter.FLAG_SCREENING.equals(f.flag())) {
            sql.append(" AND ").append(holds(SCREENING_HIT));
        } else if (QueueFilter.FLAG_OVERDUE.equals(f.flag())) {
            sql.append(" AND a.status IN ").append(OPEN).append(" AND clk.review_days > ").append(ReviewClock.TARGET_DAYS);
        }
        if (f.from() != null) {
            sql.append(" AND a.submitted_at >= :from");
            params.put("from", f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND a.submitted_at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.q() != null) {
            sql.append(" AND a.reference ILIKE :q");
            params.put("q", "%" + like(f.q()) + "%");
        }
    }

    private List<Row> run(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        q.setParameter("today", today());
        List<Row> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], ApplicationStatus.valueOf((String) r[2]), (String) r[3],
                    (String) r[4], (String) r[5], (BigDecimal) r[6], (String) r[7], time(r[8]), ((Number) r[9]).intValue(),
                    Boolean.TRUE.equals(r[10]), Boolean.TRUE.equals(r[11]), Boolean.TRUE.equals(r[12])));
        }
        return rows;
    }

    static LocalDate today() {
        return LocalDate.now(ReviewClock.ZONE);
    }

    /** "2026-03-01T10:00:00.123456Z_42" → [OffsetDateTime, id]; anything else → no cursor. */
    static Object[] cursor(String after) {
        if (after == null) {
            return null;
        }
        int u = after.lastIndexOf('_');
        try {
            return new Object[] { Instant.parse(after.substring(0, u)).atOffset(ZoneOffset.UTC), Long.parseLong(after.substring(u + 1)) };
        } catch (RuntimeException e) {
            return null;
        }
    }

    static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(o.toString());
    }

    static String like(String s) {
        return s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
