package gov.exports.portal.licence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The shipment ledger of a licence: vendors report and correct, officials read; certificates download. */
@Path("/licences")
@Authenticated
public class ShipmentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance shipments(Licence licence, List<Shipment> ledger, boolean canReport,
                ShipmentService.ShipmentForm form, FormErrors errors, String notice, List<ShipmentRatios.Row> ratios);

        static native TemplateInstance correction(Licence licence, Shipment original, ShipmentService.ShipmentForm form,
                FormErrors errors);
    }

    @Inject
    ShipmentService shipments;

    @Inject
    LicenceService licences;

    @Inject
    CurrentUser currentUser;

    @Inject
    ShipmentRatios ratios;

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
    @Path("{id}/shipments")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance ledger(@PathParam("id") long id, @QueryParam("notice") String notice) {
        return ledgerPage(id, ShipmentService.ShipmentForm.empty(), FormErrors.none(), notice);
    }

    TemplateInstance ledgerPage(long id, ShipmentService.ShipmentForm form, FormErrors errors, String notice) {
        Licence l = licences.visible(id);
        boolean canReport = currentUser.organisation() != null && l.status == LicenceStatus.ACTIVE;
        return Templates.shipments(l, Shipment.ofLicence(l.id), canReport, form, errors, notice, ratios.rowsOf(l))
                .data("navSection", "licences");
    }

    @POST
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
    @Path("{id}/shipments")
    @Produces(MediaType.TEXT_HTML)
    public Response report(@PathParam("id") long id, @RestForm String lineId, @RestForm String shippedOn, @RestForm String quantity,
            @RestForm String value, @RestForm String consignee, @RestForm String carrierReference,
            @RestForm("certificate") FileUpload certificate) {
        ShipmentService.ShipmentForm form = new ShipmentService.ShipmentForm(lineId, shippedOn, quantity, value, consignee,
                carrierReference, null);
        try {
            shipments.report(id, form, certificate == null || certificate.uploadedFile() == null ? null
                    : new ShipmentService.Certificate(certificate.fileName(), read(certificate)));
            return Response.seeOther(URI.create("/licences/" + id + "/shipments?notice=reported")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(ledgerPage(id, form, e.errors(), null)).build();
        }
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
    @Path("{id}/shipments/{shipmentId}/correction")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance correctionForm(@PathParam("id") long id, @PathParam("shipmentId") long shipmentId) {
        Shipment s = ownEntry(id, shipmentId);
        return correctionPage(id, s, new ShipmentService.ShipmentForm(null, s.shippedOn.toString(), String.valueOf(s.quantity),
                s.valueUsd.toPlainString(), s.consignee, s.carrierReference, null), FormErrors.none());
    }

    @POST
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
    @Path("{id}/shipments/{shipmentId}/correction")
    @Produces(MediaType.TEXT_HTML)
    public Response correct(@PathParam("id") long id, @PathParam("shipmentId") long shipmentId, @RestForm String shippedOn,
            @RestForm String quantity, @RestForm String value, @RestForm String consignee, @RestForm String carrierReference,
            @RestForm String reason) {
        ShipmentService.ShipmentForm form = new ShipmentService.ShipmentForm(null, shippedOn, quantity, value, consignee,
                carrierReference, reason);
        try {
            shipments.correct(id, shipmentId, form);
            return Response.seeOther(URI.create("/licences/" + id + "/shipments?notice=corrected")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(correctionPage(id, ownEntry(id, shipmentId), form, e.errors())).build();
        }
    }

    private Shipment ownEntry(long id, long shipmentId) {
        if (currentUser.organisation() == null) {
            throw new NotFoundException();
        }
        return shipments.certificateOf(id, shipmentId);
    }

    private TemplateInstance correctionPage(long id, Shipment original, ShipmentService.ShipmentForm form, FormErrors errors) {
        return Templates.correction(licences.visible(id), original, form, errors).data("navSection", "licences");
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
    @Path("{id}/shipments/{shipmentId}/certificate")
    @Produces("application/pdf")
    public Response certificate(@PathParam("id") long id, @PathParam("shipmentId") long shipmentId) {
        Shipment s = shipments.certificateOf(id, shipmentId);
        return Response.ok(s.certificate, "application/pdf")
                .header("Content-Disposition", gov.exports.portal.web.PdfFiles.contentDisposition(s.certificateName))
                .header("Cache-Control", "private, no-store").build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
