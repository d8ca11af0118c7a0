package gov.exports.portal.review;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.account.Roles;
import gov.exports.portal.application.ApplicationStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The officers' work queues with filters, keyset pages and a CSV export of the current filter. */
@Path("/review")
@RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
public class ReviewQueueResource {

    static final int EXPORT_CAP = 100_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(QueueFilter filter, ReviewQueries.Page page, Map<Queue, String> counts, Queue[] queues,
                List<Official> officials, List<Organisation> vendors, ApplicationStatus[] statuses);

        static native TemplateInstance dashboard(ReviewStatistics.Dashboard stats, List<Chart> charts);
    }

    @Inject
    ReviewStatistics statistics;

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        ReviewStatistics.Dashboard d = statistics.dashboard();
        return Templates.dashboard(d, List.of(d.byStatus(), d.perOfficer(), d.approvalsPerMonth(), d.valuePerMonth()))
                .data("navSection", "review");
    }

    @Inject
    ReviewQueries queries;

    @Inject
    ReviewService review;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@QueryParam("queue") String queue, @QueryParam("status") String status,
            @QueryParam("vendor") String vendor, @QueryParam("product") String product, @QueryParam("consignee") String consignee,
            @QueryParam("officer") String officer, @QueryParam("flag") String flag, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("after") String after) {
        review.rememberOfficial();
        QueueFilter f = QueueFilter.parse(queue, status, vendor, product, consignee, officer, flag, from, to, q, sort);
        ApplicationStatus[] statuses = java.util.Arrays.stream(ApplicationStatus.values()).filter(s -> s != ApplicationStatus.DRAFT)
                .toArray(ApplicationStatus[]::new);
        return Templates.queue(f, queries.page(f, currentUser.subject(), after), queries.counts(currentUser.subject()), Queue.values(),
                Official.byName(), Organisation.list("order by legalName"), statuses).data("navSection", "review");
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("queue") String queue, @QueryParam("status") String status, @QueryParam("vendor") String vendor,
            @QueryParam("product") String product, @QueryParam("consignee") String consignee, @QueryParam("officer") String officer,
            @QueryParam("flag") String flag, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        QueueFilter f = QueueFilter.parse(queue, status, vendor, product, consignee, officer, flag, from, to, q, sort);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("Reference", "Vendor", "Products", "Consignee",
                "Value (USD)", "Status", "Assigned officer", "Submitted (UTC)", "Review days", "Overdue", "Policy warnings",
                "Information request past due", "Screening hit").get())) {
            for (ReviewQueries.Row r : queries.all(f, currentUser.subject(), EXPORT_CAP)) {
                csv.printRecord(Csv.cell(r.reference()), Csv.cell(r.organisation()), Csv.cell(r.products()), Csv.cell(r.consignee()),
                        r.valueUsd().toPlainString(), r.status().name(), Csv.cell(r.assignedName()), r.submittedAt().toInstant().toString(),
                        r.reviewDays(), r.isOverdue() ? "yes" : "no", r.policyWarning() ? "yes" : "no", r.requestPastDue() ? "yes" : "no", r.screeningHit() ? "yes" : "no");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"review-" + f.queue().slug + ".csv\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
