package gov.exports.portal.review;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.policy.PolicyCheck;

/** An application whose policy pre-check at submission did not pass every item cannot be approved. */
@ApplicationScoped
public class PrecheckGate implements ApprovalGate {

    @Inject
    ApplicationService applications;

    @Override
    public List<String> blockers(Application application) {
        PolicyCheck.Result result = applications.precheckOf(application);
        if (result == null) {
            return List.of("The policy pre-check result is missing.");
        }
        return result.items().stream().filter(i -> !i.isMet())
                .map(i -> "Policy pre-check not met – " + i.label() + ": " + i.reason()).toList();
    }
}
