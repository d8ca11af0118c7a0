package gov.exports.portal.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Read-only view of the licence policy versions and the one in force today. */
@Path("/policy")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.VENDOR, Roles.VENDOR_ADMIN, Roles.OFFICER, Roles.SENIOR_OFFICER })
public class PolicyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PolicyVersion> versions, PolicyVersion inForce, LocalDate today,
                List<PolicyVersion> drafts);

        static native TemplateInstance form(PolicyForm form, gov.exports.portal.web.FormErrors errors,
                List<Certification> certifications);

        static native TemplateInstance draft(PolicyImpact.Report report);

        static native TemplateInstance discard(PolicyVersion d, String action);
    }

    @Inject
    PolicyEditor editor;

    @Inject
    PolicyImpact impact;

    @Inject
    gov.exports.portal.account.CurrentUser currentUser;

    @Inject
    PolicyService policies;

    @GET
    public TemplateInstance list() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Templates.list(PolicyVersion.newestFirst(), policies.inForceOn(today).orElse(null), today,
                currentUser.isSeniorOfficer() ? PolicyVersion.drafts() : List.of())
                .data("navSection", "policy");
    }

    /** A new draft starts as a copy of the policy in force. */
    @GET
    @Path("new")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance newDraft() {
        return Templates.form(PolicyForm.from(policies.inForceToday().orElse(null)), gov.exports.portal.web.FormErrors.none(),
                List.of(Certification.values())).data("navSection", "policy");
    }

    @POST
    @Path("drafts")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public jakarta.ws.rs.core.Response createDraft(@jakarta.ws.rs.BeanParam PolicyForm form) {
        try {
            PolicyVersion draft = editor.createDraft(form);
            return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/policy/drafts/" + draft.id)).build();
        } catch (gov.exports.portal.web.FormValidationException e) {
            return jakarta.ws.rs.core.Response.status(400)
                    .entity(Templates.form(form, e.errors(), List.of(Certification.values())).data("navSection", "policy")).build();
        }
    }

    /** The draft and what it would change for open applications, before anyone publishes it. */
    @GET
    @Path("drafts/{id}")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance draft(@jakarta.ws.rs.PathParam("id") long id) {
        return Templates.draft(impact.of(editor.findDraft(id))).data("navSection", "policy");
    }

    @POST
    @Path("drafts/{id}/publish")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public jakarta.ws.rs.core.Response publish(@jakarta.ws.rs.PathParam("id") long id,
            @org.jboss.resteasy.reactive.RestForm int version) {
        editor.publish(id, version);
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/policy")).build();
    }

    /** Discarding asks first, on a page of its own (works without JavaScript). */
    @GET
    @Path("drafts/{id}/discard")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance confirmDiscard(@jakarta.ws.rs.PathParam("id") long id) {
        return Templates.discard(editor.findDraft(id), "/policy/drafts/" + id + "/discard").data("navSection", "policy");
    }

    @POST
    @Path("drafts/{id}/discard")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public jakarta.ws.rs.core.Response discard(@jakarta.ws.rs.PathParam("id") long id,
            @org.jboss.resteasy.reactive.RestForm int version) {
        editor.discard(id, version);
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/policy")).build();
    }
}
