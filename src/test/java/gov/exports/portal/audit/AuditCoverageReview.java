package gov.exports.portal.audit;

import static gov.exports.portal.audit.AuditCoverageApplications.PDF;
import static gov.exports.portal.audit.AuditCoverageApplications.seeOther;
import static gov.exports.portal.audit.AuditCoverageApplications.version;
import static gov.exports.portal.audit.AuditProbe.Change.CREATE;
import static gov.exports.portal.audit.AuditProbe.Change.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.support.PortalSession;
import gov.exports.portal.web.PdfFiles;

/**
 * A submitted application through the review: taken, reassigned, noted, messaged, questioned and answered, recommended,
 * countersigned, licensed, each step by the official (or vendor) whose step it is.
 */
final class AuditCoverageReview {

    private final AuditProbe probe;
    private final ReviewFixtures reviews;

    AuditCoverageReview(AuditProbe probe, ReviewFixtures reviews) {
        this.probe = probe;
        this.reviews = reviews;
    }

    void run() {
        PortalSession vendor = PortalSession.of("nvidia-vendor");
        PortalSession officer = PortalSession.of("officer");
        PortalSession officer2 = PortalSession.of("officer2");
        PortalSession senior = PortalSession.of("senior");
        long app = reviews.submitted("nvidia");
        String c = "/review/cases/" + app;
        // officials become assignable once the portal has seen them
        assertEquals(200, officer2.get("/review").statusCode());
        String officerSubject = probe.text("SELECT subject FROM official WHERE username = 'officer'");
        String officer2Subject = probe.text("SELECT subject FROM official WHERE username = 'officer2'");

        probe.perform("POST /review/cases/{id}/take", officer, "application", UPDATE, () -> {
            seeOther(officer.postForm(c + "/take", "version", reviews.caseVersion(app)), "take");
            return app;
        }).before("status", "SUBMITTED").before("assignedTo", null).after("status", "UNDER_REVIEW").after("assignedSubject", officerSubject);
        var reassigned = probe.perform("POST /review/cases/{id}/assign", senior, "application", UPDATE, () -> {
            seeOther(senior.postForm(c + "/assign", "version", reviews.caseVersion(app), "assignee", officer2Subject), "reassign");
            return app;
        }).before("assignedTo", "Olivia Okafor").after("assignedSubject", officer2Subject);
        assertEquals("review.reassigned", reassigned.action());

        String note = "Customer registry entry checked against the end-user statement.";
        probe.perform("POST /review/cases/{id}/notes", officer2, "application", CREATE, () -> {
            seeOther(officer2.postForm(c + "/notes", "note", note), "note");
            return app;
        }).after("body", note);
        probe.perform("POST /review/cases/{id}/messages", officer2, "application", CREATE, () -> {
            seeOther(officer2.postForm(c + "/messages", "message", "Thank you, we are reviewing your application."), "message");
            return app;
        }).after("message", "Thank you, we are reviewing your application.");

        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(14);
        probe.perform("POST /review/cases/{id}/information-requests", officer2, "application", UPDATE, () -> {
            seeOther(officer2.postForm(c + "/information-requests", "version", reviews.caseVersion(app), "question",
                    "Which US laboratory tests each shipment?", "dueOn", due), "ask");
            return app;
        }).before("status", "UNDER_REVIEW").after("status", "INFORMATION_REQUESTED").after("dueOn", due)
                .after("question", "Which US laboratory tests each shipment?");
        long request = probe.number("SELECT id FROM information_request WHERE application_id = ?", app);
        String requestPage = "/applications/" + app + "/information-requests/" + request;
        String answerRoute = "POST /applications/{id}/information-requests/{requestId}/answer";
        var answered = probe.perform(answerRoute, vendor, "application", UPDATE, () -> {
            seeOther(vendor.postMultipart(requestPage + "/answer", Map.of("version", version(vendor, requestPage), "answer",
                    "The laboratory in Austin, Texas."), Map.of("file", Map.entry("lab-accreditation.pdf", PDF))), "answer");
            return app;
        }).before("status", "INFORMATION_REQUESTED").after("status", "UNDER_REVIEW").after("request", request)
                .after("answer", "The laboratory in Austin, Texas.").after("documents", 1);
        assertEquals(List.of(Map.of("fileName", "lab-accreditation.pdf", "sha256", PdfFiles.sha256(PDF))), answered.after("files"));

        probe.perform("POST /review/cases/{id}/recommendation", officer2, "application", UPDATE, () -> {
            seeOther(officer2.postForm(c + "/recommendation", "version", reviews.caseVersion(app), "outcome", "APPROVE", "reasons",
                    "Eligible product, approved customer, all certifications signed."), "recommend");
            return app;
        }).before("status", "UNDER_REVIEW").after("status", "RECOMMENDED").after("outcome", "APPROVE");
        probe.perform("POST /review/cases/{id}/countersignature", senior, "application", UPDATE, () -> {
            seeOther(senior.postForm(c + "/countersignature", "version", reviews.caseVersion(app), "decision", "agree"), "countersign");
            return app;
        }).before("status", "RECOMMENDED").before("recommendedBy", officer2Subject).after("status", "APPROVED");

        long line = probe.number("SELECT id FROM application_line WHERE application_id = ? ORDER BY id LIMIT 1", app);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        probe.perform("POST /review/cases/{id}/licence", officer2, "licence", CREATE, () -> {
            seeOther(officer2.postForm(c + "/licence", "version", reviews.caseVersion(app), "validFrom", today, "validTo",
                    today.plusYears(4), "lineId", line, "quantity", 60, "value", "1800000.00"), "issue the licence");
            return probe.number("SELECT id FROM licence WHERE application_id = ?", app);
        }).after("status", "ACTIVE").after("validTo", today.plusYears(4)).after("authorisedValueUsd", 1800000.00)
                .after("application", probe.text("SELECT reference FROM application WHERE id = ?", app));
    }
}
