package gov.exports.portal.policy;

import java.net.URI;
import java.util.List;

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

import gov.exports.portal.account.Roles;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The product catalogue: read by vendors and officials, maintained by senior officers. */
@Path("/products")
@Produces(MediaType.TEXT_HTML)
public class ProductResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Product> products, String saved);

        static native TemplateInstance form(Product product, ProductForm form, FormErrors errors, String action);
    }

    @Inject
    ProductService products;

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.list(Product.catalogue(), saved).data("navSection", "products");
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance newForm() {
        return Templates.form(null, ProductForm.blank(), FormErrors.none(), "/products").data("navSection", "products");
    }

    @POST
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response create(@BeanParam ProductForm form) {
        try {
            Product p = products.create(form);
            return Response.seeOther(URI.create("/products?saved=" + p.id)).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.form(null, form, e.errors(), "/products").data("navSection", "products")).build();
        }
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance edit(@PathParam("id") long id) {
        Product p = Product.<Product> findByIdOptional(id).orElseThrow(NotFoundException::new);
        return Templates.form(p, ProductForm.of(p), FormErrors.none(), "/products/" + id).data("navSection", "products");
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response update(@PathParam("id") long id, @BeanParam ProductForm form) {
        Product p = Product.<Product> findByIdOptional(id).orElseThrow(NotFoundException::new);
        try {
            products.update(id, form);
            return Response.seeOther(URI.create("/products?saved=" + id)).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(Templates.form(p, form, e.errors(), "/products/" + id).data("navSection", "products")).build();
        }
    }
}
