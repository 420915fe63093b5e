package org.realitycheck.validation.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A mergeable, deterministic quantile sketch: exact up to {@code k} values, then a compactor
 * hierarchy (Manku, Rajagopalan &amp; Lindsay, SIGMOD 1998; the deterministic core of KLL, Karnin,
 * Lang &amp; Liberty, FOCS 2016).
 *
 * <p><b>Design.</b> Level {@code h} holds values of weight {@code 2^h}. New values enter level 0.
 * When a level holds {@code >= k} values it is <em>compacted</em>: sorted, an odd one out (the largest)
 * stays, and of the remaining sorted pairs every other value moves up one level with twice the
 * weight; which one of each pair (offset 0 or 1) alternates with each compaction of that level, so
 * rounding errors tend to cancel. No randomness: the same values added (and merged) in the same
 * order give the same sketch. {@link #merge} concatenates level by level and compacts.
 *
 * <p><b>Error bound.</b> One compaction at level {@code h} moves the estimated rank of any point by at
 * most {@code 2^h}. The sketch sums these, so {@link #rankErrorBound()} is a rigorous,
 * data-dependent bound {@code E} on the absolute rank error: for {@code v = quantile(q)},
 * {@code #{x < v} - E <= q·n <= #{x <= v} + E}. As each compaction at level {@code h} consumes at least
 * {@code k-1} values of weight {@code 2^h}, {@code E/n <= L/(k-1)} with {@code L <= ⌈log2(n/(k-1))⌉ + 1}
 * compacted levels, i.e. about 0.5% of n for {@code k = 2048} and {@code n = 10^7}, and 0 (exact) while
 * {@code n < k}. Memory: at most about {@code k·(L+1)} doubles.
 *
 * <p>While no compaction has happened, {@link #quantile} equals numpy's linear-interpolation
 * quantile; afterwards it returns the smallest stored value whose estimated rank reaches
 * {@code q·n} ({@code q = 0} and {@code q = 1} always give the exact minimum and maximum).
 * Not thread-safe.
 */
public final class QuantileSketch {

    /** Default capacity per level. */
    public static final int DEFAULT_K = 2048;

    private final int k;
    private final List<double[]> levels = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private final List<Long> compactions = new ArrayList<>();
    private long n;
    private long errorWeight;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private QuantileSketch(int k) {
        this.k = k;
    }

    /** An empty sketch with {@link #DEFAULT_K}. */
    public static QuantileSketch create() {
        return new QuantileSketch(DEFAULT_K);
    }

    /**
     * An empty sketch with capacity {@code k} per level.
     *
     * @param k capacity, {@code >= 8}; the rank error scales as {@code log(n/k)/k}
     */
    public static QuantileSketch create(int k) {
        if (k < 8) {
            throw new IllegalArgumentException("k must be >= 8, got " + k);
        }
        return new QuantileSketch(k);
    }

    /** Adds one finite value; returns this. */
    public QuantileSketch add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        n++;
        min = Math.min(min, x);
        max = Math.max(max, x);
        append(0, x);
        if (sizes.get(0) >= k) {
            compactFrom(0);
        }
        return this;
    }

    /** Adds all values of {@code x} (never null, all finite; not modified); returns this. */
    public QuantileSketch addAll(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        for (double v : x) {
            add(v);
        }
        return this;
    }

    /**
     * Adds the contents of {@code other} (unchanged) to this sketch; returns this.
     *
     * @throws IllegalArgumentException if other is null or has another {@code k}
     */
    public QuantileSketch merge(QuantileSketch other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (other.k != k) {
            throw new IllegalArgumentException("other must have the same k=" + k + ", got " + other.k);
        }
        if (other == this) {
            return merge(other.copy());
        }
        for (int h = 0; h < other.levels.size(); h++) {
            double[] buf = other.levels.get(h);
            int s = other.sizes.get(h);
            for (int i = 0; i < s; i++) {
                append(h, buf[i]);
            }
            ensureLevel(h);
            compactions.set(h, compactions.get(h) + other.compactions.get(h));
        }
        n += other.n;
        errorWeight += other.errorWeight;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        compactFrom(0);
        return this;
    }

    /** An independent copy. */
    public QuantileSketch copy() {
        QuantileSketch c = new QuantileSketch(k);
        for (int h = 0; h < levels.size(); h++) {
            c.levels.add(levels.get(h).clone());
            c.sizes.add(sizes.get(h));
            c.compactions.add(compactions.get(h));
        }
        c.n = n;
        c.errorWeight = errorWeight;
        c.min = min;
        c.max = max;
        return c;
    }

    /**
     * The {@code q}-quantile (see the class comment for its definition and error).
     *
     * @param q probability in [0, 1]
     * @throws IllegalStateException if the sketch is empty
     */
    public double quantile(double q) {
        RobustWidth.checkQ(q);
        if (n == 0) {
            throw new IllegalStateException("sketch is empty");
        }
        if (q == 0.0) {
            return min;
        }
        if (q == 1.0) {
            return max;
        }
        if (errorWeight == 0) {
            double[] all = Arrays.copyOf(levels.get(0), sizes.get(0));
            Arrays.sort(all);
            return RobustWidth.quantileSorted(all, q);
        }
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        double[] values = new double[total];
        long[] weights = new long[total];
        int pos = 0;
        for (int h = 0; h < levels.size(); h++) {
            double[] buf = levels.get(h);
            for (int i = 0; i < sizes.get(h); i++) {
                values[pos] = buf[i];
                weights[pos] = 1L << h;
                pos++;
            }
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double target = q * n;
        long cum = 0;
        for (int i = 0; i < total; i++) {
            cum += weights[order[i]];
            if (cum >= target) {
                return values[order[i]];
            }
        }
        return max;
    }

    /** Number of values added (including merged ones). */
    public long count() {
        return n;
    }

    /** The capacity per level. */
    public int k() {
        return k;
    }

    /** Rigorous bound {@code E} on the absolute rank error of {@link #quantile}; 0 while exact. */
    public long rankErrorBound() {
        return errorWeight;
    }

    /** {@link #rankErrorBound()}{@code / n}, the normalised rank error bound (0 if empty). */
    public double normalizedRankError() {
        return n == 0 ? 0.0 : (double) errorWeight / n;
    }

    /** Number of values currently stored. */
    public int retained() {
        int s = 0;
        for (int v : sizes) {
            s += v;
        }
        return s;
    }

    private void ensureLevel(int h) {
        while (levels.size() <= h) {
            levels.add(new double[Math.min(k, 16)]);
            sizes.add(0);
            compactions.add(0L);
        }
    }

    private void append(int h, double x) {
        ensureLevel(h);
        double[] buf = levels.get(h);
        int s = sizes.get(h);
        if (s == buf.length) {
            buf = Arrays.copyOf(buf, Math.max(16, buf.length * 2));
            levels.set(h, buf);
        }
        buf[s] = x;
        sizes.set(h, s + 1);
    }

    private void compactFrom(int start) {
        for (int h = start; h < levels.size(); h++) {
            if (sizes.get(h) >= k) {
                compact(h);
            }
        }
    }

    private void compact(int h) {
        int s = sizes.get(h);
        double[] buf = Arrays.copyOf(levels.get(h), s);
        Arrays.sort(buf);
        int paired = s - (s & 1);
        long c = compactions.get(h);
        int offset = (int) (c & 1L);
        double[] up = new double[paired / 2];
        for (int i = 0; i < paired / 2; i++) {
            up[i] = buf[2 * i + offset];
        }
        double[] keep = new double[Math.min(k, 16)];
        int keepSize = 0;
        if ((s & 1) == 1) {
            keep[keepSize++] = buf[s - 1];
        }
        levels.set(h, keep);
        sizes.set(h, keepSize);
        compactions.set(h, c + 1);
        errorWeight += 1L << h;
        for (double v : up) {
            append(h + 1, v);
        }
    }
}
