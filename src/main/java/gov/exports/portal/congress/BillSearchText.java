package gov.exports.portal.congress;

import java.util.LinkedHashSet;
import java.util.Set;

/** What full-text search finds a bill by, besides its display title (weighted higher by the database). */
final class BillSearchText {

    private BillSearchText() {
    }

    static String of(Bill b) {
        Set<String> parts = new LinkedHashSet<>();
        parts.add(b.label());
        parts.add(b.label().replace(" ", "").replace(".", ""));
        parts.add(b.billType + b.number);
        if (b.titleOfficial != null) {
            parts.add(b.titleOfficial);
        }
        if (b.titleShort != null) {
            parts.add(b.titleShort);
        }
        b.titles.forEach(t -> parts.add(t.title));
        if (b.policyArea != null) {
            parts.add(b.policyArea);
        }
        parts.addAll(b.subjects);
        if (b.sponsor != null) {
            parts.add(b.sponsor.fullName);
        }
        b.tags.forEach(t -> parts.add(t.label));
        if (b.plainSummary != null) {
            parts.add(b.plainSummary);
        }
        String text = String.join(" \n", parts);
        // tsvector has a 1 MB limit; omnibus bills with hundreds of titles stay far below this cut
        return text.length() > 200_000 ? text.substring(0, 200_000) : text;
    }
}
