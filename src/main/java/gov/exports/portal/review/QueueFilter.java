package gov.exports.portal.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.web.Forms;

/** The queue page's filters, parsed leniently (a garbled value is ignored, never an error page). */
public record QueueFilter(Queue queue, ApplicationStatus status, String vendor, String product, String consignee, String officer,
        String flag, LocalDate from, LocalDate to, String q, boolean newestFirst) {

    public static final String FLAG_POLICY = "policy";
    public static final String FLAG_PAST_DUE = "past-due";
    public static final String FLAG_OVERDUE = "overdue";
    public static final String FLAG_SCREENING = "screening";

    public static QueueFilter parse(String queue, String status, String vendor, String product, String consignee, String officer,
            String flag, String from, String to, String q, String sort) {
        Queue qu = Queue.fromSlug(queue == null ? "" : queue);
        ApplicationStatus st = null;
        try {
            st = status == null || status.isBlank() ? null : ApplicationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            st = null;
        }
        if (st == ApplicationStatus.DRAFT) {
            st = null;
        }
        String f = Forms.text(flag);
        if (f != null && !f.equals(FLAG_POLICY) && !f.equals(FLAG_PAST_DUE) && !f.equals(FLAG_OVERDUE) && !f.equals(FLAG_SCREENING)) {
            f = null;
        }
        return new QueueFilter(qu == null ? Queue.OPEN : qu, st, Forms.text(vendor), limit(product), limit(consignee), Forms.text(officer),
                f, date(from), date(to), limit(q), "newest".equals(sort));
    }

    private static String limit(String s) {
        String t = Forms.text(s);
        return t == null ? null : t.length() > 100 ? t.substring(0, 100) : t;
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The query string of this filter (without the cursor), for links, the CSV export and the next page. */
    public String query() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("queue", queue.slug);
        p.put("status", status == null ? null : status.name());
        p.put("vendor", vendor);
        p.put("product", product);
        p.put("consignee", consignee);
        p.put("officer", officer);
        p.put("flag", flag);
        p.put("from", from);
        p.put("to", to);
        p.put("q", q);
        p.put("sort", newestFirst ? "newest" : null);
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> {
            if (v != null) {
                b.append(b.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    /** The same filter sorted the other way by submission (the sortable column's link; back to the first page). */
    public String sortToggleQuery() {
        return new QueueFilter(queue, status, vendor, product, consignee, officer, flag, from, to, q, !newestFirst).query();
    }

    /** The submission column's aria-sort value. */
    public String getAriaSort() {
        return newestFirst ? "descending" : "ascending";
    }

    public boolean isFiltered() {
        return status != null || vendor != null || product != null || consignee != null || officer != null || flag != null
                || from != null || to != null || q != null;
    }

    public String getStatusName() {
        return status == null ? "" : status.name();
    }
}
