package gov.exports.portal.licence;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import gov.exports.portal.review.Chart;
import gov.exports.portal.review.Csv;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The 25% revenue share: vendors see their statements; officials see totals, a chart, CSV, and record payments. */
@Path("/revenue")
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
public class RevenueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance revenue(List<RevenueService.Statement> statements, boolean official,
                Map<String, List<RevenueService.Total>> totals, Chart chart);

        static native TemplateInstance statement(RevenueService.Statement statement, boolean official, String reference,
                FormErrors errors, String notice);
    }

    @Inject
    RevenueService revenue;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview() {
        boolean official = currentUser.isOfficer();
        if (!official && currentUser.organisation() == null) {
            throw new ForbiddenException();
        }
        List<RevenueService.Statement> statements = revenue.statements(official ? null : currentUser.organisation().id);
        Map<String, List<RevenueService.Total>> totals = official ? revenue.totals() : Map.of();
        Chart chart = null;
        if (official) {
            List<Chart.Entry> entries = new ArrayList<>();
            for (RevenueService.Total t : totals.get("quarter")) {
                entries.add(new Chart.Entry(t.label(), t.owed().doubleValue(), "$" + t.owed().toPlainString()));
            }
            chart = Chart.columns("revenue-by-quarter", "Revenue share owed by quarter",
                    "Columns show the revenue share owed to the United States government per calendar quarter, in US dollars.", "USD",
                    entries);
        }
        return Templates.revenue(statements, official, totals, chart).data("navSection", official ? "revenue" : "licences");
    }

    @GET
    @Path("export.csv")
    @RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
    @Produces("text/csv")
    public Response export() {
        StringBuilder csv = new StringBuilder("vendor,quarter,licence,rate,revenue_usd,owed_usd,statement_status,payment_reference\r\n");
        for (RevenueService.Statement s : revenue.statements(null)) {
            for (RevenueService.LicenceQuarter lq : s.licences()) {
                csv.append(String.join(",", quote(s.vendor()), quote(s.quarter().toString()), quote(lq.licenceNumber()),
                        lq.rate().toPlainString(), lq.revenue().toPlainString(), lq.owed().toPlainString(), quote(s.getStatusText()),
                        quote(s.isPaid() ? s.payment().paymentReference : ""))).append("\r\n");
            }
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"revenue-share.csv\"").header("Cache-Control", "private, no-store")
                .build();
    }

    /** Formula cells neutralised, then quoted for CSV. */
    static String quote(String value) {
        return "\"" + Csv.cell(value).replace("\"", "\"\"") + "\"";
    }

    @GET
    @Path("statements/{organisationId}/{quarter}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance statement(@PathParam("organisationId") long organisationId, @PathParam("quarter") String quarter,
            @QueryParam("notice") String notice) {
        return page(revenue.statement(organisationId, quarter), null, FormErrors.none(), notice);
    }

    private TemplateInstance page(RevenueService.Statement s, String reference, FormErrors errors, String notice) {
        boolean official = currentUser.isOfficer();
        return Templates.statement(s, official, reference, errors, notice).data("navSection", official ? "revenue" : "licences");
    }

    @POST
    @Path("statements/{organisationId}/{quarter}/payment")
    @RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
    @Produces(MediaType.TEXT_HTML)
    public Response markPaid(@PathParam("organisationId") long organisationId, @PathParam("quarter") String quarter,
            @RestForm String paymentReference) {
        try {
            revenue.markPaid(organisationId, quarter, paymentReference);
            return Response.seeOther(URI.create("/revenue/statements/" + organisationId + "/" + quarter + "?notice=paid")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(page(revenue.statement(organisationId, quarter), paymentReference, e.errors(), null)).build();
        }
    }
}
