package gov.exports.portal.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** The list pages' queries: one SQL statement per page, always scoped (vendor: own organisation; officials: submitted only). */
@ApplicationScoped
public class ApplicationQueries {

    public static final int PAGE_SIZE = 20;

    /** A row of the vendor dashboard or the officials' list. */
    public record Row(Long id, String reference, ApplicationStatus status, String organisation, String products, String consignee,
            boolean consigneeFromRegister, BigDecimal valueUsd, OffsetDateTime updatedAt, OffsetDateTime submittedAt) {
        public String getTitle() {
            return reference != null ? reference : "Draft " + id;
        }
    }

    public record Page(List<Row> rows, int number, String prevUrl, String nextUrl) {
    }

    @Inject
    EntityManager em;

    private static final String SELECT = """
            SELECT a.id, a.reference, a.status, o.legal_name,
                   (SELECT string_agg(DISTINCT p.maker || ' ' || p.model, ', ')
                      FROM application_line l JOIN product p ON p.id = l.product_id WHERE l.application_id = a.id),
                   c.name, c.approved_customer_id IS NOT NULL,
                   (SELECT coalesce(sum(l.total_usd), 0) FROM application_line l WHERE l.application_id = a.id),
                   a.updated_at, a.submitted_at
              FROM application a
              JOIN organisation o ON o.id = a.organisation_id
              LEFT JOIN application_party c ON c.application_id = a.id AND c.role = 'ULTIMATE_CONSIGNEE'
            """;

    /** The organisation's applications, last updated first, filtered by status and by reference or consignee. */
    public Page forOrganisation(long organisationId, ApplicationStatus status, String search, int page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE a.organisation_id = :org");
        if (status != null) {
            sql.append(" AND a.status = :status");
        }
        if (search != null) {
            sql.append(" AND (a.reference ILIKE :q OR c.name ILIKE :q OR c.name_chinese LIKE :raw)");
        }
        sql.append(" ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset");
        Query q = em.createNativeQuery(sql.toString()).setParameter("org", organisationId);
        if (status != null) {
            q.setParameter("status", status.name());
        }
        if (search != null) {
            q.setParameter("q", "%" + escapeLike(search) + "%").setParameter("raw", "%" + escapeLike(search) + "%");
        }
        return page(q, page, "/vendor?" + (status == null ? "" : "status=" + status.name() + "&")
                + (search == null ? "" : "q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8) + "&"));
    }

    /** Every submitted application (never drafts), newest submission first. */
    public Page submitted(int page) {
        Query q = em.createNativeQuery(SELECT + " WHERE a.status <> 'DRAFT' ORDER BY a.submitted_at DESC, a.id DESC LIMIT :limit OFFSET :offset");
        return page(q, page, "/officer?");
    }

    private Page page(Query q, int page, String base) {
        int number = Math.max(1, page);
        q.setParameter("limit", PAGE_SIZE + 1).setParameter("offset", (number - 1) * PAGE_SIZE);
        List<?> result = q.getResultList();
        List<Row> rows = new ArrayList<>();
        for (Object o : result) {
            Object[] r = (Object[]) o;
            rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], ApplicationStatus.valueOf((String) r[2]), (String) r[3],
                    (String) r[4], (String) r[5], Boolean.TRUE.equals(r[6]), (BigDecimal) r[7], time(r[8]), time(r[9])));
        }
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = base + "page=" + (number + 1);
        }
        String prev = number > 1 ? base + "page=" + (number - 1) : null;
        return new Page(rows, number, prev, next);
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(o.toString());
    }

    static String escapeLike(String s) {
        return s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
