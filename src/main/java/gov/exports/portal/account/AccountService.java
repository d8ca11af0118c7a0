package gov.exports.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import gov.exports.portal.audit.AuditLog;

/** Links Keycloak identities to vendor organisations. */
@ApplicationScoped
public class AccountService {

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    /**
     * A membership is created by e-mail (by the organisation's compliance lead or demo data); the first time
     * that person signs in, their Keycloak subject is bound to it so a later e-mail change keeps the link.
     */
    @Transactional
    public void bindMembershipOnFirstLogin() {
        if (!currentUser.isVendor()) {
            return;
        }
        currentUser.membership().ifPresent(m -> {
            if (m.subject == null) {
                m.subject = currentUser.subject();
                if (m.displayName == null) {
                    m.displayName = currentUser.displayName();
                }
                audit.record("membership.bound", "membership", m.id,
                        AuditLog.state("email", m.email, "subject", null),
                        AuditLog.state("email", m.email, "subject", m.subject, "organisation", m.organisation.slug));
            }
        });
    }
}
