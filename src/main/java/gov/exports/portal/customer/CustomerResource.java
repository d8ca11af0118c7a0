package gov.exports.portal.customer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.exports.portal.account.Roles;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The register of approved customers: searchable by vendors and officials, maintained by senior officers. */
@Path("/customers")
@Produces(MediaType.TEXT_HTML)
public class CustomerResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One version in the history and what it changed compared with the version before. */
    public record HistoryRow(CustomerHistoryEntry entry, List<String> changes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ApprovedCustomer> customers, String q, String status, CustomerStatus[] statuses);

        static native TemplateInstance show(ApprovedCustomer customer, List<HistoryRow> history, String saved);

        static native TemplateInstance form(ApprovedCustomer customer, CustomerForm form, FormErrors errors, String action,
                CustomerStatus[] statuses);
    }

    @Inject
    CustomerService customers;

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("status") String status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        String query = Forms.text(q);
        if (query != null) {
            // % and _ typed by the user are literals, not wildcards
            where.append(" and (lower(nameLatin) like :q escape '\\' or nameChinese like :raw escape '\\' or uscc = :code)");
            String literal = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            p.and("q", "%" + literal.toLowerCase(java.util.Locale.ROOT) + "%").and("raw", "%" + literal + "%")
                    .and("code", UnifiedSocialCreditCode.normalise(query));
        }
        String st = Forms.text(status);
        if (st != null && java.util.Arrays.stream(CustomerStatus.values()).anyMatch(s -> s.name().equals(st))) {
            where.append(" and status = :status");
            p.and("status", CustomerStatus.valueOf(st));
        }
        List<ApprovedCustomer> list = ApprovedCustomer.<ApprovedCustomer> find(where + " order by lower(nameLatin)", p)
                .page(0, 200).list();
        return Templates.list(list, query, st, CustomerStatus.values()).data("navSection", "customers");
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("saved") String saved) {
        ApprovedCustomer c = ApprovedCustomer.<ApprovedCustomer> findByIdOptional(id).orElseThrow(NotFoundException::new);
        return Templates.show(c, history(c.id), saved).data("navSection", "customers");
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance newForm() {
        return Templates.form(null, CustomerForm.blank(), FormErrors.none(), "/customers", CustomerStatus.values())
                .data("navSection", "customers");
    }

    @POST
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response create(@BeanParam CustomerForm form) {
        try {
            ApprovedCustomer c = customers.create(form);
            return Response.seeOther(URI.create("/customers/" + c.id + "?saved=1")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.form(null, form, e.errors(), "/customers", CustomerStatus.values())
                    .data("navSection", "customers")).build();
        }
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance edit(@PathParam("id") long id) {
        ApprovedCustomer c = ApprovedCustomer.<ApprovedCustomer> findByIdOptional(id).orElseThrow(NotFoundException::new);
        return Templates.form(c, CustomerForm.of(c), FormErrors.none(), "/customers/" + id, CustomerStatus.values())
                .data("navSection", "customers");
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response update(@PathParam("id") long id, @BeanParam CustomerForm form) {
        ApprovedCustomer c = ApprovedCustomer.<ApprovedCustomer> findByIdOptional(id).orElseThrow(NotFoundException::new);
        try {
            customers.update(id, form);
            return Response.seeOther(URI.create("/customers/" + id + "?saved=1")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.form(c, form, e.errors(), "/customers/" + id, CustomerStatus.values())
                    .data("navSection", "customers")).build();
        }
    }

    static List<HistoryRow> history(Long customerId) {
        List<CustomerHistoryEntry> entries = CustomerHistoryEntry.of(customerId);
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> now = parse(entries.get(i).state);
            Map<String, Object> before = i + 1 < entries.size() ? parse(entries.get(i + 1).state) : null;
            List<String> changes = new ArrayList<>();
            if (before == null) {
                changes.add("Added to the register");
            } else {
                for (String k : now.keySet()) {
                    if (!k.equals("id") && !Objects.equals(now.get(k), before.get(k))) {
                        changes.add(k + ": " + Objects.toString(before.get(k), "—") + " → " + Objects.toString(now.get(k), "—"));
                    }
                }
            }
            rows.add(new HistoryRow(entries.get(i), changes));
        }
        return rows;
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            return Map.of();
        }
    }
}
