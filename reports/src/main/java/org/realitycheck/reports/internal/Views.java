package org.realitycheck.reports.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.Verdict;

/** Pieces of the template views the HTML report and the comparison share. */
public final class Views {
    private Views() {
    }

    /** @return the CSS class suffix of a status: {@code pass}, {@code warn}, {@code fail}, {@code error}, {@code skipped} */
    public static String statusClass(Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** @return a glyph that carries the status without colour (for colour-blind readers and print) */
    public static String glyph(Status s) {
        return switch (s) {
            case PASS -> "\u2714";
            case WARN -> "\u26A0";
            case FAIL -> "\u2716";
            case ERROR -> "\u2716";
            case SKIPPED -> "\u2013";
        };
    }

    /** @return the CSS class suffix of a verdict */
    public static String verdictClass(Verdict v) {
        return switch (v) {
            case PASSED -> "pass";
            case PASSED_WITH_WARNINGS -> "warn";
            case FAILED -> "fail";
        };
    }

    /** @return a glyph for a verdict */
    public static String glyph(Verdict v) {
        return switch (v) {
            case PASSED -> "\u2714";
            case PASSED_WITH_WARNINGS -> "\u26A0";
            case FAILED -> "\u2716";
        };
    }

    /** @return a status badge view: {@code status}, {@code statusClass}, {@code glyph} */
    public static Map<String, Object> badge(Status s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.name());
        m.put("statusClass", statusClass(s));
        m.put("glyph", glyph(s));
        return m;
    }

    /**
     * @return the view of one artifact: {@code title}, {@code caption}, and {@code img} (uri, CSS width and
     *     height, alt) for pictures or {@code table} (columns, rows) for tables, plus drawing {@code notes}
     */
    public static Map<String, Object> artifact(Artifact a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", a.title() == null ? "" : a.title());
        m.put("caption", a.caption() == null ? "" : a.caption());
        List<String> notes = new ArrayList<>();
        if (a instanceof Artifact.Histograms h) {
            Charts.Drawn d = Charts.histograms(h);
            m.put("img", img(d.image(), "histogram: " + m.get("title"), Charts.CHART_SCALE));
            notes.addAll(d.notes());
        } else if (a instanceof Artifact.Curves c) {
            Charts.Drawn d = Charts.curves(c);
            m.put("img", img(d.image(), "plot: " + m.get("title"), Charts.CHART_SCALE));
            notes.addAll(d.notes());
        } else if (a instanceof Artifact.Images i) {
            Charts.Drawn d = ImagePanels.draw(i);
            m.put("img", img(d.image(), ImagePanels.describe(i), Charts.SCALE));
            notes.addAll(d.notes());
        } else if (a instanceof Artifact.Table t) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("columns", t.columns());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<String> r : t.rows()) {
                rows.add(Map.of("cells", r));
            }
            table.put("rows", rows);
            m.put("table", table);
        }
        m.put("drawn", String.join("; ", notes));
        return m;
    }

    /** @param scale device pixels per CSS pixel of {@code image} */
    private static Map<String, Object> img(BufferedImage image, String alt, double scale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", Png.dataUri(image));
        m.put("width", (int) Math.round(image.getWidth() / scale));
        m.put("height", (int) Math.round(image.getHeight() / scale));
        m.put("alt", alt);
        return m;
    }
}
