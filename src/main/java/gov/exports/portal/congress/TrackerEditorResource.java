package gov.exports.portal.congress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The congressional affairs staff's landing page: curation of the public bill tracker. */
@Path("/tracker")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.TRACKER_EDITOR)
public class TrackerEditorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home().data("navSection", "tracker");
    }
}
