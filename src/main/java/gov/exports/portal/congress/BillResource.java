package gov.exports.portal.congress;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import gov.exports.portal.account.CurrentUser;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The public bill tracker: search, bill pages and Atom feeds. Anonymous, read-only, cache-friendly. */
@Path("/bills")
@PermitAll
public class BillResource {

    static final String ATOM = "application/atom+xml;charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(BillQueries.Filter filter, BillQueries.BillPage page, BillQueries.Facets facets,
                List<BillStatus> statuses, String error);

        static native TemplateInstance bill(BillView view);

        static native TemplateInstance feed(String feedId, String title, String selfUrl, String alternateUrl, String updated,
                List<FeedEntry> entries);
    }

    /** One Atom entry: a new action on a tracked bill. */
    public record FeedEntry(String id, String title, String link, String updated, String content) {
    }

    @Inject
    BillQueries queries;

    @Inject
    CurrentUser currentUser;

    @Inject
    RenderedPages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("q") String q, @QueryParam("congress") String congress, @QueryParam("chamber") String chamber,
            @QueryParam("status") String status, @QueryParam("party") String party, @QueryParam("subject") String subject,
            @QueryParam("tag") String tag, @QueryParam("sort") String sort, @QueryParam("page") String page,
            @Context Request request, @Context HttpServerRequest http, @Context UriInfo uri) {
        String error = null;
        Integer congressNumber = parseInt(congress);
        if (congress != null && !congress.isBlank() && congressNumber == null) {
            error = "Congress must be a number, such as 119";
        }
        BillStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = BillStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error = "Status \"" + SourceText.abbreviate(status, 30) + "\" is not one of the listed statuses";
            }
        }
        String ch = blank(chamber);
        if (ch != null && !ch.equals("Senate") && !ch.equals("House")) {
            ch = null;
        }
        String qq = blank(q);
        if (qq != null && qq.length() > 200) {
            qq = qq.substring(0, 200);
        }
        Integer pageNumber = parseInt(page);
        BillQueries.Filter filter = new BillQueries.Filter(qq, congressNumber, ch, st, blank(party), blank(subject), blank(tag),
                blank(sort), pageNumber == null ? 1 : pageNumber);
        String err = error;
        // the page depends on the parsed filter, not on the query string's spelling or order
        return HttpCaching.conditional(request, http, currentUser, pages, queries.freshness(currentUser), "list|" + filter + "|" + err,
                MediaType.TEXT_HTML + ";charset=UTF-8",
                () -> Templates.list(filter, queries.search(filter), queries.facets(), List.of(BillStatus.values()), err)
                        .data("navSection", "bills"));
    }

    @GET
    @Path("feed.atom")
    @Produces(ATOM)
    public Response allFeed(@Context Request request, @Context HttpServerRequest http, @Context UriInfo uri) {
        BillQueries.Freshness fresh = queries.freshness(currentUser);
        String base = base(uri);
        return HttpCaching.conditional(request, http, currentUser, pages, fresh, "feed-all|" + base, ATOM, () -> {
            List<FeedEntry> entries = queries.recentActions(50).stream().map(a -> entry(base, a.bill, a)).toList();
            return Templates.feed("tag:export-portal.example,2026:bills", "Actions on tracked bills in Congress",
                    base + "/bills/feed.atom", base + "/bills", atomTime(fresh.changedAt()), entries);
        });
    }

    @GET
    @Path("{congress}/{type}/{number}")
    @Produces(MediaType.TEXT_HTML)
    public Response bill(@PathParam("congress") int congress, @PathParam("type") String type, @PathParam("number") int number,
            @Context Request request, @Context HttpServerRequest http) {
        BillQueries.Freshness fresh = queries.freshness(currentUser);
        // the page also shows members and related bills, so any change in the tracker is a new version; the bill is
        // looked up only when the page is rendered (a 404 is never kept: the version changes when a bill is tracked)
        return HttpCaching.conditional(request, http, currentUser, pages, fresh, "bill|" + congress + "/" + BillNumbers.normaliseType(type) + "/" + number,
                MediaType.TEXT_HTML + ";charset=UTF-8",
                () -> Templates.bill(view(trackedBill(congress, type, number))).data("navSection", "bills"));
    }

    @GET
    @Path("{congress}/{type}/{number}/feed.atom")
    @Produces(ATOM)
    public Response billFeed(@PathParam("congress") int congress, @PathParam("type") String type, @PathParam("number") int number,
            @Context Request request, @Context HttpServerRequest http, @Context UriInfo uri) {
        BillQueries.Freshness fresh = queries.freshness(currentUser);
        String base = base(uri);
        return HttpCaching.conditional(request, http, currentUser, pages, fresh,
                "feed|" + congress + "/" + BillNumbers.normaliseType(type) + "/" + number + "|" + base, ATOM, () -> {
            Bill b = trackedBill(congress, type, number);
            List<BillAction> actions = BillAction.find("bill = ?1 order by actionDate desc, actionTime desc nulls last, id asc", b).page(0, 100).list();
            List<FeedEntry> entries = actions.stream().map(a -> entry(base, b, a)).toList();
            return Templates.feed("tag:export-portal.example,2026:bills/" + b.congress + "/" + b.billType + "/" + b.number,
                    b.label() + ": " + b.titleDisplay + " — actions", base + b.path() + "/feed.atom", base + b.path(),
                    atomTime(b.changedAt.toInstant()), entries);
        });
    }

    static Bill trackedBill(int congress, String type, int number) {
        String t = BillNumbers.normaliseType(type);
        if (t == null) {
            throw new NotFoundException();
        }
        Bill b = Bill.find(congress, t, number).orElseThrow(NotFoundException::new);
        if (!b.tracked) {
            throw new NotFoundException();
        }
        return b;
    }

    /** Everything the bill page shows, in a fixed number of queries however many actions, cosponsors or related bills. */
    BillView view(Bill b) {
        List<BillAction> actions = BillAction.list("bill", b);
        List<Cosponsorship> cosponsors = Cosponsorship.list("select c from Cosponsorship c join fetch c.member where c.bill = ?1", b);
        java.util.Set<String> tracked = queries.trackedAmong(b.relatedBills);
        List<BillView.RelatedView> related = b.relatedBills.stream()
                .map(r -> new BillView.RelatedView(r, tracked.contains(r.congress + "/" + r.billType + "/" + r.number)))
                .toList();
        return BillView.of(b, actions, cosponsors, related);
    }

    private static FeedEntry entry(String base, Bill b, BillAction a) {
        String when = a.actionTime == null ? a.actionDate + "T00:00:00Z" : a.actionDate + "T" + a.actionTime + "Z";
        String title = b.label() + ": " + SourceText.abbreviate(a.text, 140);
        String content = a.text + " (" + a.chamberWords() + ", " + a.actionDate + ")";
        return new FeedEntry("tag:export-portal.example,2026:bills/" + b.congress + "/" + b.billType + "/" + b.number + "/actions/" + a.id,
                title, base + b.path(), when, content);
    }

    static String atomTime(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String base(UriInfo uri) {
        URI u = uri.getBaseUri();
        String s = u.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Integer parseInt(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
