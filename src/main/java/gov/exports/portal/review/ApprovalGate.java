package gov.exports.portal.review;

import java.util.List;

import gov.exports.portal.application.Application;

/**
 * Something that must be cleared before an application can be approved (the policy pre-check, screening hits...).
 * Every CDI bean implementing it is asked; any blocker refuses a recommendation to approve and its countersignature.
 */
public interface ApprovalGate {

    /** Why the application cannot be approved now, in words an official can act on; empty when nothing blocks. */
    List<String> blockers(Application application);
}
