package gov.exports.portal.application;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a licence application (see BRIEF: DRAFT → SUBMITTED → ... → decision; WITHDRAWN before a decision). */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, INFORMATION_REQUESTED, RECOMMENDED, APPROVED, APPROVED_WITH_CONDITIONS, DENIED,
    RETURNED_WITHOUT_ACTION, WITHDRAWN;

    static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(SUBMITTED, UNDER_REVIEW, INFORMATION_REQUESTED, RECOMMENDED);

    public boolean isWithdrawable() {
        return WITHDRAWABLE.contains(this);
    }
}
