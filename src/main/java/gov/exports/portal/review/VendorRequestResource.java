package gov.exports.portal.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import gov.exports.portal.account.Roles;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The vendor's side of an information request: read the question, answer with text and PDFs. */
@Path("/applications/{id}/information-requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
public class VendorRequestResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(Application app, InformationRequest request, String answer, FormErrors errors);
    }

    @Inject
    ApplicationService applications;

    @Inject
    ReviewService review;

    @GET
    @Path("{requestId}")
    public TemplateInstance show(@PathParam("id") long id, @PathParam("requestId") long requestId) {
        Application app = applications.own(id);
        return Templates.request(app, requestOf(app, requestId), null, FormErrors.none()).data("navSection", "vendor");
    }

    @POST
    @Path("{requestId}/answer")
    public Response answer(@PathParam("id") long id, @PathParam("requestId") long requestId, @RestForm String version,
            @RestForm String answer, @RestForm("file") List<FileUpload> files) {
        Application app = applications.own(id);
        InformationRequest r = requestOf(app, requestId);
        List<ReviewService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (FileUpload f : files) {
                if (f != null && f.uploadedFile() != null && f.size() > 0) {
                    uploads.add(new ReviewService.Upload(f.fileName(), read(f)));
                }
            }
        }
        try {
            review.answer(id, requestId, version, answer, uploads);
            return Response.seeOther(URI.create("/applications/" + id + "/information-requests/" + requestId)).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.request(app, r, answer, e.errors()).data("navSection", "vendor")).build();
        }
    }

    @GET
    @Path("{requestId}/documents/{documentId}")
    @Produces("application/pdf")
    public Response document(@PathParam("id") long id, @PathParam("requestId") long requestId, @PathParam("documentId") long documentId) {
        return download(applications.own(id), requestId, documentId);
    }

    static InformationRequest requestOf(Application app, long requestId) {
        return InformationRequest.<InformationRequest> find("id = ?1 and applicationId = ?2", requestId, app.id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }

    static Response download(Application app, long requestId, long documentId) {
        InformationRequest r = requestOf(app, requestId);
        InformationRequestDocument d = InformationRequestDocument.<InformationRequestDocument> find("id = ?1 and requestId = ?2",
                documentId, r.id).firstResultOptional().orElseThrow(NotFoundException::new);
        return Response.ok(d.content, "application/pdf")
                .header("Content-Disposition", gov.exports.portal.web.PdfFiles.contentDisposition(d.fileName))
                .header("Cache-Control", "private, no-store").header("X-Content-SHA256", d.sha256).build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
