package gov.exports.portal.application;

/** The part a party plays in the export. */
public enum PartyRole {
    ULTIMATE_CONSIGNEE("Ultimate consignee", "consignee"),
    END_USER("End user", "end-user"),
    INTERMEDIATE_CONSIGNEE("Intermediate consignee", "intermediary");

    public final String title;
    public final String slug;

    PartyRole(String title, String slug) {
        this.title = title;
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public static PartyRole fromSlug(String slug) {
        for (PartyRole r : values()) {
            if (r.slug.equals(slug)) {
                return r;
            }
        }
        return null;
    }
}
