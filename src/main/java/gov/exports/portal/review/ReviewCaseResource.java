package gov.exports.portal.review;

import java.net.URI;
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

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationEvent;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationSnapshot;
import gov.exports.portal.licence.Licence;
import gov.exports.portal.licence.LicenceService;
import gov.exports.portal.policy.PolicyCheck;
import gov.exports.portal.policy.PolicyService;
import gov.exports.portal.screening.PartyScreening;
import gov.exports.portal.screening.ScreeningService;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The officials' case page and every review action on it. Each action redirects back to the case (post/redirect/get). */
@Path("/review/cases")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
public class ReviewCaseResource {

    /** Everything the case page shows, read in one place. */
    public record CaseView(Application app, ReviewCase review, ReviewClock.Reading clock, List<ApplicationEvent> events,
            List<ApplicationEvent> messages, List<InternalNote> notes, List<InformationRequest> requests,
            List<ReviewDecision> decisions, ReviewDecision pending, List<DecisionLetter> letters, Licence licence,
            List<String> blockers, List<Official> officials, boolean assignedToMe, boolean mayCountersign, boolean recommendedByMe) {

        public InformationRequest getOpenRequest() {
            return requests.stream().filter(InformationRequest::isOpen).findFirst().orElse(null);
        }

        public boolean isOpen() {
            return ApplicationTransitions.isOpen(app.status);
        }

        public boolean isApproved() {
            return app.status == gov.exports.portal.application.ApplicationStatus.APPROVED
                    || app.status == gov.exports.portal.application.ApplicationStatus.APPROVED_WITH_CONDITIONS;
        }

        public boolean isUnderReview() {
            return app.status == gov.exports.portal.application.ApplicationStatus.UNDER_REVIEW;
        }

        public Recommendation[] getOutcomes() {
            return Recommendation.values();
        }

        public Rider[] getRiders() {
            return Rider.values();
        }

        public DenialReason[] getDenialReasons() {
            return DenialReason.values();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(CaseView view, Application app, ApplicationSnapshot snapshot, PolicyCheck.Result precheck,
                ReviewService.RecommendationForm rec, FormErrors errors, String notice, String question, String dueOn, String note,
                String message, String comment, List<PartyScreening.PartyResult> screening, ScreeningService.Clearance clearance,
                PolicyCheck.Result todayCheck);

        static native TemplateInstance issue(Application app, ApplicationSnapshot snapshot, ReviewDecision decision,
                LicenceService.IssueForm form, FormErrors errors, String revenueSharePercent);
    }

    @Inject
    PartyScreening partyScreening;

    @Inject
    PolicyService policies;

    @Inject
    ReviewService review;

    @Inject
    ApplicationService applications;

    @Inject
    LicenceService licences;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("notice") String notice) {
        review.rememberOfficial();
        Application app = review.application(id);
        return page(app, null, FormErrors.none(), notice, null, null, null, null, null);
    }

