package org.realitycheck.reports.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Judge;

/**
 * Draws an {@link Artifact.Images} artifact as one picture: column titles on top, then per row its
 * label and its panels, pixels written straight into the image (nearest neighbour, so a pixel stays a
 * pixel) with a colour map, detections outlined as circles, and a labelled colour bar per scale.
 *
 * <p>Scales, per row: the intensity panels share one sequential scale ({@link ColorMap#VIRIDIS}) from
 * the row's 0.5th to its 99.8th percentile (a few hot pixels would otherwise wash out the rest), with
 * an asinh stretch whose softening is twice the row's robust noise (MAD·1.4826): linear within the noise,
 * logarithmic above it, so a bright core and faint outskirts show at once (Lupton et al. 2004, PASP 116,
 * 133, the usual stretch for astronomical images); the
 * residual panels (a column label with "−", " - " or "residual") share one symmetric diverging scale
 * ({@link ColorMap#RDBU}) of ±the 99th percentile of |residual|, so a residual is never drawn on the
 * intensity scale, where it would vanish. Each colour bar says when its ends are clipped.
 */
public final class ImagePanels {
    private static final int SCALE = Charts.SCALE;
    private static final int TARGET = 128 * SCALE;
    private static final int GAP = 10 * SCALE;
    private static final int PAD = 8 * SCALE;
    private static final int HEADER = 22 * SCALE;
    private static final int ROW_LABEL = 22 * SCALE;
    private static final int BAR = 12 * SCALE;
    private static final int BAR_BLOCK = 88 * SCALE;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13 * SCALE);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12 * SCALE);
    private static final Color INK = new Color(0x1A1A1A);

    private ImagePanels() {
    }

    /** @return true when a column holds residuals (drawn on a diverging scale) */
    public static boolean isResidual(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.contains("\u2212") || c.contains(" - ") || c.contains("residual");
    }

    /**
     * @return the artifact with a {@code model − truth} column appended to every row when it has a
     *     {@code model} and a {@code truth} column and no residual column of its own: the residual shows what
     *     the model lost or invented, which side-by-side intensities hide
     */
    public static Artifact.Images withResidual(Artifact.Images a) {
        int m = a.columns().indexOf("model");
        int t = a.columns().indexOf("truth");
        if (m < 0 || t < 0 || a.columns().stream().anyMatch(ImagePanels::isResidual)) {
            return a;
        }
        List<String> cols = new ArrayList<>(a.columns());
        cols.add("model \u2212 truth");
        List<Artifact.ImageRow> rows = new ArrayList<>();
        for (Artifact.ImageRow r : a.rows()) {
            if (r.panels().size() <= Math.max(m, t)) {
                return a;
            }
            float[] mv = r.panels().get(m);
            float[] tv = r.panels().get(t);
            float[] d = new float[Math.min(mv.length, tv.length)];
            for (int i = 0; i < d.length; i++) {
                d[i] = mv[i] - tv[i];
            }
            List<float[]> panels = new ArrayList<>(r.panels());
            panels.add(d);
            List<Artifact.Marker> marks = new ArrayList<>(r.markers());
            for (Artifact.Marker k : r.markers()) {
                if (k.panel() == t) {
                    marks.add(new Artifact.Marker(cols.size() - 1, k.x(), k.y(), k.radius(), k.label()));
                }
            }
            rows.add(new Artifact.ImageRow(r.label(), panels, marks));
        }
        return new Artifact.Images(a.name(), a.title(), a.caption(), a.width(), a.height(), a.unit(), cols, rows);
    }

    /** @return the picture of every row of the artifact */
    public static Charts.Drawn draw(Artifact.Images a) {
        int w = a.width();
        int h = a.height();
        int px = Math.max(1, Math.round((float) TARGET / Math.max(1, Math.max(w, h))));
        int pw = w * px;
        int ph = h * px;
        int nCol = a.columns().size();
        boolean[] resid = new boolean[nCol];
        boolean anyResid = false;
        boolean anyIntensity = false;
        for (int c = 0; c < nCol; c++) {
            resid[c] = isResidual(a.columns().get(c));
            anyResid |= resid[c];
            anyIntensity |= !resid[c];
        }
        int bars = (anyResid ? 1 : 0) + (anyIntensity ? 1 : 0);
        int width = PAD + nCol * pw + Math.max(0, nCol - 1) * GAP + bars * (GAP + BAR_BLOCK) + PAD;
        int rowH = ROW_LABEL + ph + GAP;
        int height = PAD + HEADER + Math.max(1, a.rows().size()) * rowH + PAD;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(INK);
            for (int c = 0; c < nCol; c++) {
                int x0 = PAD + c * (pw + GAP);
                drawFitted(g, a.columns().get(c), TITLE, x0, PAD + HEADER - 6 * SCALE, pw);
            }
            String unit = a.unit() == null || a.unit().isBlank() ? "" : a.unit();
            int barX0 = PAD + nCol * pw + Math.max(0, nCol - 1) * GAP + GAP;
            if (anyIntensity) {
                drawFitted(g, "intensity" + (unit.isEmpty() ? "" : " [" + unit + "]"), SMALL, barX0,
                        PAD + HEADER - 6 * SCALE, BAR_BLOCK);
            }
            if (anyResid) {
                int bx = barX0 + (anyIntensity ? GAP + BAR_BLOCK : 0);
                drawFitted(g, "residual" + (unit.isEmpty() ? "" : " [" + unit + "]"), SMALL, bx,
                        PAD + HEADER - 6 * SCALE, BAR_BLOCK);
            }
            for (int r = 0; r < a.rows().size(); r++) {
                Artifact.ImageRow row = a.rows().get(r);
                int y0 = PAD + HEADER + r * rowH;
                g.setColor(INK);
                drawFitted(g, rowLabel(row), SMALL, PAD, y0 + ROW_LABEL - 6 * SCALE, width - 2 * PAD);
                int py = y0 + ROW_LABEL;
                double[] seq = anyIntensity ? range(row.panels(), resid, false) : null;
                double[] div = anyResid ? range(row.panels(), resid, true) : null;
                for (int c = 0; c < nCol; c++) {
                    int x0 = PAD + c * (pw + GAP);
                    float[] p = row.panels().get(c);
                    for (int yy = 0; yy < h; yy++) {
                        for (int xx = 0; xx < w; xx++) {
                            float v = p[yy * w + xx];
                            int rgb = resid[c] ? ColorMap.RDBU.rgb((v - div[0]) / (div[1] - div[0]))
                                    : ColorMap.VIRIDIS.rgb(stretch(v, seq));
                            for (int dy = 0; dy < px; dy++) {
                                int yi = py + yy * px + dy;
                                for (int dx = 0; dx < px; dx++) {
                                    img.setRGB(x0 + xx * px + dx, yi, rgb);
                                }
                            }
                        }
                    }
                    g.setColor(new Color(0x606060));
                    g.setStroke(new BasicStroke(1f));
                    g.drawRect(x0 - 1, py - 1, pw + 1, ph + 1);
                }
                for (Artifact.Marker m : row.markers()) {
                    if (m.panel() < 0 || m.panel() >= nCol) {
                        continue;
                    }
                    double cx = PAD + m.panel() * (pw + GAP) + m.x() * px;
                    double cy = py + m.y() * px;
                    // four ticks pointing at the object from outside twice its radius: the object itself stays
                    // uncovered (a ring at its radius would hide the faint source it points at)
                    double inner = Math.max(4 * SCALE, 2 * m.radius() * px);
                    double outer = inner + 6 * SCALE;
                    java.awt.Shape clip = g.getClip();
                    g.clipRect(PAD + m.panel() * (pw + GAP), py, pw, ph);
                    for (int q = 0; q < 4; q++) {
                        double dx = q == 0 ? 1 : q == 1 ? -1 : 0;
                        double dy = q == 2 ? 1 : q == 3 ? -1 : 0;
                        java.awt.geom.Line2D tick = new java.awt.geom.Line2D.Double(cx + dx * inner, cy + dy * inner,
                                cx + dx * outer, cy + dy * outer);
                        // a dark stroke under a light one: visible on every colour of both maps
                        g.setStroke(new BasicStroke(3.2f * SCALE));
                        g.setColor(Color.BLACK);
                        g.draw(tick);
                        g.setStroke(new BasicStroke(1.4f * SCALE));
                        g.setColor(new Color(0xFF3DF5));
                        g.draw(tick);
                    }
                    g.setClip(clip);
                }
                int bx = barX0;
                if (anyIntensity) {
                    colourBar(g, ColorMap.VIRIDIS, seq, bx, py, ph);
                    bx += GAP + BAR_BLOCK;
                }
                if (anyResid) {
                    colourBar(g, ColorMap.RDBU, div, bx, py, ph);
                }
            }
        } finally {
            g.dispose();
        }
        List<String> notes = new ArrayList<>();
        if (anyIntensity) {
            notes.add("intensities on an asinh stretch softened at twice the row's noise, one scale per row");
        }
        if (anyResid) {
            notes.add("residuals on a linear diverging scale centred on zero, one per row");
        }
        return new Charts.Drawn(img, notes);
    }

    private static String rowLabel(Artifact.ImageRow row) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Artifact.Marker m : row.markers()) {
            kinds.add(m.label() == null || m.label().isBlank() ? "marked" : m.label());
        }
        String label = row.label() == null ? "" : row.label();
        return kinds.isEmpty() ? label : label + "    \u271B " + String.join(", ", kinds);
    }

    /**
     * @return {lo, hi, clippedLow, clippedHigh, softening, centre} of the row's intensity panels
     *     (percentiles 0.5 and 99.8, the floor no lower than one noise σ below the median; asinh softening
     *     and centre: the robust σ and the median) or residual panels (±99th percentile of |r|, linear:
     *     softening 0); clipped flags are 1 when values lie beyond
     */
    static double[] range(List<float[]> panels, boolean[] resid, boolean residual) {
        int n = 0;
        for (int c = 0; c < panels.size(); c++) {
            if (resid[c] == residual) {
                n += panels.get(c).length;
            }
        }
        double[] v = new double[n];
        int k = 0;
        for (int c = 0; c < panels.size(); c++) {
            if (resid[c] != residual) {
                continue;
            }
            for (float f : panels.get(c)) {
                if (Float.isFinite(f)) {
                    v[k++] = residual ? Math.abs(f) : f;
                }
            }
        }
        v = Arrays.copyOf(v, k);
        Arrays.sort(v);
        if (k == 0) {
            return residual ? new double[] {-1, 1, 0, 0, 0, 0} : new double[] {0, 1, 0, 0, 1, 0};
        }
        if (residual) {
            double m = quantile(v, 0.99);
            if (!(m > 0)) {
                m = v[k - 1] > 0 ? v[k - 1] : 1;
            }
            return new double[] {-m, m, v[k - 1] > m ? 1 : 0, v[k - 1] > m ? 1 : 0, 0, 0};
        }
        double lo = quantile(v, 0.005);
        double hi = quantile(v, 0.998);
        if (!(hi > lo)) {
            lo = v[0];
            hi = v[k - 1] > lo ? v[k - 1] : lo + 1;
        }
        double med = quantile(v, 0.5);
        double[] dev = new double[k];
        for (int i = 0; i < k; i++) {
            dev[i] = Math.abs(v[i] - med);
        }
        Arrays.sort(dev);
        // twice the robust σ: noise stays visible as texture without drowning the objects
        double soft = 2 * 1.4826 * quantile(dev, 0.5);
        if (!(soft > (hi - lo) * 1e-3)) {
            soft = (hi - lo) / 100;
        }
        // the floor sits one noise σ below the sky: the sky reads dark, its noise as texture
        lo = Math.max(lo, med - soft);
        if (!(hi > lo)) {
            hi = lo + soft;
        }
        return new double[] {lo, hi, v[0] < lo ? 1 : 0, v[k - 1] > hi ? 1 : 0, soft, med};
    }

    /** @return the position in [0, 1] of {@code v} on a scale; range[4] > 0 is an asinh softening, 0 linear */
    static double stretch(double v, double[] range) {
        double t = (v - range[0]) / (range[1] - range[0]);
        if (range[4] <= 0) {
            return t;
        }
        double b = range[4];
        double a0 = asinh((range[0] - range[5]) / b);
        double a1 = asinh((range[1] - range[5]) / b);
        return (asinh((v - range[5]) / b) - a0) / (a1 - a0);
    }

    private static double unstretch(double t, double[] range) {
        if (range[4] <= 0) {
            return range[0] + t * (range[1] - range[0]);
        }
        double b = range[4];
        double a0 = asinh((range[0] - range[5]) / b);
        double a1 = asinh((range[1] - range[5]) / b);
        return range[5] + b * Math.sinh(a0 + t * (a1 - a0));
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    /** @return {@code v} rounded to two significant digits, for tick labels */
    private static double round2(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
        return Math.round(v / mag) * mag;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static void colourBar(Graphics2D g, ColorMap map, double[] range, int x, int y, int h) {
        for (int i = 0; i < h; i++) {
            g.setColor(new Color(map.rgb(1 - (double) i / (h - 1))));  // the bar runs in stretched units
            g.fillRect(x, y + i, BAR, 1);
        }
        g.setColor(new Color(0x606060));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, BAR, h - 1);
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(INK);
        double[] values = new double[5];
        for (int t = 0; t <= 4; t++) {
            double f = t / 4.0;
            // the ends are the exact scale limits; inner ticks sit at rounded values
            double v = unstretch(f, range);
            values[t] = t == 0 || t == 4 ? v : round2(v);
        }
        for (int t = 0; t <= 4; t++) {
            double val = values[t];
            double f = range[4] > 0 || t == 0 || t == 4 ? stretch(val, range) : (val - range[0]) / (range[1] - range[0]);
            if (t > 0 && t < 4 && (val <= values[0] || val >= values[4] || val == values[t - 1])) {
                continue;
            }
            int ty = y + (int) Math.round((1 - f) * (h - 1));
            g.drawLine(x + BAR, ty, x + BAR + 4 * SCALE, ty);
            String s = Judge.fmt(Math.abs(val) < 1e-9 * Math.max(Math.abs(range[0]), Math.abs(range[1])) ? 0 : val);
            if (t == 4 && range[3] > 0) {
                s = "\u2265 " + s;
            } else if (t == 0 && range[2] > 0) {
                s = "\u2264 " + s;
            }
            int baseline = ty + fm.getAscent() / 2 - 2;
            baseline = Math.max(y + fm.getAscent() - 2 * SCALE, Math.min(y + h + 2 * SCALE, baseline));
            g.drawString(s, x + BAR + 6 * SCALE, baseline);
        }
    }

    /** Draws text left-aligned at a baseline, shrinking it (then cutting it) to fit {@code maxWidth}. */
    private static void drawFitted(Graphics2D g, String text, Font font, int x, int baseline, int maxWidth) {
        Font f = font;
        FontMetrics fm = g.getFontMetrics(f);
        while (fm.stringWidth(text) > maxWidth && f.getSize() > 9 * SCALE) {
            f = f.deriveFont((float) f.getSize() - 1);
            fm = g.getFontMetrics(f);
        }
        String t = text;
        while (fm.stringWidth(t) > maxWidth && t.length() > 1) {
            t = t.substring(0, t.length() - 2) + "…";
        }
        g.setFont(f);
        g.drawString(t, x, baseline);
    }

    /** @return the column titles joined, for alt text */
    public static String describe(Artifact.Images a) {
        List<String> parts = new ArrayList<>(a.columns());
        return a.rows().size() + " row(s) of " + a.width() + "×" + a.height() + " panels: " + String.join(" | ", parts);
    }
}
