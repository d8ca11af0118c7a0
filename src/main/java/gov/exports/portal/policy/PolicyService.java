package gov.exports.portal.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Which version of the licence policy applies on a given day. */
@ApplicationScoped
public class PolicyService {

    /** The version in force on {@code day}; empty if no policy covers it (the database forbids two). */
    public Optional<PolicyVersion> inForceOn(LocalDate day) {
        return PolicyVersion.find("status = ?2 and effectiveFrom <= ?1 and (effectiveTo is null or effectiveTo > ?1)", day,
                PolicyVersion.Status.PUBLISHED)
                .firstResultOptional();
    }

    /** Policy days follow UTC, the portal's reference time zone. */
    public Optional<PolicyVersion> inForceToday() {
        return inForceOn(LocalDate.now(ZoneOffset.UTC));
    }

    public Optional<PolicyVersion> byCode(String code) {
        return PolicyVersion.find("code", code).firstResultOptional();
    }
}
