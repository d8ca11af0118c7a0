package gov.exports.portal.screening;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.exports.portal.application.Application;
import gov.exports.portal.review.ApprovalGate;

/** An application with an undispositioned screening hit, or a true match, cannot be approved. */
@ApplicationScoped
public class ScreeningApprovalGate implements ApprovalGate {

    @Inject
    PartyScreening partyScreening;

    @Override
    public List<String> blockers(Application application) {
        ScreeningService.Clearance c = partyScreening.clearanceFor(application);
        return c.blocked() ? c.reasons() : List.of();
    }
}
