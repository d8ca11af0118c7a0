package gov.exports.portal.review;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import gov.exports.portal.application.Application;

/** Test-only approval gate standing in for screening: blocks only the applications a test puts on hold. */
@ApplicationScoped
public class TestHoldGate implements ApprovalGate {

    static final Set<Long> HELD = ConcurrentHashMap.newKeySet();

    @Override
    public List<String> blockers(Application application) {
        return HELD.contains(application.id) ? List.of("Unresolved screening hit on the consignee (test hold)") : List.of();
    }
}
