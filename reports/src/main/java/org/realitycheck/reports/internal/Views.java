package org.realitycheck.reports.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.ThresholdResult;
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
        } else if (a instanceof Artifact.Images given) {
            Artifact.Images i = ImagePanels.withResidual(given);
            Charts.Drawn d = ImagePanels.draw(i);
            m.put("img", img(d.image(), ImagePanels.describe(i), Charts.SCALE));
            notes.addAll(d.notes());
            if (i != given) {
                notes.add("the last column, model \u2212 truth, is computed for this report from the model and truth panels");
            }
            m.put("wide", true);
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

    /**
     * The judged ratio drawn where a reader looks for it: for a resolution curve of observable {@code o} (model
     * and conventional method, per bin) and a non-passing threshold on {@code o.worst_resolution_ratio_in_application_range}
     * or {@code o.resolution_ratio_per_bin}, a figure of the ratio model ÷ conventional per bin, the threshold's
     * bound as a dashed line and an arrow at each bin that decided (the worst bin inside the application range,
     * or every bin beyond the bound).
     *
     * @param rule the threshold's rule in words, e.g. {@code ≤ 1.3}
     * @return the figure's view, or empty when the curve is not such a resolution curve
     */
    public static java.util.Optional<Map<String, Object>> judgedRatio(Artifact.Curves a, ThresholdResult t, String rule) {
        // the curve's name is <prefix>resolution_vs_<covariate>.<observable>; the metric's <prefix><observable>.<ratio>
        java.util.regex.Matcher nm = java.util.regex.Pattern.compile("^(.*)resolution_vs_[^.]+\\.(.+)$")
                .matcher(a.name() == null ? "" : a.name());
        if (!nm.matches() || "change".equals(t.kind()) || !t.metric().startsWith(nm.group(1) + nm.group(2) + ".")) {
            return java.util.Optional.empty();
        }
        String obs = nm.group(2);
        String what = t.metric().substring(nm.group(1).length() + obs.length() + 1);
        boolean worst = what.equals("worst_resolution_ratio_in_application_range");
        if (!worst && !what.equals("resolution_ratio_per_bin")) {
            return java.util.Optional.empty();
        }
        Artifact.Curve model = null;
        Artifact.Curve conv = null;
        for (Artifact.Curve c : a.curves()) {
            if ("model".equals(c.label())) {
                model = c;
            } else if (conv == null) {
                conv = c;
            }
        }
        if (model == null || conv == null || model.x().length != conv.x().length) {
            return java.util.Optional.empty();
        }
        double bound = "mostly".equals(t.kind()) ? Double.NaN : t.bound();
        double appLo = Double.NEGATIVE_INFINITY;
        double appHi = Double.POSITIVE_INFINITY;
        for (Artifact.Band b : a.bands()) {
            if ("application".equals(b.kind())) {
                appLo = b.from();
                appHi = b.to();
            }
        }
        int n = model.x().length;
        double[] ratio = new double[n];
        int worstAt = -1;
        for (int i = 0; i < n; i++) {
            ratio[i] = model.y()[i] / conv.y()[i];
            boolean inApp = model.x()[i] >= appLo && model.x()[i] <= appHi;
            if (inApp && Double.isFinite(ratio[i]) && (worstAt < 0 || ratio[i] > ratio[worstAt])) {
                worstAt = i;
            }
        }
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean beyond = Double.isFinite(bound) && ratio[i] > bound && model.x()[i] >= appLo && model.x()[i] <= appHi;
            if (worst ? i == worstAt : beyond) {
                fx.add(model.x()[i]);
                fy.add(ratio[i]);
            }
        }
        double line = Double.isFinite(bound) ? bound : 1.3;
        Artifact.Curves derived = new Artifact.Curves(a.name() + ".judged", obs + ": the judged ratio against " + a.xLabel(),
                "The ratio " + t.metric() + " is made of: the model's resolution over the conventional method's, per bin (point "
                        + "values; the intervals are in the metrics table). Dashed: the threshold's bound " + rule
                        + "; arrow: the bin that decided.", a.xLabel(), a.xUnit(), "model ÷ conventional resolution", "", a.logX(),
                List.of(Artifact.Curve.of("model ÷ " + (conv.label() == null ? "conventional" : conv.label()), model.x(), ratio)),
                a.bands());
        Charts.Drawn d = Charts.curves(derived, new Charts.Judged(line, "bound " + rule + " (" + t.severity() + ")",
                fx.stream().mapToDouble(Double::doubleValue).toArray(), fy.stream().mapToDouble(Double::doubleValue).toArray()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", derived.title());
        m.put("caption", derived.caption());
        m.put("img", img(d.image(), "plot: " + derived.title(), Charts.CHART_SCALE));
        List<String> notes = new ArrayList<>(d.notes());
        notes.add("drawn for this report from the two resolution curves above and the threshold");
        m.put("drawn", String.join("; ", notes));
        return java.util.Optional.of(m);
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
