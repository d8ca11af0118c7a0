package gov.exports.portal.licence;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import gov.exports.portal.policy.PolicyService;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.policy.Product;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The China/US shipment ratio against the policy cap: vendors see their own and declare US shipments; officials see all. */
@Path("/licences/shipment-ratio")
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
public class ShipmentRatioResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ratio(List<ShipmentRatios.Row> rows, boolean official, PolicyVersion policy,
                List<Product> products, List<RevenueShare.Quarter> quarters, ShipmentRatios.DeclarationForm form, FormErrors errors,
                List<ShipmentRatios.Entry> history, String notice);
    }

    @Inject
    ShipmentRatios ratios;

    @Inject
    PolicyService policies;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("notice") String notice) {
        return page(ShipmentRatios.DeclarationForm.empty(), FormErrors.none(), notice);
    }

    private TemplateInstance page(ShipmentRatios.DeclarationForm form, FormErrors errors, String notice) {
        boolean official = currentUser.isOfficer();
        Long org = null;
        if (!official) {
            if (currentUser.organisation() == null) {
                throw new ForbiddenException();
            }
            org = currentUser.organisation().id;
        }
        List<Product> products = official ? List.of() : ratios.declarableProducts(org);
        return Templates.ratio(ratios.rows(org), official, policies.inForceToday().orElse(null), products,
                ShipmentRatios.declarableQuarters(), form, errors, ratios.history(org), notice).data("navSection", "licences");
    }

    @POST
    @Path("us-shipments")
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN })
    @Produces(MediaType.TEXT_HTML)
    public Response declare(@RestForm String productId, @RestForm String quarter, @RestForm String quantity, @RestForm String attestation,
            @RestForm String reason) {
        ShipmentRatios.DeclarationForm form = new ShipmentRatios.DeclarationForm(productId, quarter, quantity, attestation, reason);
        try {
            ratios.declare(form);
            return Response.seeOther(URI.create("/licences/shipment-ratio?notice=declared")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(page(form, e.errors(), null)).build();
        }
    }
}
