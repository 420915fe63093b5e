package org.realitycheck.validation;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Evidence a check hands to the report, as <em>data</em>: binned histograms, curves with error bars,
 * a few image panels as float arrays, small tables. Never pictures: drawing is the reports module's
 * job. Artifacts hold aggregates, never raw data sets, so that {@code result.json} and the report
 * stay small (the report's budget is 5 MB).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Artifact.Histograms.class, name = "histograms"),
    @JsonSubTypes.Type(value = Artifact.Curves.class, name = "curves"),
    @JsonSubTypes.Type(value = Artifact.Images.class, name = "images"),
    @JsonSubTypes.Type(value = Artifact.Table.class, name = "table")})
public sealed interface Artifact permits Artifact.Histograms, Artifact.Curves, Artifact.Images, Artifact.Table {
    /** @return an id unique inside its check, e.g. {@code residuals.flux_total} */
    String name();

    /** @return the figure's title */
    String title();

    /** @return one or two sentences under the figure: what it shows and what a good result looks like */
    String caption();

    /**
     * Histograms on one shared binning, overlaid (e.g. model and conventional residuals, or a pull
     * distribution with the N(0,1) expectation as a series).
     *
     * @param edges bin edges, ascending, {@code bins + 1} values
     * @param series one entry per overlaid histogram, each with {@code bins} counts
     */
    record Histograms(String name, String title, String caption, String xLabel, String unit, double[] edges,
            List<Series> series) implements Artifact {
        public Histograms {
            Objects.requireNonNull(edges, "edges");
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.counts().length != edges.length - 1) {
                    throw new IllegalArgumentException("histogram " + name + ": series " + s.label() + " has "
                            + s.counts().length + " bins, edges give " + (edges.length - 1));
                }
            }
        }
    }

    /**
     * One histogram's contents.
     *
     * @param label legend label, e.g. {@code model − truth}
     * @param counts per-bin contents (counts, or densities when {@code density} is true)
     * @param underflow entries below the first edge
     * @param overflow entries above the last edge
     * @param density true when {@code counts} are normalised to unit area
     */
    record Series(String label, double[] counts, double underflow, double overflow, boolean density) {
    }

    /**
     * Curves over a common x axis, each point with an optional error bar; bands shade x ranges (the
     * training range, the application range).
     */
    record Curves(String name, String title, String caption, String xLabel, String xUnit, String yLabel,
            String yUnit, boolean logX, List<Curve> curves, List<Band> bands) implements Artifact {
        public Curves {
            curves = List.copyOf(curves);
            bands = List.copyOf(bands);
        }
    }

    /**
     * One curve.
     *
     * @param yLow lower error-bar ends, same length as {@code y}, or empty
     * @param yHigh upper error-bar ends, same length as {@code y}, or empty
     */
    record Curve(String label, double[] x, double[] y, double[] yLow, double[] yHigh) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException("curve " + label + ": " + x.length + " x values, " + y.length + " y values");
            }
            if ((yLow.length != 0 && yLow.length != y.length) || yLow.length != yHigh.length) {
                throw new IllegalArgumentException("curve " + label + ": error bars must be empty or match y");
            }
        }

        /** A curve without error bars. */
        public static Curve of(String label, double[] x, double[] y) {
            return new Curve(label, x, y, new double[0], new double[0]);
        }
    }

    /**
     * A shaded x range.
     *
     * @param label e.g. {@code training range}
     * @param kind {@code training} or {@code application} (the report picks the style from it)
     */
    record Band(String label, String kind, double from, double to) {
    }

    /**
     * Rows of image panels that share one labelled colour scale per row, e.g. degraded input | model |
     * conventional | truth | model − truth. Pixels are row-major {@code height × width}.
     *
     * @param columns panel labels, one per panel of every row
     * @param unit the pixel unit, e.g. {@code counts}
     */
    record Images(String name, String title, String caption, int width, int height, String unit, List<String> columns,
            List<ImageRow> rows) implements Artifact {
        public Images {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            for (ImageRow r : rows) {
                if (r.panels().size() != columns.size()) {
                    throw new IllegalArgumentException("images " + name + ": row " + r.label() + " has "
                            + r.panels().size() + " panels for " + columns.size() + " columns");
                }
                for (float[] p : r.panels()) {
                    if (p.length != width * height) {
                        throw new IllegalArgumentException("images " + name + ": a panel of row " + r.label()
                                + " has " + p.length + " pixels, expected " + width * height);
                    }
                }
            }
        }
    }

    /**
     * One row of panels.
     *
     * @param label e.g. the sample id and why it was picked
     * @param panels one image per column, row-major
     * @param markers detections to outline
     */
    record ImageRow(String label, List<float[]> panels, List<Marker> markers) {
        public ImageRow {
            panels = List.copyOf(panels);
            markers = List.copyOf(markers);
        }
    }

    /**
     * A circle to draw on a panel (a detection, an injected object).
     *
     * @param panel index into the row's panels
     * @param x centre, pixels from the left edge
     * @param y centre, pixels from the top edge
     * @param radius pixels
     * @param label e.g. {@code 5σ source} or {@code injected}
     */
    record Marker(int panel, double x, double y, double radius, String label) {
    }

    /** A small table (e.g. recovered fraction per injection subtype). */
    record Table(String name, String title, String caption, List<String> columns, List<List<String>> rows)
            implements Artifact {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("table " + name + ": a row has " + r.size() + " cells for "
                            + columns.size() + " columns");
                }
            }
        }
    }
}
