package gov.exports.portal.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationStatus;

/**
 * "What changes": before a draft policy version takes effect, which open applications it would treat
 * differently from the version it replaces, item by item (product eligibility, thresholds, destinations,
 * certifications, caps).
 */
@ApplicationScoped
public class PolicyImpact {

    static final EnumSet<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.RECOMMENDED);

    /** One check item that comes out differently under the draft. */
    @io.quarkus.qute.TemplateData
    public record Change(String label, PolicyCheck.Outcome before, PolicyCheck.Outcome after, String reason) {
        public boolean worse() {
            return after != PolicyCheck.Outcome.MET && before == PolicyCheck.Outcome.MET;
        }
    }

    @io.quarkus.qute.TemplateData
    public record AffectedApplication(Long id, String reference, String vendor, String status, List<Change> changes) {
        public String getStatusLabel() {
            String s = status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        public boolean becomesIneligible() {
            return changes.stream().anyMatch(c -> c.after() == PolicyCheck.Outcome.EXCLUDED);
        }
    }

    @io.quarkus.qute.TemplateData
    public record Report(PolicyVersion draft, PolicyVersion replaced, int openApplications, List<AffectedApplication> applications,
            int activeLicences, List<gov.exports.portal.licence.PolicyEvents.Affected> licences) {
        public String getPublishPath() {
            return "/policy/drafts/" + draft.id + "/publish";
        }

        public String getDiscardPath() {
            return "/policy/drafts/" + draft.id + "/discard";
        }
    }

    @Inject
    ApplicationService applications;

    @Inject
    PolicyService policies;

    @Inject
    gov.exports.portal.licence.PolicyEvents policyEvents;

    public Report of(PolicyVersion draft) {
        PolicyVersion replaced = policies.inForceOn(draft.effectiveFrom).orElse(null);
        List<Application> open = Application.list("from Application a join fetch a.organisation where a.status in ?1 order by a.submittedAt", OPEN);
        // every application's lines, parties and certifications in three queries, then checked twice in memory
        var inputs = applications.checkInputs(open);
        List<AffectedApplication> affected = new ArrayList<>();
        for (Application app : open) {
            PolicyCheck.Input input = inputs.get(app.id);
            PolicyCheck.Result after = applications.check(input, draft, draft.effectiveFrom);
            PolicyCheck.Result before = replaced == null ? null : applications.check(input, replaced, draft.effectiveFrom);
            List<Change> changes = diff(before, after);
            if (!changes.isEmpty()) {
                affected.add(new AffectedApplication(app.id, app.reference, app.organisation.legalName, app.status.name(), changes));
            }
        }
        // active licences: the same check the policy-event suspension uses, against the draft's rules
        var impact = policyEvents.impact(new gov.exports.portal.licence.PolicyEvents.Event("draft", draft.id, draft.title,
                "Draft policy " + draft.code, draft, draft.effectiveFrom));
        return new Report(draft, replaced, open.size(), affected, impact.licencesChecked(), impact.licences());
    }

    /**
     * Per subject (a product line, a party, the certifications, the application), the worst outcome before
     * and after; where it differs, the draft's non-met items say why.
     */
    static List<Change> diff(PolicyCheck.Result before, PolicyCheck.Result after) {
        List<Change> changes = new ArrayList<>();
        java.util.LinkedHashSet<String> subjects = new java.util.LinkedHashSet<>();
        after.items().forEach(i -> subjects.add(i.subject()));
        if (before != null) {
            before.items().forEach(i -> subjects.add(i.subject()));
        }
        for (String subject : subjects) {
            PolicyCheck.Outcome was = worst(before == null ? List.of() : before.about(subject));
            List<PolicyCheck.Item> now = after.about(subject);
            PolicyCheck.Outcome is = worst(now);
            if (Objects.equals(was, is)) {
                continue;
            }
            List<PolicyCheck.Item> reasons = now.stream().filter(i -> i.outcome() != PolicyCheck.Outcome.MET).toList();
            if (reasons.isEmpty()) {
                changes.add(new Change(now.isEmpty() ? subject : now.get(0).label(), was, is,
                        now.isEmpty() ? "Not checked under the draft." : "Meets the draft policy."));
            }
            for (PolicyCheck.Item i : reasons) {
                changes.add(new Change(i.label(), was, i.outcome(), i.reason()));
            }
        }
        return changes;
    }

    private static PolicyCheck.Outcome worst(List<PolicyCheck.Item> items) {
        if (items.isEmpty()) {
            return null;
        }
        if (items.stream().anyMatch(i -> i.outcome() == PolicyCheck.Outcome.EXCLUDED)) {
            return PolicyCheck.Outcome.EXCLUDED;
        }
        return items.stream().anyMatch(i -> i.outcome() == PolicyCheck.Outcome.NOT_MET) ? PolicyCheck.Outcome.NOT_MET
                : PolicyCheck.Outcome.MET;
    }
}
