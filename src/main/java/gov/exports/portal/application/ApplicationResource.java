package gov.exports.portal.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

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

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import gov.exports.portal.application.DraftForms.CertificationForm;
import gov.exports.portal.application.DraftForms.EndUseForm;
import gov.exports.portal.application.DraftForms.LineForm;
import gov.exports.portal.application.DraftForms.PartyForm;
import gov.exports.portal.customer.ApprovedCustomer;
import gov.exports.portal.policy.PolicyCheck;
import gov.exports.portal.policy.PolicyService;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.policy.Product;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The vendor's application pages: the task-list wizard of a draft, check your answers and submit, and the page of
 * a submitted application. Every id is looked up within the caller's organisation (404 otherwise).
 */
@Path("/applications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
public class ApplicationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance taskList(Application app, TaskList tasks, String notice);

        static native TemplateInstance show(Application app, ApplicationSnapshot snapshot, PolicyCheck.Result precheck,
                List<ApplicationEvent> events, List<ApplicationEvent> messages, String notice);

        static native TemplateInstance products(Application app, List<ApplicationLine> lines, List<Product> products,
                PolicyCheck.Result check, LineForm form, FormErrors errors);

        static native TemplateInstance party(Application app, PartyRole role, List<ApprovedCustomer> customers,
                boolean hasConsignee, PartyForm form, FormErrors errors);

        static native TemplateInstance intermediaries(Application app, List<ApplicationParty> intermediaries, PartyForm form,
                FormErrors errors);

        static native TemplateInstance endUse(Application app, EndUseForm form, FormErrors errors);

        static native TemplateInstance certifications(Application app, PolicyVersion policy, CertificationForm form,
                FormErrors errors);

        static native TemplateInstance documents(Application app, List<ApplicationDocument> documents, String maxSize,
                FormErrors errors);

        static native TemplateInstance check(Application app, TaskList tasks, List<ApplicationLine> lines,
                List<ApplicationParty> parties, List<String> certifications, List<ApplicationDocument> documents,
                PolicyVersion policy, PolicyCheck.Result check, FormErrors errors);

        static native TemplateInstance withdraw(Application app, FormErrors errors);

        static native TemplateInstance delete(Application app);

        static native TemplateInstance confirmRemove(Application app, String heading, String consequence, String action, String back,
                String section);
    }

    @Inject
    ApplicationService applications;

    @Inject
    PolicyService policies;

    @Inject
    CurrentUser currentUser;

    // ---- the application --------------------------------------------------------------------------------------

    @POST
    public Response create() {
        Application app = applications.create();
        return see("/applications/" + app.id);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("notice") String notice) {
        Application app = applications.own(id);
        if (app.isDraft()) {
            return Templates.taskList(app, applications.progress(app), notice).data("navSection", "vendor");
        }
        return Templates.show(app, applications.snapshotOf(app), applications.precheckOf(app), ApplicationEvent.of(app.id),
                ApplicationEvent.messagesOf(app.id), notice).data("navSection", "vendor");
    }

    @POST
    @Path("{id}/copy")
    public Response copy(@PathParam("id") long id) {
        Application copy = applications.copy(id);
        return see("/applications/" + copy.id + "?notice=copied");
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        Application app = applications.own(id);
        if (!app.isDraft()) {
            throw new NotFoundException();
        }
        return Templates.delete(app).data("navSection", "vendor");
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id, @RestForm String version) {
        applications.delete(id, version);
        return see("/vendor?notice=deleted");
    }

    // ---- products -----------------------------------------------------------------------------------------------

    @GET
    @Path("{id}/products")
    public Response products(@PathParam("id") long id) {
        return draftPage(id, app -> {
            LineForm form = new LineForm();
            form.version = String.valueOf(app.version);
            return productsPage(app, form, FormErrors.none());
        });
    }

    @POST
    @Path("{id}/products")
    public Response addLine(@PathParam("id") long id, @BeanParam LineForm form) {
        try {
            applications.addLine(id, form);
            return see("/applications/" + id + "/products");
        } catch (FormValidationException e) {
            Application app = applications.own(id);
            return Response.status(400).entity(productsPage(app, form, e.errors())).build();
        }
    }

    /** Removing anything from a draft asks first (no JavaScript needed): this page, then the POST below. */
    @GET
    @Path("{id}/products/{lineId}/remove")
    public Response confirmRemoveLine(@PathParam("id") long id, @PathParam("lineId") long lineId) {
        return draftPage(id, app -> {
            ApplicationLine line = ApplicationLine.<ApplicationLine> find("id = ?1 and application = ?2", lineId, app).firstResultOptional()
                    .orElseThrow(NotFoundException::new);
            String what = line.product.maker + " " + line.product.model;
            return Templates.confirmRemove(app, "Remove the " + what + " line from " + app.getTitle() + "?",
                    "The line of " + line.quantity + " " + what + " units will be taken off the draft. You can add it again later.",
                    ApplicationPaths.path(app, "products", lineId, "remove"), "/applications/" + id + "/products", "Products").data("navSection", "vendor");
        });
    }

    @POST
    @Path("{id}/products/{lineId}/remove")
    public Response removeLine(@PathParam("id") long id, @PathParam("lineId") long lineId, @RestForm String version) {
        applications.removeLine(id, lineId, version);
        return see("/applications/" + id + "/products");
    }

    TemplateInstance productsPage(Application app, LineForm form, FormErrors errors) {
        return Templates.products(app, ApplicationLine.of(app), Product.selectable(), applications.livePrecheck(app), form, errors)
                .data("navSection", "vendor");
    }

    // ---- parties ------------------------------------------------------------------------------------------------

    @GET
    @Path("{id}/parties/{role}")
    public Response party(@PathParam("id") long id, @PathParam("role") String roleSlug) {
        PartyRole role = partyRole(roleSlug);
        return draftPage(id,
                app -> partyPage(app, role, PartyForm.of(ApplicationParty.find(app, role), app.version), FormErrors.none()));
    }

    @POST
    @Path("{id}/parties/{role}")
    public Response saveParty(@PathParam("id") long id, @PathParam("role") String roleSlug, @BeanParam PartyForm form) {
        PartyRole role = partyRole(roleSlug);
        try {
            applications.saveParty(id, role, form);
            return see(role == PartyRole.ULTIMATE_CONSIGNEE ? "/applications/" + id + "/parties/end-user" : "/applications/" + id);
        } catch (FormValidationException e) {
            Application app = applications.own(id);
            return Response.status(400).entity(partyPage(app, role, form, e.errors())).build();
        }
    }

    TemplateInstance partyPage(Application app, PartyRole role, PartyForm form, FormErrors errors) {
        return Templates.party(app, role, ApprovedCustomer.selectable(LocalDate.now(ZoneOffset.UTC)),
                ApplicationParty.find(app, PartyRole.ULTIMATE_CONSIGNEE) != null, form, errors).data("navSection", "vendor");
    }

    static PartyRole partyRole(String slug) {
        PartyRole role = PartyRole.fromSlug(slug);
        if (role == null || role == PartyRole.INTERMEDIATE_CONSIGNEE) {
            throw new NotFoundException();
        }
        return role;
    }

    @GET
    @Path("{id}/intermediaries")
    public Response intermediaries(@PathParam("id") long id) {
        return draftPage(id, app -> intermediariesPage(app, PartyForm.of(null, app.version), FormErrors.none()));
    }

    /** "Add" adds the intermediary in the form; "done" confirms the list (possibly empty) is complete. */
    @POST
    @Path("{id}/intermediaries")
    public Response saveIntermediaries(@PathParam("id") long id, @RestForm String action, @BeanParam PartyForm form) {
        try {
            if ("done".equals(action)) {
                applications.confirmIntermediaries(id, form.version);
                return see("/applications/" + id);
            }
            applications.addIntermediary(id, form);
            return see("/applications/" + id + "/intermediaries");
        } catch (FormValidationException e) {
            Application app = applications.own(id);
            return Response.status(400).entity(intermediariesPage(app, form, e.errors())).build();
        }
    }

    @GET
    @Path("{id}/intermediaries/{partyId}/remove")
    public Response confirmRemoveIntermediary(@PathParam("id") long id, @PathParam("partyId") long partyId) {
        return draftPage(id, app -> {
            ApplicationParty party = ApplicationParty.<ApplicationParty> find("id = ?1 and application = ?2 and role = ?3", partyId, app,
                    PartyRole.INTERMEDIATE_CONSIGNEE).firstResultOptional().orElseThrow(NotFoundException::new);
            return Templates.confirmRemove(app, "Remove " + party.name + " from " + app.getTitle() + "?",
                    party.name + " will no longer be listed as an intermediate consignee of this draft. You can add it again later.",
                    ApplicationPaths.path(app, "intermediaries", partyId, "remove"), "/applications/" + id + "/intermediaries", "Intermediate consignees")
                    .data("navSection", "vendor");
        });
    }

    @POST
    @Path("{id}/intermediaries/{partyId}/remove")
    public Response removeIntermediary(@PathParam("id") long id, @PathParam("partyId") long partyId, @RestForm String version) {
        applications.removeIntermediary(id, partyId, version);
        return see("/applications/" + id + "/intermediaries");
    }

    TemplateInstance intermediariesPage(Application app, PartyForm form, FormErrors errors) {
        List<ApplicationParty> list = ApplicationParty.<ApplicationParty> list("application = ?1 and role = ?2 order by id", app,
                PartyRole.INTERMEDIATE_CONSIGNEE);
        return Templates.intermediaries(app, list, form, errors).data("navSection", "vendor");
    }

    // ---- end use ------------------------------------------------------------------------------------------------

    @GET
    @Path("{id}/end-use")
    public Response endUse(@PathParam("id") long id) {
        return draftPage(id, app -> Templates.endUse(app, EndUseForm.of(app), FormErrors.none()).data("navSection", "vendor"));
    }

    @POST
    @Path("{id}/end-use")
    public Response saveEndUse(@PathParam("id") long id, @BeanParam EndUseForm form) {
        try {
            applications.saveEndUse(id, form);
            return see("/applications/" + id);
        } catch (FormValidationException e) {
            Application app = applications.own(id);
            return Response.status(400).entity(Templates.endUse(app, form, e.errors()).data("navSection", "vendor")).build();
        }
    }

    // ---- certifications -----------------------------------------------------------------------------------------

    @GET
    @Path("{id}/certifications")
    public Response certifications(@PathParam("id") long id) {
        return draftPage(id, app -> {
            CertificationForm form = new CertificationForm();
            form.certification = applications.certificationCodes(app);
            form.shipmentRatioPercent = app.getShipmentRatioPercent();
            form.version = String.valueOf(app.version);
            return Templates.certifications(app, policies.inForceToday().orElse(null), form, FormErrors.none())
                    .data("navSection", "vendor");
        });
    }

    @POST
    @Path("{id}/certifications")
    public Response saveCertifications(@PathParam("id") long id, @BeanParam CertificationForm form) {
        try {
            applications.saveCertifications(id, form);
            return see("/applications/" + id);
        } catch (FormValidationException e) {
            Application app = applications.own(id);
            return Response.status(400).entity(Templates.certifications(app, policies.inForceToday().orElse(null), form, e.errors())
                    .data("navSection", "vendor")).build();
        }
    }

    // ---- documents ----------------------------------------------------------------------------------------------

    @GET
    @Path("{id}/documents")
    public Response documents(@PathParam("id") long id) {
        return draftPage(id, app -> documentsPage(app, FormErrors.none()));
    }

    @POST
    @Path("{id}/documents")
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file, @RestForm String version) {
        try {
            byte[] content = file == null || file.uploadedFile() == null ? null : read(file);
            applications.addDocument(id, version, file == null ? null : file.fileName(), content);
            return see("/applications/" + id + "/documents");
        } catch (FormValidationException e) {
            Application app = applications.own(id);
            return Response.status(400).entity(documentsPage(app, e.errors())).build();
        }
    }

    @GET
    @Path("{id}/documents/{documentId}/remove")
    public Response confirmRemoveDocument(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        return draftPage(id, app -> {
            ApplicationDocument d = ApplicationDocument.<ApplicationDocument> find("id = ?1 and application = ?2", documentId, app)
                    .firstResultOptional().orElseThrow(NotFoundException::new);
            return Templates.confirmRemove(app, "Remove " + d.fileName + " from " + app.getTitle() + "?",
                    "The file " + d.fileName + " will be deleted from the draft and officials will not see it. This cannot be undone, "
                            + "but you can upload the file again.",
                    ApplicationPaths.path(app, "documents", documentId, "remove"), "/applications/" + id + "/documents", "Supporting documents")
                    .data("navSection", "vendor");
        });
    }

    @POST
    @Path("{id}/documents/{documentId}/remove")
    public Response removeDocument(@PathParam("id") long id, @PathParam("documentId") long documentId, @RestForm String version) {
        applications.removeDocument(id, documentId, version);
        return see("/applications/" + id + "/documents");
    }

    /** The owning organisation and officials may download; anyone else gets 404, as if the document did not exist. */
    @GET
    @Path("{id}/documents/{documentId}")
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
    @Produces("application/pdf")
    public Response download(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        Application app = currentUser.isOfficer() ? applications.submittedForOfficial(id) : applications.own(id);
        ApplicationDocument d = ApplicationDocument.<ApplicationDocument> find("id = ?1 and application = ?2", documentId, app)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        return Response.ok(d.content, "application/pdf")
                .header("Content-Disposition", gov.exports.portal.web.PdfFiles.contentDisposition(d.fileName))
                .header("Content-Length", d.sizeBytes)
                .header("Cache-Control", "private, no-store")
                .header("X-Content-SHA256", d.sha256)
                .build();
    }


    TemplateInstance documentsPage(Application app, FormErrors errors) {
        return Templates.documents(app, ApplicationDocument.of(app), applications.maxDocumentBytes() / (1024 * 1024) + " MB",
                errors).data("navSection", "vendor");
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- check your answers and submit ---------------------------------------------------------------------------

    @GET
    @Path("{id}/check")
    public Response check(@PathParam("id") long id) {
        return draftPage(id, app -> checkPage(app, FormErrors.none()));
    }

    @POST
    @Path("{id}/submit")
    public Response submit(@PathParam("id") long id, @RestForm String version) {
        try {
            ApplicationService.SubmitResult r = applications.submit(id, version);
            return see("/applications/" + id + "?notice=" + (r.alreadySubmitted() ? "already-submitted" : "submitted"));
        } catch (FormValidationException e) {
            return Response.status(400).entity(checkPage(applications.own(id), e.errors())).build();
        }
    }

    TemplateInstance checkPage(Application app, FormErrors errors) {
        return Templates.check(app, applications.progress(app), ApplicationLine.of(app), ApplicationParty.of(app),
                applications.certificationCodes(app), ApplicationDocument.of(app), policies.inForceToday().orElse(null),
                applications.livePrecheck(app), errors).data("navSection", "vendor");
    }

    // ---- withdraw -----------------------------------------------------------------------------------------------

    @GET
    @Path("{id}/withdraw")
    public TemplateInstance confirmWithdraw(@PathParam("id") long id) {
        Application app = applications.own(id);
        return Templates.withdraw(app, FormErrors.none()).data("navSection", "vendor");
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdraw(@PathParam("id") long id, @RestForm String version, @RestForm String reason) {
        try {
            applications.withdraw(id, version, reason);
            return see("/applications/" + id + "?notice=withdrawn");
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.withdraw(applications.own(id), e.errors()).data("navSection", "vendor")).build();
        }
    }

    /** A wizard page of a draft; once submitted, the wizard's pages lead back to the application page. */
    Response draftPage(long id, Function<Application, TemplateInstance> page) {
        Application app = applications.own(id);
        return app.isDraft() ? Response.ok(page.apply(app)).build() : see("/applications/" + id);
    }

    static Response see(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
