package gov.exports.portal.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A decision letter: for the vendor organisation it was sent to, and for officials. */
@Path("/applications/{id}/letters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
public class DecisionLetterResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letter(Application app, DecisionLetter letter, boolean official);
    }

    @Inject
    ApplicationService applications;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{letterId}")
    public TemplateInstance letter(@PathParam("id") long id, @PathParam("letterId") long letterId) {
        boolean official = currentUser.isOfficer();
        Application app = official ? applications.submittedForOfficial(id) : applications.own(id);
        DecisionLetter l = DecisionLetter.<DecisionLetter> find("id = ?1 and applicationId = ?2", letterId, app.id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        return Templates.letter(app, l, official).data("navSection", official ? "review" : "vendor");
    }
}
