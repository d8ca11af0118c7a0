package gov.exports.portal.congress;

import gov.exports.portal.web.FormErrors;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The congressional affairs staff's pages: import bill and member data, choose what is tracked, tag and explain bills. */
@Path("/tracker")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TRACKER_EDITOR)
public class TrackerEditorResource {

    static final int BILLS_SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Bill> bills, long totalBills, String q, List<BillImport> imports, FormErrors errors,
                boolean apiRefresh);

        static native TemplateInstance importResult(BillImport record);

        static native TemplateInstance curate(Bill bill, BillCurationService.Curation form, FormErrors errors,
                List<String> commonCountries, boolean saved, boolean apiRefresh, List<gov.exports.portal.policy.PolicyVersion> policies,
                String linkedPolicy);
    }

    static List<gov.exports.portal.policy.PolicyVersion> policyChoices() {
        return gov.exports.portal.policy.PolicyVersion.listAll(io.quarkus.panache.common.Sort.descending("effectiveFrom"));
    }

    static String linkedPolicy(Bill b) {
        return b.policyVersion == null ? "" : b.policyVersion.code;
    }

    @Inject
    BillImportService importer;

    @Inject
    BillCurationService curation;

    @Inject
    CurrentUser currentUser;

    @Inject
    CongressApiConfig apiConfig;

    @Inject
    BillQueries queries;

    @Inject
    TrackedBillRefresher refresher;

    @GET
    @Transactional
    public TemplateInstance home(@jakarta.ws.rs.QueryParam("q") String q) {
        return homePage(new FormErrors(), q);
    }

    private TemplateInstance homePage(FormErrors errors, String q) {
        String query = q == null || q.isBlank() ? null : SourceText.abbreviate(q.strip(), 200);
        List<Bill> bills = query == null
                ? Bill.find("select b from Bill b left join fetch b.sponsor order by b.tracked desc, b.latestActionDate desc nulls last, b.id desc")
                        .page(0, BILLS_SHOWN).list()
                : queries.editorSearch(query, BILLS_SHOWN);
        List<BillImport> imports = BillImport.findAll(Sort.descending("id")).page(0, 15).list();
        return Templates.home(bills, Bill.count(), query, imports, errors, apiConfig.apiKey().isPresent()).data("navSection", "tracker");
    }

    @POST
    @Path("imports")
    // urlencoded too, so a post without a file gets the form back with an error rather than 415
    @Consumes({ MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED })
    public Response upload(@RestForm("file") FileUpload file, @RestForm("track") String track) {
        if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
            return Response.status(400).entity(render(new FormErrors().add("file", "Choose a file to import"))).build();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            return Response.status(400).entity(render(new FormErrors().add("file", "The file could not be read; try again"))).build();
        }
        try {
            ImportOutcome out = importer.importFile(file.fileName(), content, BillImport.SourceKind.UPLOAD, "true".equals(track),
                    Actor.of(currentUser));
            return Response.seeOther(URI.create("/tracker/imports/" + out.importId)).build();
        } catch (ImportRefusedException e) {
            return Response.status(400).entity(render(new FormErrors().add("file", e.getMessage()))).build();
        }
    }

    String render(FormErrors errors) {
        return QuarkusTx.read(() -> homePage(errors, null).render());
    }

    @GET
    @Path("imports/{id}")
    @Transactional
    public TemplateInstance importResult(@PathParam("id") long id) {
        BillImport r = BillImport.findById(id);
        if (r == null) {
            throw new NotFoundException();
        }
        return Templates.importResult(r).data("navSection", "tracker");
    }

    @GET
    @Path("bills/{congress}/{type}/{number}")
    @Transactional
    public TemplateInstance curateForm(@PathParam("congress") int congress, @PathParam("type") String type,
            @PathParam("number") int number, @jakarta.ws.rs.QueryParam("saved") String saved) {
        Bill b = anyBill(congress, type, number);
        return Templates.curate(b, BillCurationService.of(b), new FormErrors(), BillCurationService.COMMON_COUNTRIES,
                "1".equals(saved), apiConfig.apiKey().isPresent(), policyChoices(), linkedPolicy(b))
                .data("navSection", "tracker");
    }

    @POST
    @Path("bills/{congress}/{type}/{number}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response curate(@PathParam("congress") int congress, @PathParam("type") String type, @PathParam("number") int number,
            @RestForm("tracked") String tracked, @RestForm("topics") String topics, @RestForm("countries") List<String> countries,
            @RestForm("otherCountries") String otherCountries, @RestForm("plainSummary") String plainSummary,
            @RestForm("version") String version) {
        Bill b = QuarkusTx.read(() -> anyBill(congress, type, number));
        BillCurationService.Curation form = new BillCurationService.Curation("true".equals(tracked), topics, countries, otherCountries,
                plainSummary, parseVersion(version));
        FormErrors errors = form.validate();
        if (errors.isAny()) {
            String page = QuarkusTx.read(() -> {
                Bill fresh = Bill.findById(b.id);
                return Templates.curate(fresh, form, errors, BillCurationService.COMMON_COUNTRIES, false,
                        apiConfig.apiKey().isPresent(), policyChoices(), linkedPolicy(fresh)).data("navSection", "tracker").render();
            });
            return Response.status(400).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        curation.save(b.id, form, Actor.of(currentUser));
        return Response.seeOther(URI.create("/tracker/bills/" + congress + "/" + b.billType + "/" + number + "?saved=1")).build();
    }

    @POST
    @Path("bills/{congress}/{type}/{number}/policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response linkPolicy(@PathParam("congress") int congress, @PathParam("type") String type, @PathParam("number") int number,
            @RestForm("policyCode") String policyCode, @RestForm("version") String version) {
        Bill b = QuarkusTx.read(() -> anyBill(congress, type, number));
        try {
            curation.linkPolicy(b.id, policyCode, parseVersion(version), Actor.of(currentUser));
        } catch (gov.exports.portal.web.FormValidationException e) {
            // the editor's choice is kept (shown as the selected option) next to the message
            String page = QuarkusTx.read(() -> {
                Bill fresh = Bill.findById(b.id);
                return Templates.curate(fresh, BillCurationService.of(fresh), e.errors(), BillCurationService.COMMON_COUNTRIES, false,
                        apiConfig.apiKey().isPresent(), policyChoices(), policyCode.strip()).data("navSection", "tracker").render();
            });
            return Response.status(400).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.seeOther(URI.create("/tracker/bills/" + congress + "/" + b.billType + "/" + number + "?saved=1")).build();
    }

    @POST
    @Path("bills/{congress}/{type}/{number}/tracking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tracking(@PathParam("congress") int congress, @PathParam("type") String type, @PathParam("number") int number,
            @RestForm("tracked") String tracked, @RestForm("version") String version) {
        Bill b = QuarkusTx.read(() -> anyBill(congress, type, number));
        if (!"true".equals(tracked) && !"false".equals(tracked)) {
            return Response.status(400).entity("Say whether the bill is tracked (true or false).").type(MediaType.TEXT_PLAIN).build();
        }
        curation.setTracked(b.id, Boolean.parseBoolean(tracked), parseVersion(version), Actor.of(currentUser));
        return Response.seeOther(URI.create("/tracker")).build();
    }

    /** Fetches a tracked bill again from congress.gov now (only when an API key is configured). */
    @POST
    @Path("bills/{congress}/{type}/{number}/refresh")
    public Response refresh(@PathParam("congress") int congress, @PathParam("type") String type, @PathParam("number") int number) {
        Bill b = QuarkusTx.read(() -> anyBill(congress, type, number));
        if (!refresher.configured()) {
            throw new gov.exports.portal.web.PortalConflictException("No congress.gov API key is configured "
                    + "(PORTAL_CONGRESS_API_KEY), so bills cannot be refreshed from congress.gov. Upload a file instead.");
        }
        ImportOutcome out;
        try {
            out = refresher.refresh(refresher.client(), b.congress, b.billType, b.number, Actor.of(currentUser));
        } catch (CongressApiClient.ApiException | ImportRefusedException e) {
            throw new gov.exports.portal.web.PortalConflictException("The refresh from congress.gov did not work: " + e.getMessage());
        }
        return Response.seeOther(URI.create("/tracker/imports/" + out.importId)).build();
    }

    static Bill anyBill(int congress, String type, int number) {
        String t = BillNumbers.normaliseType(type);
        if (t == null) {
            throw new NotFoundException();
        }
        return Bill.find(congress, t, number).orElseThrow(NotFoundException::new);
    }

    private static Integer parseVersion(String v) {
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
