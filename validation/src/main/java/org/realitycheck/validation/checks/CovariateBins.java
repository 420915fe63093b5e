package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bin edges over a covariate, linear or logarithmic, and the bin of a value. Bins are half-open
 * {@code [e_k, e_{k+1})} except the last, which includes its upper edge.
 *
 * @param edges ascending, at least two
 * @param log true when the edges are evenly spaced in log (the report draws a log axis)
 */
record CovariateBins(double[] edges, boolean log) {
    CovariateBins {
        if (edges.length < 2) {
            throw new IllegalArgumentException("need at least two bin edges, got " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("bin edges must be strictly ascending, got " + Arrays.toString(edges));
            }
        }
        edges = edges.clone();
    }

    /** {@code bins} equal bins over {@code [min, max]}, in log when {@code log} (then min must be > 0). */
    static CovariateBins even(double min, double max, int bins, boolean log) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (log && !(min > 0)) {
            throw new IllegalArgumentException("a log binning needs min > 0, got " + min);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("a binning needs max > min, got [" + min + ", " + max + "]");
        }
        double[] e = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            double f = (double) k / bins;
            e[k] = log ? Math.exp(Math.log(min) + f * (Math.log(max) - Math.log(min))) : min + f * (max - min);
        }
        e[0] = min;
        e[bins] = max;
        return new CovariateBins(e, log);
    }

    /**
     * Parses {@code "0.5, 2, 10, 100"} (commas or blanks between numbers).
     *
     * @throws IllegalArgumentException naming the text when it is not at least two ascending numbers
     */
    static CovariateBins parse(String text, boolean log) {
        String[] parts = text.trim().split("[,\\s]+");
        double[] e = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                e[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("bin_edges must be numbers separated by commas, got '" + text + "'");
        }
        try {
            return new CovariateBins(e, log);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("bin_edges '" + text + "': " + ex.getMessage());
        }
    }

    /**
     * Even bins over {@code [min, max]} with extra edges at {@code boundaries} (training and application
     * range ends) inside it, so that no bin straddles a boundary; an even edge closer than 0.3 of a bin
     * width (in the binning's scale) to a boundary is dropped in its favour.
     *
     * <p>Boundaries are taken in the order given, and one closer than {@link #SLIVER} of a bin width to
     * {@code min}, {@code max} or a boundary already taken is merged into it: a training range recorded
     * from the samples ({@code [0.01012, 0.09995]} for a prior of {@code [0.01, 0.1]}) must not cut a bin
     * of 0.0001 in redshift off the application range, whose handful of galaxies would then be judged as
     * "outside the training range". Pass the boundaries that define what is judged (the application
     * range) first.
     */
    static CovariateBins withBoundaries(double min, double max, int bins, boolean log, double... boundaries) {
        CovariateBins even = even(min, max, bins, log);
        double step = (scale(max, log) - scale(min, log)) / bins;
        List<Double> inner = new ArrayList<>();
        for (double b : boundaries) {
            if (!Double.isFinite(b) || !(b > min && b < max) || (log && !(b > 0))) {
                continue;
            }
            boolean sliver = Math.abs(scale(b, log) - scale(min, log)) < SLIVER * step
                    || Math.abs(scale(b, log) - scale(max, log)) < SLIVER * step;
            for (double taken : inner) {
                sliver |= Math.abs(scale(b, log) - scale(taken, log)) < SLIVER * step;
            }
            if (!sliver) {
                inner.add(b);
            }
        }
        List<Double> out = new ArrayList<>();
        out.add(min);
        for (int k = 1; k < bins; k++) {
            double e = even.edges[k];
            boolean near = false;
            for (double b : inner) {
                near |= Math.abs(scale(e, log) - scale(b, log)) < 0.3 * step;
            }
            if (!near) {
                out.add(e);
            }
        }
        out.addAll(inner);
        out.add(max);
        double[] e = out.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        return new CovariateBins(e, log);
    }

    /** Boundaries closer than this fraction of a bin width are one boundary (see {@link #withBoundaries}). */
    static final double SLIVER = 0.1;

    private static double scale(double x, boolean log) {
        return log ? Math.log(x) : x;
    }

    int size() {
        return edges.length - 1;
    }

    double low(int k) {
        return edges[k];
    }

    double high(int k) {
        return edges[k + 1];
    }

    /** @return the bin centre (geometric for a log binning) */
    double centre(int k) {
        return log ? Math.sqrt(edges[k] * edges[k + 1]) : 0.5 * (edges[k] + edges[k + 1]);
    }

    /** @return the bin of {@code x}, or -1 when it is outside the edges or NaN */
    int bin(double x) {
        if (!(x >= edges[0] && x <= edges[edges.length - 1])) {
            return -1;
        }
        int k = Arrays.binarySearch(edges, x);
        if (k >= 0) {
            return Math.min(k, size() - 1);
        }
        return -k - 2;
    }

    /** @return e.g. {@code [0.01, 0.05)} */
    String label(int k) {
        return String.format(Locale.ROOT, "[%s, %s%s", fmt(edges[k]), fmt(edges[k + 1]), k == size() - 1 ? "]" : ")");
    }

    static String fmt(double v) {
        return org.realitycheck.validation.Judge.fmt(v);
    }

    double[] centres() {
        double[] c = new double[size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = centre(k);
        }
        return c;
    }
}
