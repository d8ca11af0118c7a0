package gov.exports.portal.screening;

/** The published list layouts the importer reads. */
public enum ListFormat {
    CSL_CSV("Consolidated Screening List, CSV download"),
    CSL_JSON("Consolidated Screening List, JSON API response"),
    EL_CSV("Entity List, BIS CSV");

    public final String description;

    ListFormat(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
    }

    /** The only source an Entity List file speaks for; the CSL layouts replace every imported entry. */
    public String scopeSource() {
        return this == EL_CSV ? ListFileParser.ENTITY_LIST_SOURCE : null;
    }
}
