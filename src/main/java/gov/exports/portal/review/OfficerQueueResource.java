package gov.exports.portal.review;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Organisation;
import gov.exports.portal.account.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The licensing officers' landing page: review queues. */
@Path("/officer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
public class OfficerQueueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<Organisation> vendors);
    }

    @GET
    public TemplateInstance queue() {
        return Templates.queue(Organisation.listAll(io.quarkus.panache.common.Sort.by("legalName")))
                .data("navSection", "officer");
    }
}
