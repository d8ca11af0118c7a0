package gov.exports.portal.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.NotificationService;
import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationEvent;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.application.ApplicationSubmitted;
import gov.exports.portal.application.DocumentsConfig;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;
import io.quarkus.security.ForbiddenException;

/**
 * The rules of reviewing a submitted application: assignment, internal notes, information requests (which pause
 * the clock), the assigned officer's recommendation and a different senior officer's countersignature. Every status
 * change goes through {@link ApplicationTransitions}, writes a timeline event and, last, an audit record, in one
 * transaction. Every case form carries the review case's version; the case row is locked first, so of two officials
 * acting at once the second sees a conflict rather than overwriting the first.
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ApplicationService applications;

    @Inject
    NotificationService notifications;

    @Inject
    DocumentsConfig documentsConfig;

    @Inject
    @Any
    Instance<ApprovalGate> gates;

    /** The form a recommendation is made with. */
    public record RecommendationForm(String outcome, List<String> condition, String conditionText, List<String> denialReason,
            String reasons, String version) {
        public boolean hasCondition(String code) {
            return condition != null && condition.contains(code);
        }

        public boolean hasDenialReason(String code) {
            return denialReason != null && denialReason.contains(code);
        }

        public static RecommendationForm empty(int version) {
            return new RecommendationForm(null, List.of(), null, List.of(), null, String.valueOf(version));
        }
    }

    public record Upload(String fileName, byte[] content) {
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** A submitted application for officials, with its review case (created on first sight). */
    public Application application(long id) {
        return applications.submittedForOfficial(id);
    }

    public ReviewCase caseOf(Application app) {
        ReviewCase c = ReviewCase.findById(app.id);
        return c != null ? c : unsavedCase(app.id);
    }

    private static ReviewCase unsavedCase(Long id) {
        ReviewCase c = new ReviewCase();
        c.applicationId = id;
        return c;
    }

    public ReviewClock.Reading clock(Application app) {
        List<ReviewClock.Pause> pauses = InformationRequest.of(app.id).stream().map(InformationRequest::pause).toList();
        LocalDate today = LocalDate.now(ReviewClock.ZONE);
        LocalDate end = today;
        ReviewDecision agreed = ReviewDecision.agreedOf(app.id);
        if (agreed != null) {
            end = agreed.countersignedAt.atZoneSameInstant(ReviewClock.ZONE).toLocalDate();
        }
        return ReviewClock.read(app.submittedAt.atZoneSameInstant(ReviewClock.ZONE).toLocalDate(), pauses, end);
    }

    public List<String> approvalBlockers(Application app) {
        List<String> all = new ArrayList<>();
        for (ApprovalGate g : gates) {
            all.addAll(g.blockers(app));
        }
        return all;
    }

    /** Remembers the signed-in official so senior officers can assign cases to them. */
    @Transactional
    public void rememberOfficial() {
        if (!currentUser.isOfficer()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO official (subject, username, display_name, email) VALUES (:s, :u, :n, :e)
                ON CONFLICT (subject) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
                    email = excluded.email, last_seen_at = now()
                  WHERE official.last_seen_at < now() - interval '10 minutes' OR official.display_name <> excluded.display_name
                """).setParameter("s", currentUser.subject()).setParameter("u", currentUser.username())
                .setParameter("n", currentUser.displayName()).setParameter("e", currentUser.email()).executeUpdate();
    }

    // ---- assignment -----------------------------------------------------------------------------------------

    /** An officer takes an unassigned open case; a submitted case thereby goes under review. */
    @Transactional
    public void take(long id, String version) {
        Locked l = lock(id, version);
        if (!ApplicationTransitions.isOpen(l.app.status)) {
            throw new PortalConflictException("Application " + l.app.reference + " is " + ApplicationTransitions.words(l.app.status)
                    + ": there is no review left to take.");
        }
        if (l.review.isAssigned()) {
            throw new PortalConflictException("Application " + l.app.reference + " is already assigned to " + l.review.assignedName
                    + ". A senior officer can reassign it.");
        }
        PendingAudit a = assignTo(l, currentUser.subject(), currentUser.displayName(), "review.taken",
                "Case taken by " + currentUser.displayName() + ".");
        audit.record(a.action(), "application", l.app.id, a.before(), a.after());
    }

    /** A senior officer assigns or reassigns an open case to any official the portal knows. */
    @Transactional
    public void assign(long id, String version, String officialSubject) {
        if (!currentUser.isSeniorOfficer()) {
            throw new ForbiddenException("Only senior officers assign cases");
        }
        Official to = officialSubject == null ? null : Official.findById(officialSubject);
        if (to == null) {
            throw new FormValidationException(new FormErrors().add("assignee", "Choose the official to assign the case to"));
        }
        Locked l = lock(id, version);
        if (!ApplicationTransitions.isOpen(l.app.status)) {
            throw new PortalConflictException("Application " + l.app.reference + " is " + ApplicationTransitions.words(l.app.status)
                    + " and can no longer be assigned.");
        }
        if (l.review.isAssignedTo(to.subject)) {
            throw new FormValidationException(new FormErrors().add("assignee", "The case is already assigned to " + to.displayName));
        }
        PendingAudit a = assignTo(l, to.subject, to.displayName, l.review.isAssigned() ? "review.reassigned" : "review.assigned",
                "Case assigned to " + to.displayName + " by " + currentUser.displayName() + ".");
        if (!to.subject.equals(currentUser.subject())) {
            notifications.notifyPerson(to.email, "Case " + l.app.reference + " assigned to you",
                    currentUser.displayName() + " assigned application " + l.app.reference + " (" + l.app.organisation.legalName
                            + ") to you.", "/review/cases/" + l.app.id);
        }
        audit.record(a.action(), "application", l.app.id, a.before(), a.after());
    }

    private PendingAudit assignTo(Locked l, String subject, String name, String action, String message) {
        Object before = AuditLog.state("status", l.app.status.name(), "assignedTo", l.review.assignedName);
        ApplicationStatus from = l.app.status;
        if (from == ApplicationStatus.SUBMITTED) {
            move(l.app, ApplicationStatus.UNDER_REVIEW, "start the review");
        }
        l.review.assignedSubject = subject;
        l.review.assignedName = name;
        l.review.assignedAt = OffsetDateTime.now(ZoneOffset.UTC);
        l.review.touch();
        em.flush();
        event(l.app, from == ApplicationStatus.SUBMITTED ? "UNDER_REVIEW" : "ASSIGNED",
                from == ApplicationStatus.SUBMITTED ? "A licensing officer has started reviewing the application." : "The case was reassigned.",
                true);
        return new PendingAudit(action, before, AuditLog.state("status", l.app.status.name(), "assignedTo", name,
                "assignedSubject", subject, "note", message));
    }

    // ---- notes ------------------------------------------------------------------------------------------------

    @Transactional
    public InternalNote addNote(long id, String text) {
        Application app = application(id);
        String body = Forms.text(text);
        if (body == null || body.length() > 5000) {
            throw new FormValidationException(new FormErrors().add("note", body == null ? "Enter the note" : "The note must be 5000 characters or fewer"));
        }
        InternalNote n = new InternalNote();
        n.applicationId = app.id;
        n.authorSubject = currentUser.subject();
        n.authorName = currentUser.displayName();
        n.body = body;
        n.persist();
        em.flush();
        audit.record("review.note.added", "application", app.id, null, AuditLog.state("note", n.id, "body", n.body));
        return n;
    }

    // ---- information requests -------------------------------------------------------------------------------

    @Transactional
    public InformationRequest requestInformation(long id, String version, String questionText, String dueText) {
        FormErrors errors = new FormErrors();
        String question = Forms.required(errors, "question", questionText, "the question", 5, 5000);
        LocalDate due = Forms.date(errors, "dueOn", dueText, "the date the answer is due", true);
        LocalDate today = LocalDate.now(ReviewClock.ZONE);
        if (due != null && (due.isBefore(today.plusDays(1)) || due.isAfter(today.plusDays(90)))) {
            errors.add("dueOn", "The answer must be due between tomorrow and 90 days from today");
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        Locked l = lock(id, version);
        requireAssignee(l, "request information");
        ApplicationStatus from = l.app.status;
        move(l.app, ApplicationStatus.INFORMATION_REQUESTED, "request information");
        InformationRequest r = new InformationRequest();
        r.applicationId = l.app.id;
        r.question = question;
        r.dueOn = due;
        r.requestedBySubject = currentUser.subject();
        r.requestedByName = currentUser.displayName();
        r.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.persist();
        l.review.touch();
        em.flush();
        event(l.app, "INFORMATION_REQUESTED", "Information requested, answer due by " + due + ": " + question, true);
        notifications.notifyOrganisation(l.app.organisation, "Information requested on " + l.app.reference,
                "A licensing officer needs more information about application " + l.app.reference + " by " + due + ":\n\n" + question
                        + "\n\nThe review clock is paused until you answer.",
                "/applications/" + l.app.id + "/information-requests/" + r.id);
        audit.record("review.information.requested", "application", l.app.id, AuditLog.state("status", from.name()),
                AuditLog.state("status", l.app.status.name(), "request", r.id, "question", question, "dueOn", due));
        return r;
    }

    /** The vendor answers the open request with text and PDFs; the case goes back under review and the clock restarts. */
    @Transactional
    public void answer(long applicationId, long requestId, String version, String answerText, List<Upload> uploads) {
        Application own = applications.own(applicationId);
        InformationRequest r = InformationRequest.<InformationRequest> find("id = ?1 and applicationId = ?2", requestId, own.id)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        Application app = em.find(Application.class, own.id, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(app);
        if (!r.isOpen()) {
            throw new PortalConflictException("This request was already answered on " + r.answeredAt.toLocalDate() + " by " + r.answeredBy
                    + ". Your answer was not saved twice.");
        }
        if (Forms.version(version) != app.version) {
            throw new PortalConflictException("This application changed while you were writing your answer, so the answer was not "
                    + "saved. Open the request again, then answer.");
        }
        FormErrors errors = new FormErrors();
        String answer = Forms.required(errors, "answer", answerText, "your answer", 1, 10000);
        List<Upload> files = uploads == null ? List.of() : uploads.stream().filter(u -> u.content() != null && u.content().length > 0).toList();
        for (Upload u : files) {
            if (u.content().length > documentsConfig.maxSize().asLongValue()) {
                errors.add("file", "Each file must be " + documentsConfig.maxSize().asLongValue() / (1024 * 1024) + " MB or smaller");
            } else if (!gov.exports.portal.web.PdfFiles.isPdf(u.content())) {
                errors.add("file", "Attach PDF files only: " + fileName(u.fileName()) + " is not a PDF, whatever its name says");
            }
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        ApplicationStatus from = app.status;
        move(app, ApplicationStatus.UNDER_REVIEW, "answer the request");
        r.answer = answer;
        r.answeredBy = currentUser.displayName();
        r.answeredAt = OffsetDateTime.now(ZoneOffset.UTC);
        for (Upload u : files) {
            InformationRequestDocument d = new InformationRequestDocument();
            d.requestId = r.id;
            d.fileName = fileName(u.fileName());
            d.sizeBytes = u.content().length;
            d.sha256 = gov.exports.portal.web.PdfFiles.sha256(u.content());
            d.content = u.content();
            d.uploadedBy = currentUser.displayName();
            d.persist();
        }
        ReviewCase review = lockedCase(app.id);
        review.touch();
        em.flush();
        event(app, "INFORMATION_PROVIDED", "Information provided by " + currentUser.displayName()
                + (files.isEmpty() ? "." : " with " + files.size() + " document(s)."), false);
        if (review.isAssigned()) {
            Official o = Official.findById(review.assignedSubject);
            if (o != null) {
                notifications.notifyPerson(o.email, "Answer received on " + app.reference,
                        app.organisation.legalName + " answered your information request on " + app.reference + ".",
                        "/review/cases/" + app.id);
            }
        }
        audit.record("review.information.answered", "application", app.id, AuditLog.state("status", from.name()),
                AuditLog.state("status", app.status.name(), "request", r.id, "answer", answer, "documents", files.size(), "files",
                        files.stream().map(u -> AuditLog.state("fileName", fileName(u.fileName()), "sha256",
                                gov.exports.portal.web.PdfFiles.sha256(u.content()))).toList()));
    }

    // ---- recommendation and countersignature ----------------------------------------------------------------

    @Transactional
    public ReviewDecision recommend(long id, RecommendationForm form) {
        Locked l = lock(id, form.version());
        requireAssignee(l, "recommend a decision");
        ApplicationTransitions.require(l.app.reference, l.app.status, ApplicationStatus.RECOMMENDED, "recommend a decision");
        FormErrors errors = new FormErrors();
        Recommendation outcome = Recommendation.fromName(form.outcome());
        if (outcome == null) {
            errors.add("outcome", "Choose what you recommend");
        }
        String reasons = Forms.required(errors, "reasons", form.reasons(), outcome == Recommendation.RETURN_WITHOUT_ACTION
                ? "the deficiency" : "your reasons", 5, 5000);
        String conditionText = Forms.optional(errors, "conditionText", form.conditionText(), "the condition", 2000);
        List<String> riders = form.condition() == null ? List.of()
                : form.condition().stream().filter(c -> Rider.fromCode(c).isPresent()).distinct().toList();
        List<String> denial = form.denialReason() == null ? List.of()
                : form.denialReason().stream().filter(c -> DenialReason.fromCode(c).isPresent()).distinct().toList();
        if (outcome == Recommendation.APPROVE_WITH_CONDITIONS && riders.isEmpty() && conditionText == null) {
            errors.add("condition", "Pick at least one standard condition or write one");
        }
        if (outcome == Recommendation.DENY && denial.isEmpty()) {
            errors.add("denialReason", "Pick at least one reason for the denial");
        }
        if (outcome != null && outcome.isApproval()) {
            List<String> blockers = approvalBlockers(l.app);
            if (!blockers.isEmpty()) {
                errors.add("outcome", "Approval is blocked: " + String.join("; ", blockers));
            }
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        move(l.app, ApplicationStatus.RECOMMENDED, "recommend a decision");
        ReviewDecision d = new ReviewDecision();
        d.applicationId = l.app.id;
        d.outcome = outcome;
        d.standardConditions = outcome == Recommendation.APPROVE_WITH_CONDITIONS ? new ArrayList<>(riders) : new ArrayList<>();
        d.conditionText = outcome == Recommendation.APPROVE_WITH_CONDITIONS ? conditionText : null;
        d.denialReasons = outcome == Recommendation.DENY ? new ArrayList<>(denial) : new ArrayList<>();
        d.reasons = reasons;
        d.recommendedBySubject = currentUser.subject();
        d.recommendedByName = currentUser.displayName();
        d.persist();
        l.review.touch();
        em.flush();
        event(l.app, "RECOMMENDED", "A decision has been recommended and awaits a senior officer's countersignature.", true);
        audit.record("review.recommended", "application", l.app.id, AuditLog.state("status", ApplicationStatus.UNDER_REVIEW.name()),
                AuditLog.state("status", l.app.status.name(), "decision", d.id, "outcome", outcome.name(), "conditions", d.standardConditions,
                        "conditionText", d.conditionText, "denialReasons", d.denialReasons, "reasons", reasons));
        return d;
    }

    /** A senior officer who did not recommend agrees (the decision takes effect) or sends the case back. */
    @Transactional
    public ReviewDecision countersign(long id, String version, boolean agree, String commentText) {
        if (!currentUser.isSeniorOfficer()) {
            throw new ForbiddenException("Only senior officers countersign decisions");
        }
        Locked l = lock(id, version);
        ReviewDecision d = ReviewDecision.pendingOf(l.app.id);
        if (l.app.status != ApplicationStatus.RECOMMENDED || d == null) {
            throw new PortalConflictException("Cannot countersign: application " + l.app.reference + " is "
                    + ApplicationTransitions.words(l.app.status) + " and has no recommendation awaiting countersignature.");
        }
        if (d.recommendedBySubject.equals(currentUser.subject())) {
            throw new PortalConflictException("You recommended this decision, so you cannot countersign it: the two-person rule "
                    + "needs a different senior officer.");
        }
        FormErrors errors = new FormErrors();
        String comment = agree ? Forms.optional(errors, "comment", commentText, "the comment", 5000)
                : Forms.required(errors, "comment", commentText, "why you are sending the case back", 2, 5000);
        if (agree && d.outcome.isApproval()) {
            List<String> blockers = approvalBlockers(l.app);
            if (!blockers.isEmpty()) {
                errors.add("comment", "Approval is blocked: " + String.join("; ", blockers) + ". Send the case back instead.");
            }
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        ApplicationStatus from = l.app.status;
        ApplicationStatus to = agree ? d.outcome.decision : ApplicationStatus.UNDER_REVIEW;
        move(l.app, to, agree ? "countersign the decision" : "send the case back");
        d.countersignOutcome = agree ? ReviewDecision.Countersign.AGREED : ReviewDecision.Countersign.SENT_BACK;
        d.countersignedBySubject = currentUser.subject();
        d.countersignedByName = currentUser.displayName();
        d.countersignedAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.countersignComment = comment;
        l.review.touch();
        em.flush();
        if (agree) {
            DecisionLetter letter = DecisionLetters.write(l.app, d);
            letter.persist();
            em.flush();
            event(l.app, "DECIDED", "Decision: " + ApplicationTransitions.words(to) + ". The decision letter is on this page.", true);
            notifications.notifyOrganisation(l.app.organisation, "Decision on " + l.app.reference + ": " + ApplicationTransitions.words(to),
                    "A decision has been made on application " + l.app.reference + ": " + ApplicationTransitions.words(to)
                            + ". Read the decision letter in the portal.",
                    "/applications/" + l.app.id + "/letters/" + letter.id);
        } else {
            event(l.app, "SENT_BACK", "The recommendation was sent back to the officer for further review.", true);
            Official o = Official.findById(d.recommendedBySubject);
            if (o != null) {
                notifications.notifyPerson(o.email, "Recommendation on " + l.app.reference + " sent back",
                        currentUser.displayName() + " sent your recommendation back: " + comment, "/review/cases/" + l.app.id);
            }
        }
        audit.record(agree ? "review.countersigned" : "review.sent.back", "application", l.app.id,
                AuditLog.state("status", from.name(), "recommendedBy", d.recommendedBySubject),
                AuditLog.state("status", to.name(), "decision", d.id, "countersignedBy", d.countersignedBySubject, "comment", comment));
        return d;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    record PendingAudit(String action, Object before, Object after) {
    }

    public record Locked(Application app, ReviewCase review) {
    }

    /** Locks the case row (creating it if new), refuses a stale form, then reads the application. */
    public Locked lock(long id, String version) {
        Application app = application(id);
        ReviewCase review = lockedCase(app.id);
        em.refresh(app);
        if (Forms.version(version) != review.version) {
            throw new PortalConflictException("Someone else acted on " + app.reference + " while you were looking at it, so your action "
                    + "was not taken. It is now " + ApplicationTransitions.words(app.status)
                    + (review.isAssigned() ? ", assigned to " + review.assignedName : ", unassigned")
                    + ". Open the case again to see the current state, then decide whether your action is still needed.");
        }
        return new Locked(app, review);
    }

    ReviewCase lockedCase(Long applicationId) {
        em.createNativeQuery("INSERT INTO review_case (application_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .setParameter("id", applicationId).executeUpdate();
        ReviewCase review = em.find(ReviewCase.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(review);
        return review;
    }

    void requireAssignee(Locked l, String action) {
        if (!l.review.isAssignedTo(currentUser.subject())) {
            throw new PortalConflictException("Only the officer assigned to " + l.app.reference + " can " + action + ". "
                    + (l.review.isAssigned() ? "It is assigned to " + l.review.assignedName + "." : "Take the case first."));
        }
    }

    /** The one way an application's status changes during review: checked against the transition table. */
    void move(Application app, ApplicationStatus to, String action) {
        ApplicationTransitions.require(app.reference, app.status, to, action);
        app.status = to;
        app.updatedAt = OffsetDateTime.now();
    }

    public ApplicationEvent event(Application app, String kind, String message, boolean official) {
        ApplicationEvent e = new ApplicationEvent();
        e.applicationId = app.id;
        e.kind = kind;
        e.actorName = currentUser.displayName();
        e.official = official;
        e.message = message.length() > 5000 ? message.substring(0, 4997) + "..." : message;
        e.persist();
        em.flush();
        return e;
    }

    /** Every submitted application gets its review case at once, so the queues never miss one. */
    void onSubmitted(@Observes ApplicationSubmitted submitted) {
        em.createNativeQuery("INSERT INTO review_case (application_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .setParameter("id", submitted.applicationId()).executeUpdate();
    }


    static String fileName(String name) {
        String s = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (s.isEmpty()) {
            s = "answer.pdf";
        }
        return s.length() > 200 ? s.substring(s.length() - 200) : s;
    }
}
