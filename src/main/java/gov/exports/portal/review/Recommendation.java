package gov.exports.portal.review;

import gov.exports.portal.application.ApplicationStatus;

/** What the assigned officer recommends, and the application status it leads to once countersigned. */
public enum Recommendation {
    APPROVE("Approve", ApplicationStatus.APPROVED, "APPROVAL"),
    APPROVE_WITH_CONDITIONS("Approve with conditions", ApplicationStatus.APPROVED_WITH_CONDITIONS, "APPROVAL"),
    DENY("Deny", ApplicationStatus.DENIED, "DENIAL"),
    RETURN_WITHOUT_ACTION("Return without action", ApplicationStatus.RETURNED_WITHOUT_ACTION, "RETURN_WITHOUT_ACTION");

    public final String title;
    public final ApplicationStatus decision;
    public final String letterKind;

    Recommendation(String title, ApplicationStatus decision, String letterKind) {
        this.title = title;
        this.decision = decision;
        this.letterKind = letterKind;
    }

    public String getTitle() {
        return title;
    }

    public boolean isApproval() {
        return this == APPROVE || this == APPROVE_WITH_CONDITIONS;
    }

    public static Recommendation fromName(String s) {
        for (Recommendation r : values()) {
            if (r.name().equals(s)) {
                return r;
            }
        }
        return null;
    }
}
