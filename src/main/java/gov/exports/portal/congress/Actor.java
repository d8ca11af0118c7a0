package gov.exports.portal.congress;

import gov.exports.portal.account.CurrentUser;

/** Who an import or curation change is recorded against: a signed-in editor, or the system (seed, scheduled refresh). */
public record Actor(String subject, String name, boolean system) {

    public static final Actor SYSTEM = new Actor("system", "system", true);

    public static Actor of(CurrentUser user) {
        return user.isAuthenticated() ? new Actor(user.subject(), user.username(), false) : SYSTEM;
    }
}
