package gov.exports.portal.congress;

import java.util.Locale;

/** Picks the display, official and short titles out of a bill's list of titles (USER-GUIDE section 6). */
final class BillDataTitles {

    private BillDataTitles() {
    }

    static void fill(BillData d) {
        if (d.titles == null) {
            return;
        }
        for (Bill.Title t : d.titles) {
            String type = t.titleType.toLowerCase(Locale.ROOT);
            if (type.startsWith("display title") && d.titleDisplay == null) {
                d.titleDisplay = t.title;
            } else if (type.startsWith("official title") && d.titleOfficial == null) {
                d.titleOfficial = t.title;
            } else if (type.startsWith("short title") && !type.contains("portions") && d.titleShort == null) {
                d.titleShort = t.title;
            }
        }
        for (Bill.Title t : d.titles) {
            if (t.titleType.toLowerCase(Locale.ROOT).startsWith("display title")) {
                d.titleDisplay = t.title;
                break;
            }
        }
    }
}
