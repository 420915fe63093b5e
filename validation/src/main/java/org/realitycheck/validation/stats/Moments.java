package org.realitycheck.validation.stats;

/**
 * A mergeable accumulator of count, mean, variance, minimum and maximum.
 *
 * <p>Values are added with Welford's update ({@code δ = x - mean; mean += δ/n; M2 += δ (x - mean)}),
 * and two accumulators merge with the parallel formula of Chan, Golub &amp; LeVeque (1979):
 * {@code n = n_a + n_b}, {@code δ = mean_b - mean_a}, {@code mean = mean_a + δ n_b/n},
 * {@code M2 = M2_a + M2_b + δ² n_a n_b / n}. Split-and-merge equals a single pass up to rounding
 * (about 1e-15 relative for well-conditioned data). Not thread-safe.
 */
public final class Moments {

    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private Moments() {
    }

    /** An empty accumulator. */
    public static Moments empty() {
        return new Moments();
    }

    /** An accumulator holding {@code x} (never null, all finite; not modified). */
    public static Moments of(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        Moments m = new Moments();
        for (double v : x) {
            m.add(v);
        }
        return m;
    }

    /**
     * Adds one finite value. Returns this.
     *
     * @throws IllegalArgumentException if x is NaN or infinite
     */
    public Moments add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
        min = Math.min(min, x);
        max = Math.max(max, x);
        return this;
    }

    /** Adds the contents of {@code other} (unchanged, never null) into this accumulator. Returns this. */
    public Moments merge(Moments other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            n = other.n;
            mean = other.mean;
            m2 = other.m2;
            min = other.min;
            max = other.max;
            return this;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        mean += delta * ((double) other.n / total);
        m2 += other.m2 + delta * delta * ((double) n * other.n / total);
        n = total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        return this;
    }

    /** An independent copy. */
    public Moments copy() {
        return new Moments().merge(this);
    }

    /** Number of values added. */
    public long count() {
        return n;
    }

    /** The arithmetic mean; requires {@code count() >= 1}. */
    public double mean() {
        requireCount(1);
        return mean;
    }

    /** The unbiased sample variance {@code M2/(n-1)} (numpy {@code var(ddof=1)}); requires {@code count() >= 2}. */
    public double variance() {
        requireCount(2);
        return Math.max(0.0, m2 / (n - 1));
    }

    /** The population variance {@code M2/n} (numpy {@code var(ddof=0)}); requires {@code count() >= 1}. */
    public double populationVariance() {
        requireCount(1);
        return Math.max(0.0, m2 / n);
    }

    /** {@code sqrt(variance())}. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** Smallest value; requires {@code count() >= 1}. */
    public double min() {
        requireCount(1);
        return min;
    }

    /** Largest value; requires {@code count() >= 1}. */
    public double max() {
        requireCount(1);
        return max;
    }

    private void requireCount(int k) {
        if (n < k) {
            throw new IllegalStateException("needs at least " + k + " value(s), has " + n);
        }
    }

    @Override
    public String toString() {
        return n == 0 ? "Moments[n=0]" : "Moments[n=" + n + ", mean=" + mean + ", m2=" + m2 + ", min=" + min
                + ", max=" + max + "]";
    }
}
