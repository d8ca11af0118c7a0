package gov.exports.portal.account;

import java.util.List;

/** Keycloak realm roles (see ../shared/BRIEF.md). Composite in the realm: vendor-admin ⊃ vendor, senior-officer ⊃ officer. */
public final class Roles {
    public static final String VENDOR = "vendor";
    public static final String VENDOR_ADMIN = "vendor-admin";
    public static final String OFFICER = "officer";
    public static final String SENIOR_OFFICER = "senior-officer";
    public static final String TRACKER_EDITOR = "tracker-editor";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(VENDOR, VENDOR_ADMIN, OFFICER, SENIOR_OFFICER, TRACKER_EDITOR, ADMIN);

    private Roles() {
    }
}
