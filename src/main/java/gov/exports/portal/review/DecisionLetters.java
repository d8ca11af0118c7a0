package gov.exports.portal.review;

import java.util.ArrayList;
import java.util.List;

import gov.exports.portal.application.Application;

/** Writes the letter the vendor receives when a countersigned decision takes effect. */
final class DecisionLetters {

    private DecisionLetters() {
    }

    static DecisionLetter write(Application app, ReviewDecision d) {
        List<String> p = new ArrayList<>();
        p.add("To " + app.organisation.legalName + ".");
        String subject;
        switch (d.outcome) {
            case APPROVE, APPROVE_WITH_CONDITIONS -> {
                subject = "Approval of licence application " + app.reference;
                p.add("Your application " + app.reference + " has been approved"
                        + (d.outcome == Recommendation.APPROVE_WITH_CONDITIONS ? " with conditions" : "") + ".");
                p.add("Reasons: " + d.reasons);
                if (!d.standardConditions.isEmpty() || d.conditionText != null) {
                    StringBuilder c = new StringBuilder("Conditions of the approval:");
                    for (String t : d.getStandardConditionTexts()) {
                        c.append("\n– ").append(t);
                    }
                    if (d.conditionText != null) {
                        c.append("\n– ").append(d.conditionText);
                    }
                    p.add(c.toString());
                }
                p.add("The licence will be issued to you in the portal, with its number, validity, authorised quantities and values, "
                        + "and all its conditions.");
            }
            case DENY -> {
                subject = "Denial of licence application " + app.reference;
                p.add("Your application " + app.reference + " has been denied.");
                StringBuilder c = new StringBuilder("The application was denied for these reasons:");
                for (String t : d.getDenialReasonTexts()) {
                    c.append("\n– ").append(t);
                }
                p.add(c.toString());
                p.add("Further explanation: " + d.reasons);
            }
            default -> {
                subject = "Application " + app.reference + " returned without action";
                p.add("Your application " + app.reference + " is returned without action: it was not decided on its merits.");
                p.add("The deficiency: " + d.reasons);
                p.add("You may submit a new application that corrects the deficiency; copy this one into a new draft to start.");
            }
        }
        p.add("Recommended by " + d.recommendedByName + " and countersigned by " + d.countersignedByName
                + ", for the licensing office.");
        DecisionLetter l = new DecisionLetter();
        l.applicationId = app.id;
        l.decisionId = d.id;
        l.kind = d.outcome.letterKind;
        l.subject = subject;
        l.body = String.join("\n\n", p);
        return l;
    }
}
