package gov.exports.portal.licence;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationSnapshot;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A licence: printable page and PDF, for officials and the licensee organisation (404 for anyone else). */
@Path("/licences")
@Authenticated
public class LicenceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Licence licence, Application app, ApplicationSnapshot snapshot, boolean official,
                String notice);
    }

    @Inject
    LicenceService licences;

    @Inject
    ApplicationService applications;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{id: [0-9]+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("notice") String notice) {
        Licence l = licences.visible(id);
        Application app = Application.findById(l.applicationId);
        boolean official = currentUser.isOfficer();
        return Templates.show(l, app, applications.snapshotOf(app), official, notice).data("navSection", official ? "review" : "vendor");
    }

    @GET
    @Path("{id: [0-9]+}.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        Licence l = licences.visible(id);
        Application app = Application.findById(l.applicationId);
        String verifyUrl = uri.getBaseUriBuilder().path("verify").queryParam("number", l.number).build().toString();
        byte[] pdf = LicencePdf.render(l, app.reference, applications.snapshotOf(app), verifyUrl);
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"" + l.number + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
