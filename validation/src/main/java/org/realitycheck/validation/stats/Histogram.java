package org.realitycheck.validation.stats;

import java.util.Arrays;

/**
 * A mergeable fixed-binning histogram: {@code bins} equal bins over {@code [lo, hi]}, plus
 * underflow ({@code x < lo}, including -∞), overflow ({@code x > hi}, including +∞) and NaN counts.
 *
 * <p>Binning follows {@code numpy.histogram(x, bins, range=(lo, hi))} exactly: edges are
 * {@code numpy.linspace(lo, hi, bins+1)}, bins are half-open {@code [e_i, e_{i+1})} except the last,
 * which is closed, so {@code x = hi} is counted in range. Two histograms with the same binning merge
 * by adding counts, so sharded filling then merging equals filling once. Not thread-safe.
 */
public final class Histogram {

    private final double lo;
    private final double hi;
    private final double[] edges;
    private final long[] counts;
    private long underflow;
    private long overflow;
    private long nan;

    private Histogram(double lo, double hi, int bins) {
        this.lo = lo;
        this.hi = hi;
        this.edges = linspace(lo, hi, bins + 1);
        this.counts = new long[bins];
    }

    /**
     * An empty histogram.
     *
     * @param lo   lower edge, finite
     * @param hi   upper edge, finite, {@code > lo}
     * @param bins number of bins, {@code >= 1}
     */
    public static Histogram of(double lo, double hi, int bins) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("lo and hi must be finite, got [" + lo + ", " + hi + "]");
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("hi must be > lo, got lo=" + lo + ", hi=" + hi);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        return new Histogram(lo, hi, bins);
    }

    /** Adds one value (NaN and out-of-range values go to their own counters). Returns this. */
    public Histogram add(double x) {
        if (Double.isNaN(x)) {
            nan++;
        } else if (x < lo) {
            underflow++;
        } else if (x > hi) {
            overflow++;
        } else {
            counts[index(x)]++;
        }
        return this;
    }

    /** Adds every value of {@code x} (never null; not modified). Returns this. */
    public Histogram addAll(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        for (double v : x) {
            add(v);
        }
        return this;
    }

    /**
     * Adds the counts of {@code other} into this histogram (other is unchanged). Returns this.
     *
     * @throws IllegalArgumentException if other is null or its binning differs
     */
    public Histogram merge(Histogram other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (!sameBinning(other)) {
            throw new IllegalArgumentException("other must have the same binning: [" + lo + ", " + hi + "] x "
                    + counts.length + " vs [" + other.lo + ", " + other.hi + "] x " + other.counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        underflow += other.underflow;
        overflow += other.overflow;
        nan += other.nan;
        return this;
    }

    /** An independent copy. */
    public Histogram copy() {
        Histogram h = new Histogram(lo, hi, counts.length);
        h.merge(this);
        return h;
    }

    /** Whether {@code other} has the same {@code lo}, {@code hi} and number of bins. */
    public boolean sameBinning(Histogram other) {
        return other != null && Double.compare(lo, other.lo) == 0 && Double.compare(hi, other.hi) == 0
                && counts.length == other.counts.length;
    }

    /** The {@code bins+1} bin edges (a copy). */
    public double[] edges() {
        return edges.clone();
    }

    /** The in-range counts per bin (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    public long underflow() {
        return underflow;
    }

    public long overflow() {
        return overflow;
    }

    public long nanCount() {
        return nan;
    }

    /** Number of values counted in range. */
    public long inRange() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** Number of values ever added: in range + underflow + overflow + NaN. */
    public long total() {
        return inRange() + underflow + overflow + nan;
    }

    /**
     * The in-range counts divided by their sum (a unit-normalised histogram, summing to 1).
     *
     * @throws IllegalStateException if no value fell in range
     */
    public double[] normalized() {
        long n = inRange();
        if (n == 0) {
            throw new IllegalStateException("histogram has no in-range entries to normalise");
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (double) counts[i] / n;
        }
        return p;
    }

    /** Bin index for {@code lo <= x <= hi}, with numpy's edge corrections. */
    private int index(double x) {
        int bins = counts.length;
        double norm = bins / (hi - lo);
        int i = (int) ((x - lo) * norm);
        if (i >= bins) {
            i = bins - 1;
        }
        if (x < edges[i]) {
            i--;
        } else if (i != bins - 1 && x >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    /** numpy.linspace(start, stop, num) with num >= 2: {@code start + i*step}, last value exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        int div = num - 1;
        double step = (stop - start) / div;
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    @Override
    public String toString() {
        return "Histogram[" + lo + ", " + hi + "] x " + counts.length + " counts=" + Arrays.toString(counts)
                + " under=" + underflow + " over=" + overflow + " nan=" + nan;
    }
}
