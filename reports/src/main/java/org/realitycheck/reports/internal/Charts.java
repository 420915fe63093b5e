package org.realitycheck.reports.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.realitycheck.validation.Artifact;

/**
 * Draws the report's plots with JFreeChart, headless, into PNGs rendered at twice their CSS size
 * ({@link #WIDTH}×{@link #HEIGHT} CSS pixels) so they stay sharp on high-DPI screens. The chart has no
 * title (the HTML figure carries it, escaped) and a white background, which reads well in light and
 * dark pages alike.
 */
public final class Charts {
    /** CSS width of a chart. */
    public static final int WIDTH = 800;
    /** CSS height of a chart. */
    public static final int HEIGHT = 460;
    /** Device pixels per CSS pixel of image panels. */
    public static final int SCALE = 2;
    /**
     * Device pixels per CSS pixel of charts: 1.5 keeps lines and labels sharp on high-DPI screens at
     * about 60% of the bytes of 2× (a default hep suite has ~45 charts; at 2× its report passed the
     * 5 MB budget).
     */
    public static final double CHART_SCALE = 1.5;

    /**
     * Okabe–Ito colours (Okabe and Ito 2008), distinguishable with the common colour-vision deficiencies:
     * blue, orange, bluish green, vermillion, reddish purple, sky blue, black.
     */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000)};
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Color TRAINING = new Color(0x009E73);
    private static final Color APPLICATION = new Color(0x0072B2);

    private Charts() {
    }

    /** A drawn chart and what the reader should know about how it was drawn. */
    public record Drawn(BufferedImage image, List<String> notes) {
    }

    /**
     * Overlaid histograms on their shared binning: each series as a translucent fill under a solid
     * step outline, so every overlaid shape stays visible.
     */
    public static Drawn histograms(Artifact.Histograms h) {
        List<String> notes = new ArrayList<>();
        double[] e = h.edges();
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        XYSeriesCollection steps = new XYSeriesCollection();
        Set<String> keys = new HashSet<>();
        boolean density = !h.series().isEmpty() && h.series().stream().allMatch(Artifact.Series::density);
        for (Artifact.Series s : h.series()) {
            String key = unique(legend(s), keys);
            XYIntervalSeries b = new XYIntervalSeries(key);
            XYSeries st = new XYSeries(key, false, true);
            double[] c = s.counts();
            for (int i = 0; i < c.length; i++) {
                double y = Double.isFinite(c[i]) ? c[i] : 0;
                b.add(0.5 * (e[i] + e[i + 1]), e[i], e[i + 1], y, 0, y);
                st.add(e[i], y);
            }
            if (c.length > 0) {
                st.add(e[c.length], Double.isFinite(c[c.length - 1]) ? c[c.length - 1] : 0);
            }
            bars.addSeries(b);
            steps.addSeries(st);
        }
        NumberAxis x = new NumberAxis(Text.axis(h.xLabel(), h.unit()));
        x.setAutoRangeIncludesZero(false);
        if (e.length >= 2 && e[0] < e[e.length - 1]) {
            x.setRange(e[0], e[e.length - 1]);
        }
        String perUnit = h.unit() == null || h.unit().isBlank() ? "" : " [1/" + h.unit() + "]";
        NumberAxis y = new NumberAxis(density ? "density" + perUnit : "entries per bin [count]");
        XYBarRenderer fill = new XYBarRenderer();
        fill.setBarPainter(new StandardXYBarPainter());
        fill.setShadowVisible(false);
        fill.setDrawBarOutline(false);
        fill.setDefaultSeriesVisibleInLegend(false);
        XYStepRenderer line = new XYStepRenderer();
        for (int i = 0; i < h.series().size(); i++) {
            Color c = colour(i);
            fill.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 48));
            line.setSeriesPaint(i, c);
            line.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        XYPlot plot = new XYPlot(steps, x, y, line);
        plot.setDataset(1, bars);
        plot.setRenderer(1, fill);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        if (h.series().isEmpty()) {
            notes.add("no series to draw");
        }
        for (Artifact.Series s : h.series()) {
            pileUp(s).ifPresent(notes::add);
        }
        return new Drawn(draw(plot), notes);
    }

    /**
     * @return a sentence when an edge bin of the series holds a spike (at least a quarter of the entries in range
     *     and five times its neighbour): many values at one end of the range, which a reader would take for an
     *     overflow bin; under- and overflow entries are never drawn in a bin (the legend counts them)
     */
    public static java.util.Optional<String> pileUp(Artifact.Series s) {
        double[] c = s.counts();
        if (c.length < 3) {
            return java.util.Optional.empty();
        }
        double total = 0;
        for (double v : c) {
            total += Double.isFinite(v) ? v : 0;
        }
        for (int end = 0; end < 2; end++) {
            int i = end == 0 ? 0 : c.length - 1;
            double next = c[end == 0 ? 1 : c.length - 2];
            if (total > 0 && c[i] >= 0.25 * total && c[i] >= 5 * Math.max(next, 1)) {
                return java.util.Optional.of("the " + (end == 0 ? "first" : "last") + " bin of " + (s.label() == null ? "a series" : s.label())
                        + " holds " + Text.count(c[i]) + " of its " + Text.count(total) + " entries in range: values pile up at the "
                        + (end == 0 ? "low" : "high") + " end of the range, inside it (not an "
                        + (end == 0 ? "underflow" : "overflow") + " bin: out-of-range entries are counted in the legend, never drawn)");
            }
        }
        return java.util.Optional.empty();
    }

    private static String legend(Artifact.Series s) {
        String l = s.label() == null || s.label().isBlank() ? "series" : s.label();
        if (s.underflow() > 0 || s.overflow() > 0) {
            l += " (" + Text.count(s.underflow()) + " below, " + Text.count(s.overflow()) + " above the range)";
        }
        return l;
    }

    /**
     * Curves with error bars over a common x axis; training bands shaded, application bands outlined,
     * each labelled. A requested log axis falls back to linear (with a note) when an x is not positive.
     */
    public static Drawn curves(Artifact.Curves a) {
        return curves(a, null);
    }

    /**
     * What a threshold judged on a curve: its bound, drawn as a dashed horizontal line, and the points that
     * decided, each with an arrow and its value.
     *
     * @param bound the threshold's bound on the y axis
     * @param label the line's label, e.g. {@code bound ≤ 1.3 (fail)}
     * @param xs x of the deciding points
     * @param ys y of the deciding points
     */
    public record Judged(double bound, String label, double[] xs, double[] ys) {
    }

    /** {@link #curves(Artifact.Curves)} with a threshold's bound and deciding points drawn on it (null: none). */
    public static Drawn curves(Artifact.Curves a, Judged judged) {
        List<String> notes = new ArrayList<>();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Set<String> keys = new HashSet<>();
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (Artifact.Curve c : a.curves()) {
            YIntervalSeries s = new YIntervalSeries(unique(c.label() == null || c.label().isBlank() ? "curve" : c.label(), keys));
            boolean bars = c.yLow().length == c.y().length && c.yLow().length > 0;
            for (int i = 0; i < c.x().length; i++) {
                double xv = c.x()[i];
                double yv = c.y()[i];
                if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                    continue;
                }
                double lo = bars && Double.isFinite(c.yLow()[i]) ? c.yLow()[i] : yv;
                double hi = bars && Double.isFinite(c.yHigh()[i]) ? c.yHigh()[i] : yv;
                s.add(xv, yv, Math.min(lo, yv), Math.max(hi, yv));
                xmin = Math.min(xmin, xv);
                xmax = Math.max(xmax, xv);
                positive &= xv > 0;
            }
            data.addSeries(s);
        }
        boolean log = a.logX() && positive && xmin <= xmax;
        if (a.logX() && !log) {
            notes.add("a logarithmic x axis was asked for, but some x values are not positive: drawn linear");
        }
        // the axis covers the data and every band (clipped to the data's decade on a log axis)
        double lo = xmin;
        double hi = xmax;
        for (Artifact.Band b : a.bands()) {
            if (Double.isFinite(b.from()) && (!log || b.from() > 0)) {
                lo = Math.min(lo, b.from());
            }
            if (Double.isFinite(b.to()) && (!log || b.to() > 0)) {
                hi = Math.max(hi, b.to());
            }
        }
        String xl = Text.axis(a.xLabel(), a.xUnit());
        ValueAxis x;
        if (log) {
            LogAxis la = new LogAxis(xl);
            la.setSmallestValue(Math.min(lo, xmin) * 0.5);
            // ticks at whole decades, printed as plain numbers (1, 10, 100 rather than 10^0.2 steps)
            la.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0), false, true);
            la.setNumberFormatOverride(new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            la.setMinorTickCount(9);
            la.setMinorTickMarksVisible(true);
            x = la;
        } else {
            NumberAxis na = new NumberAxis(xl);
            na.setAutoRangeIncludesZero(false);
            x = na;
        }
        if (lo < hi) {
            double pad = log ? 0 : 0.03 * (hi - lo);
            x.setRange(log ? lo / 1.15 : lo - pad, log ? hi * 1.15 : hi + pad);
        }
        NumberAxis y = new NumberAxis(Text.axis(a.yLabel(), a.yUnit()));
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(8);
        r.setErrorStroke(new BasicStroke(1.6f));
        for (int i = 0; i < a.curves().size(); i++) {
            r.setSeriesPaint(i, colour(i));
            r.setSeriesStroke(i, new BasicStroke(2.2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        int nTraining = 0;
        int nApplication = 0;
        for (Artifact.Band b : a.bands()) {
            boolean training = "training".equals(b.kind());
            IntervalMarker m = new IntervalMarker(b.from(), b.to());
            Color c = training ? TRAINING : APPLICATION;
            if (training) {
                m.setPaint(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40));
                m.setOutlinePaint(null);
            } else {
                m.setPaint(new Color(c.getRed(), c.getGreen(), c.getBlue(), 14));
                m.setOutlinePaint(c);
                m.setOutlineStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            }
            m.setLabel(b.label() == null || b.label().isBlank() ? b.kind() + " range" : b.label());
            m.setLabelFont(LEGEND);
            m.setLabelPaint(c.darker());
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            // training labels along the top, application labels along the bottom: they never overlap
            int k = training ? nTraining++ : nApplication++;
            m.setLabelAnchor(training ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(training ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
            m.setLabelOffset(new RectangleInsets(6 + 18 * k, 6, 6 + 18 * k, 6));
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        if (a.curves().isEmpty()) {
            notes.add("no curves to draw");
        }
        if (judged != null) {
            org.jfree.chart.plot.ValueMarker b = new org.jfree.chart.plot.ValueMarker(judged.bound());
            b.setPaint(new Color(0xB3001B));
            b.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
            b.setLabel(judged.label());
            b.setLabelFont(LEGEND);
            b.setLabelPaint(new Color(0xB3001B));
            b.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            b.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            b.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(b, Layer.FOREGROUND);
            double top = judged.bound();
            for (int i = 0; i < judged.xs().length; i++) {
                var arrow = new org.jfree.chart.annotations.XYPointerAnnotation(
                        org.realitycheck.validation.Judge.fmt(judged.ys()[i]), judged.xs()[i], judged.ys()[i], Math.PI * 0.75);
                arrow.setFont(LEGEND);
                arrow.setPaint(new Color(0xB3001B));
                arrow.setArrowPaint(new Color(0xB3001B));
                arrow.setArrowStroke(new BasicStroke(2f));
                arrow.setTipRadius(9);
                arrow.setBaseRadius(42);
                arrow.setLabelOffset(4);
                plot.addAnnotation(arrow);
                top = Math.max(top, judged.ys()[i]);
            }
            // the bound and the deciding points stay on the plot whatever the curves' own range
            NumberAxis ya = (NumberAxis) plot.getRangeAxis();
            double low = Math.min(ya.getLowerBound(), judged.bound());
            double high = Math.max(ya.getUpperBound(), top);
            ya.setRange(low - 0.05 * (high - low), high + 0.15 * (high - low));
        }
        return new Drawn(draw(plot), notes);
    }

    private static BufferedImage draw(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD0D0D0));
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        plot.setOutlinePaint(new Color(0x808080));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        for (ValueAxis ax : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            ax.setLabelFont(LABEL);
            ax.setTickLabelFont(TICK);
            ax.setLabelPaint(Color.BLACK);
            ax.setTickLabelPaint(new Color(0x202020));
        }
        JFreeChart chart = new JFreeChart(null, LABEL, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 4, 16));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
        BufferedImage img = new BufferedImage((int) Math.round(WIDTH * CHART_SCALE), (int) Math.round(HEIGHT * CHART_SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(CHART_SCALE, CHART_SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** JFreeChart series keys must be unique: a repeated label gets a counter. */
    private static String unique(String key, Set<String> seen) {
        String k = key;
        for (int n = 2; !seen.add(k); n++) {
            k = key + " (" + n + ")";
        }
        return k;
    }
}
