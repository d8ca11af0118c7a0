package gov.exports.portal.review;

/** The officers' work queues. */
public enum Queue {
    UNASSIGNED("unassigned", "Unassigned"),
    MINE("mine", "My cases"),
    WAITING("waiting", "Waiting for the vendor"),
    COUNTERSIGN("countersign", "Awaiting countersignature"),
    OVERDUE("overdue", "Overdue"),
    OPEN("open", "All open"),
    CLOSED("closed", "Closed");

    public final String slug;
    public final String title;

    Queue(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public static Queue fromSlug(String slug) {
        for (Queue q : values()) {
            if (q.slug.equals(slug)) {
                return q;
            }
        }
        return null;
    }
}
