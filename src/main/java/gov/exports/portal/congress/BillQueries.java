package gov.exports.portal.congress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import javax.sql.DataSource;

import gov.exports.portal.account.CurrentUser;

/** Read side of the public tracker: search with filters, facets, and the freshness that drives HTTP caching. */
@ApplicationScoped
public class BillQueries {

    public static final int PAGE_SIZE = 20;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    TrackerVersionListener listener;

    /** The public list's query, exactly as the URL carries it. */
    public record Filter(String q, Integer congress, String chamber, BillStatus status, String party, String subject, String tag,
            String sort, int page) {

        public String effectiveSort() {
            if (sort != null && List.of("latest", "introduced", "number", "cosponsors", "relevance").contains(sort)) {
                return sort.equals("relevance") && q == null ? "latest" : sort;
            }
            return q != null ? "relevance" : "latest";
        }

        public boolean isFiltered() {
            return q != null || congress != null || chamber != null || status != null || party != null || subject != null || tag != null;
        }

        /** The query string of this filter for another page (no page parameter for page 1). */
        public String url(int targetPage) {
            StringBuilder s = new StringBuilder("/bills");
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("q", q);
            params.put("congress", congress);
            params.put("chamber", chamber);
            params.put("status", status == null ? null : status.name());
            params.put("party", party);
            params.put("subject", subject);
            params.put("tag", tag);
            params.put("sort", sort);
            params.put("page", targetPage > 1 ? targetPage : null);
            char sep = '?';
            for (var e : params.entrySet()) {
                if (e.getValue() != null) {
                    s.append(sep).append(e.getKey()).append('=')
                            .append(URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
                    sep = '&';
                }
            }
            return s.toString();
        }
    }

    public record Row(Bill bill, long cosponsors) {
    }

    public record BillPage(List<Row> rows, long total, int page, int pages, String prevUrl, String nextUrl) {
        public int first() {
            return total == 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
        }

        public int last() {
            return (int) Math.min(total, (long) page * PAGE_SIZE);
        }
    }

    public record Facets(List<Integer> congresses, List<String> subjects, List<String> tags, List<String> parties) {
    }

    public BillPage search(Filter f) {
        StringBuilder where = new StringBuilder(" FROM bill b LEFT JOIN congress_member m ON m.bioguide_id = b.sponsor_bioguide_id"
                + " WHERE b.tracked");
        Map<String, Object> p = new HashMap<>();
        if (f.q() != null) {
            where.append(" AND b.search_vector @@ websearch_to_tsquery('english', :q)");
            p.put("q", f.q());
        }
        if (f.congress() != null) {
            where.append(" AND b.congress = :congress");
            p.put("congress", f.congress());
        }
        if (f.chamber() != null) {
            where.append(" AND b.origin_chamber = :chamber");
            p.put("chamber", f.chamber());
        }
        if (f.status() != null) {
            where.append(" AND b.status = :status");
            p.put("status", f.status().name());
        }
        if (f.party() != null) {
            where.append(" AND m.party = :party");
            p.put("party", f.party());
        }
        if (f.subject() != null) {
            where.append(" AND (b.policy_area = :subject OR EXISTS (SELECT 1 FROM bill_subject s WHERE s.bill_id = b.id AND s.subject = :subject))");
            p.put("subject", f.subject());
        }
        if (f.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM bill_tag t WHERE t.bill_id = b.id AND lower(t.label) = lower(:tag))");
            p.put("tag", f.tag());
        }
        String order = switch (f.effectiveSort()) {
            case "relevance" -> " ORDER BY ts_rank(b.search_vector, websearch_to_tsquery('english', :q)) DESC, b.latest_action_date DESC NULLS LAST, b.id DESC";
            case "introduced" -> " ORDER BY b.introduced_date DESC NULLS LAST, b.id DESC";
            case "number" -> " ORDER BY b.congress DESC, b.bill_type, b.number";
            case "cosponsors" -> " ORDER BY cosponsors DESC, b.latest_action_date DESC NULLS LAST, b.id DESC";
            default -> " ORDER BY b.latest_action_date DESC NULLS LAST, b.id DESC";
        };
        Query count = em.createNativeQuery("SELECT count(*)" + where);
        p.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, f.page()), pages);
        Query q = em.createNativeQuery("SELECT b.id, (SELECT count(*) FROM bill_cosponsor c WHERE c.bill_id = b.id"
                + " AND c.withdrawn_date IS NULL) AS cosponsors" + where + order + " LIMIT :limit OFFSET :offset");
        p.forEach(q::setParameter);
        q.setParameter("limit", PAGE_SIZE);
        q.setParameter("offset", (page - 1) * PAGE_SIZE);
        @SuppressWarnings("unchecked")
        List<Object[]> ids = q.getResultList();
        List<Long> idList = ids.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, Bill> byId = new HashMap<>();
        if (!idList.isEmpty()) {
            // sponsor and tags in the same query: the list shows both for every row
            em.createQuery("select b from Bill b left join fetch b.sponsor left join fetch b.tags where b.id in :ids", Bill.class)
                    .setParameter("ids", idList).getResultList().forEach(b -> byId.put(b.id, b));
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] r : ids) {
            rows.add(new Row(byId.get(((Number) r[0]).longValue()), ((Number) r[1]).longValue()));
        }
        return new BillPage(rows, total, page, pages, page > 1 ? f.url(page - 1) : null, page < pages ? f.url(page + 1) : null);
    }

    /** Which of these bills ("congress/type/number") are tracked, in one query (a bill page lists many related bills). */
    @SuppressWarnings("unchecked")
    public java.util.Set<String> trackedAmong(List<Bill.Related> related) {
        if (related.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> keys = related.stream().map(r -> r.congress + "/" + r.billType + "/" + r.number).toList();
        return new java.util.HashSet<>(em.createNativeQuery("SELECT congress || '/' || bill_type || '/' || number FROM bill"
                + " WHERE tracked AND congress || '/' || bill_type || '/' || number = ANY(CAST(:keys AS text[]))")
                .setParameter("keys", keys.toArray(String[]::new)).getResultList());
    }

    @SuppressWarnings("unchecked")
    public Facets facets() {
        List<Integer> congresses = ((List<Number>) em.createNativeQuery(
                "SELECT DISTINCT congress FROM bill WHERE tracked ORDER BY congress DESC").getResultList())
                .stream().map(Number::intValue).toList();
        List<String> subjects = em.createNativeQuery("""
                SELECT subject FROM (
                  SELECT policy_area AS subject FROM bill WHERE tracked AND policy_area IS NOT NULL
                  UNION
                  (SELECT s.subject FROM bill_subject s JOIN bill b ON b.id = s.bill_id WHERE b.tracked
                   GROUP BY s.subject ORDER BY count(*) DESC, s.subject LIMIT 150)
                ) x ORDER BY subject""").getResultList();
        List<String> tags = em.createNativeQuery(
                "SELECT DISTINCT t.label FROM bill_tag t JOIN bill b ON b.id = t.bill_id WHERE b.tracked ORDER BY t.label").getResultList();
        List<String> parties = em.createNativeQuery("""
                SELECT DISTINCT m.party FROM bill b JOIN congress_member m ON m.bioguide_id = b.sponsor_bioguide_id
                WHERE b.tracked AND m.party IS NOT NULL ORDER BY m.party""").getResultList();
        return new Facets(congresses, subjects, tags, parties);
    }

    /**
     * How fresh the tracker's public data is: a version the database raises on every committed change to bills, members
     * or committees (migration V75), whoever made it and through whichever instance. Read it before the data it
     * describes: a page rendered after reading version n contains at least every change up to n.
     */
    public record Freshness(long version, Instant changedAt) {

        /** The row as it is now, on the connection given (the pool's, or the listener's own). */
        static Freshness read(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT version, changed_at FROM tracker_version");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Freshness(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
    }

    /**
     * The version a page for this viewer is validated against: for an anonymous visitor the one this instance was told
     * of (no query; {@link TrackerVersionListener}) while it is listening, else, and always for a signed-in viewer (an
     * editor who just saved must never get a 304 for the page before), the database's.
     */
    public Freshness freshness(CurrentUser viewer) {
        if (viewer.isAuthenticated()) {
            return readFreshness();
        }
        Freshness announced = listener.current();
        if (announced != null) {
            return announced;
        }
        long epoch = listener.epoch();
        Freshness read = readFreshness();
        listener.offer(read, epoch);
        return read;
    }

    /**
     * Plain JDBC, outside any transaction when called first: when the rendered page is kept (congress/RenderedPages) this
     * is all the database work a request does, and for an anonymous visitor of a listening instance not even that.
     */
    private Freshness readFreshness() {
        try (Connection c = dataSource.getConnection()) {
            return Freshness.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("tracker version unreadable", e);
        }
    }

    static Instant toInstant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        return Instant.parse(o.toString());
    }

    /** Editors find any bill, tracked or not, by words or by number ("S. 1224", "s1224"). */
    @SuppressWarnings("unchecked")
    public List<Bill> editorSearch(String q, int limit) {
        List<Number> ids = em.createNativeQuery("""
                SELECT id FROM bill
                WHERE search_vector @@ websearch_to_tsquery('english', :q)
                   OR bill_type || number = lower(regexp_replace(:q, '[^A-Za-z0-9]', '', 'g'))
                ORDER BY tracked DESC, latest_action_date DESC NULLS LAST, id DESC LIMIT :limit""")
                .setParameter("q", q).setParameter("limit", limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Bill> byId = new HashMap<>();
        em.createQuery("select b from Bill b left join fetch b.sponsor where b.id in :ids", Bill.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList()).getResultList().forEach(b -> byId.put(b.id, b));
        return ids.stream().map(i -> byId.get(i.longValue())).toList();
    }

    /** The newest actions of tracked bills, for the all-bills feed. */
    public List<BillAction> recentActions(int limit) {
        return em.createQuery("select a from BillAction a join fetch a.bill b where b.tracked order by a.actionDate desc, a.actionTime desc nulls last, a.id asc",
                BillAction.class).setMaxResults(limit).getResultList();
    }
}
