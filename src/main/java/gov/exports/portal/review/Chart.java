package gov.exports.portal.review;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server, drawn as inline SVG by the template (no chart library, works without JavaScript).
 * The same numbers are always given in a table next to it.
 */
public record Chart(String id, String title, String description, String unit, boolean horizontal, int width, int height,
        List<Bar> bars) {

    public record Entry(String label, double value, String valueText) {
    }

    /** One bar with its geometry; label and value text positions included. */
    public record Bar(String label, String valueText, int x, int y, int w, int h, int labelX, int labelY, int valueX, int valueY) {
    }

    static final int LABEL_WIDTH = 220;
    static final int BAR_AREA = 360;
    static final int ROW = 30;

    /** Horizontal bars: good for categories (statuses, officers). */
    public static Chart horizontal(String id, String title, String description, String unit, List<Entry> entries) {
        double max = entries.stream().mapToDouble(Entry::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (Entry e : entries) {
            int w = max <= 0 ? 0 : (int) Math.round(e.value() / max * BAR_AREA);
            bars.add(new Bar(e.label(), e.valueText(), LABEL_WIDTH, y, Math.max(w, e.value() > 0 ? 2 : 0), ROW - 10, LABEL_WIDTH - 8,
                    y + 15, LABEL_WIDTH + w + 6, y + 15));
            y += ROW;
        }
        return new Chart(id, title, description, unit, true, LABEL_WIDTH + BAR_AREA + 90, Math.max(y + 10, 40), bars);
    }

    /** Vertical columns: good for a time series (months). */
    public static Chart columns(String id, String title, String description, String unit, List<Entry> entries) {
        double max = entries.stream().mapToDouble(Entry::value).max().orElse(0);
        int plot = 180;
        int col = 52;
        List<Bar> bars = new ArrayList<>();
        int x = 20;
        for (Entry e : entries) {
            int h = max <= 0 ? 0 : (int) Math.round(e.value() / max * plot);
            h = Math.max(h, e.value() > 0 ? 2 : 0);
            int top = 30 + plot - h;
            bars.add(new Bar(e.label(), e.valueText(), x, top, col - 14, h, x + (col - 14) / 2, 30 + plot + 18, x + (col - 14) / 2, top - 6));
            x += col;
        }
        return new Chart(id, title, description, unit, false, Math.max(x + 20, 200), 30 + plot + 30, bars);
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