    @POST
    @Path("{id}/take")
    public Response take(@PathParam("id") long id, @RestForm String version) {
        review.take(id, version);
        return back(id, "taken");
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response assign(@PathParam("id") long id, @RestForm String version, @RestForm String assignee) {
        try {
            review.assign(id, version, assignee);
            return back(id, "assigned");
        } catch (FormValidationException e) {
            return invalid(id, e, null, null, null, null, null, null);
        }
    }

    @POST
    @Path("{id}/notes")
    public Response note(@PathParam("id") long id, @RestForm String note) {
        try {
            review.addNote(id, note);
            return back(id, "note");
        } catch (FormValidationException e) {
            return invalid(id, e, null, null, null, note, null, null);
        }
    }

    @POST
    @Path("{id}/messages")
    public Response message(@PathParam("id") long id, @RestForm String message) {
        review.application(id);
        try {
            applications.postOfficialMessage(id, message);
            return back(id, "message");
        } catch (FormValidationException e) {
            return invalid(id, e, null, null, null, null, message, null);
        }
    }

    @POST
    @Path("{id}/information-requests")
    public Response requestInformation(@PathParam("id") long id, @RestForm String version, @RestForm String question,
            @RestForm String dueOn) {
        try {
            review.requestInformation(id, version, question, dueOn);
            return back(id, "requested");
        } catch (FormValidationException e) {
            return invalid(id, e, null, question, dueOn, null, null, null);
        }
    }

    @POST
    @Path("{id}/recommendation")
    public Response recommend(@PathParam("id") long id, @RestForm String version, @RestForm String outcome,
            @RestForm List<String> condition, @RestForm String conditionText, @RestForm List<String> denialReason,
            @RestForm String reasons) {
        ReviewService.RecommendationForm form = new ReviewService.RecommendationForm(outcome, condition, conditionText, denialReason,
                reasons, version);
        try {
            review.recommend(id, form);
            return back(id, "recommended");
        } catch (FormValidationException e) {
            return invalid(id, e, form, null, null, null, null, null);
        }
    }

    @POST
    @Path("{id}/countersignature")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response countersign(@PathParam("id") long id, @RestForm String version, @RestForm String decision,
            @RestForm String comment) {
        review.application(id);
        if (!"agree".equals(decision) && !"send-back".equals(decision)) {
            return invalid(id, new FormValidationException(new FormErrors().add("decision", "Choose to agree or to send the case back")),
                    null, null, null, null, null, comment);
        }
        try {
            boolean agree = "agree".equals(decision);
            review.countersign(id, version, agree, comment);
            return back(id, agree ? "countersigned" : "sent-back");
        } catch (FormValidationException e) {
            return invalid(id, e, null, null, null, null, null, comment);
        }
    }

    @GET
    @Path("{id}/licence")
    public TemplateInstance issueForm(@PathParam("id") long id) {
        Application app = review.application(id);
        ApplicationSnapshot snapshot = applications.snapshotOf(app);
        return issuePage(app, snapshot, licences.defaults(snapshot, review.caseOf(app).version), FormErrors.none());
    }

    @POST
    @Path("{id}/licence")
    public Response issue(@PathParam("id") long id, @RestForm String version, @RestForm String validFrom, @RestForm String validTo,
            @RestForm List<String> lineId, @RestForm List<String> quantity, @RestForm List<String> value,
            @RestForm String additionalCondition) {
        Application app = review.application(id);
        LicenceService.IssueForm form = new LicenceService.IssueForm(validFrom, validTo, lineId, quantity, value, additionalCondition,
                version);
        try {
            Licence l = licences.issue(id, form);
            return Response.seeOther(URI.create("/licences/" + l.id + "?notice=issued")).build();
        } catch (FormValidationException e) {
            return Response.status(400).entity(issuePage(app, applications.snapshotOf(app), form, e.errors())).build();
        }
    }

    /** A PDF the vendor attached to an answer. */
    @GET
    @Path("{id}/information-requests/{requestId}/documents/{documentId}")
    @Produces("application/pdf")
    public Response answerDocument(@PathParam("id") long id, @PathParam("requestId") long requestId,
            @PathParam("documentId") long documentId) {
        Application app = review.application(id);
        return VendorRequestResource.download(app, requestId, documentId);
    }

    TemplateInstance issuePage(Application app, ApplicationSnapshot snapshot, LicenceService.IssueForm form, FormErrors errors) {
        if (!(app.status == gov.exports.portal.application.ApplicationStatus.APPROVED
                || app.status == gov.exports.portal.application.ApplicationStatus.APPROVED_WITH_CONDITIONS)
                || Licence.ofApplication(app.id) != null) {
            throw new NotFoundException();
        }
        String rate = snapshot.getRevenueSharePercent();
        return Templates.issue(app, snapshot, ReviewDecision.agreedOf(app.id), form, errors, rate).data("navSection", "review");
    }

    Response back(long id, String notice) {
        return Response.seeOther(URI.create("/review/cases/" + id + "?notice=" + notice)).build();
    }

    Response invalid(long id, FormValidationException e, ReviewService.RecommendationForm rec, String question, String dueOn,
            String note, String message, String comment) {
        Application app = review.application(id);
        return Response.status(400).entity(page(app, rec, e.errors(), null, question, dueOn, note, message, comment)).build();
    }

    TemplateInstance page(Application app, ReviewService.RecommendationForm rec, FormErrors errors, String notice, String question,
            String dueOn, String note, String message, String comment) {
        ReviewCase c = review.caseOf(app);
        ReviewDecision pending = ReviewDecision.pendingOf(app.id);
        String me = currentUser.subject();
        CaseView view = new CaseView(app, c, review.clock(app), ApplicationEvent.of(app.id), ApplicationEvent.messagesOf(app.id),
                InternalNote.of(app.id), InformationRequest.of(app.id), ReviewDecision.of(app.id), pending, DecisionLetter.of(app.id),
                Licence.ofApplication(app.id), review.approvalBlockers(app), Official.byName(), c.isAssignedTo(me),
                currentUser.isSeniorOfficer() && pending != null && !pending.recommendedBySubject.equals(me),
                pending != null && pending.recommendedBySubject.equals(me));
        return Templates.show(view, app, applications.snapshotOf(app), applications.precheckOf(app),
                rec != null ? rec : ReviewService.RecommendationForm.empty(c.version), errors, notice, question,
                dueOn != null ? dueOn : java.time.LocalDate.now(ReviewClock.ZONE).plusDays(14).toString(), note, message, comment,
                partyScreening.resultsFor(app), partyScreening.clearanceFor(app), checkAgainstTodaysPolicy(app))
                .data("navSection", "review");
    }

    /** When the policy in force today is not the one the application was checked against at submission. */
    PolicyCheck.Result checkAgainstTodaysPolicy(Application app) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return policies.inForceOn(today).filter(p -> !p.code.equals(app.policyCode))
                .map(p -> applications.checkAgainst(app, p, today)).orElse(null);
    }
}
