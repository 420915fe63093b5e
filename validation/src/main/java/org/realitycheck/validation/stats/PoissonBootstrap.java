package org.realitycheck.validation.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * A bootstrap whose replicates do not depend on how the data was split or ordered: in replicate {@code b},
 * the sample with global index {@code i} carries the weight {@code w_b(i) ~ Poisson(1)}, drawn from a hash of
 * ({@code seed}, {@code i}, {@code b}) alone (the Poisson bootstrap of Hanley &amp; MacGibbon 2006, as used for
 * massive data streams by Chamandy et al. 2012). Two parts of a data set therefore weight their samples exactly
 * as the whole does, and per-replicate weighted sums merge by addition ({@link Mean}). The number of draws in a
 * replicate is itself random (mean n), which makes no difference to first order for smooth statistics and
 * medians.
 *
 * <p>The interval is the percentile interval of the replicates (numpy-linear quantiles, as {@link Bootstrap}).
 * {@code seed} should be derived for the statistic and the set ({@code Seeds.derive(checkSeed, metric)}), so
 * that different metrics do not share replicates by accident.
 */
public final class PoissonBootstrap {
    /** Cumulative Poisson(1) probabilities P(K ≤ k), k = 0..12 (beyond, the weight is 13; P(K > 12) ≈ 1e-10). */
    private static final double[] CDF = new double[13];

    static {
        double p = Math.exp(-1);
        double c = 0;
        for (int k = 0; k < CDF.length; k++) {
            c += p;
            CDF[k] = c;
            p /= k + 1;
        }
    }

    private PoissonBootstrap() {
    }

    /** @return the weight of the sample with global index {@code index} in replicate {@code replicate}, Poisson(1) */
    public static int weight(long seed, long index, int replicate) {
        long h = mix(mix(seed ^ 0x9E3779B97F4A7C15L) ^ index * 0xBF58476D1CE4E5B9L);
        h = mix(h ^ (replicate + 1L) * 0x94D049BB133111EBL);
        double u = (h >>> 11) * 0x1.0p-53;
        for (int k = 0; k < CDF.length; k++) {
            if (u < CDF[k]) {
                return k;
            }
        }
        return CDF.length;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Percentile interval of a statistic of resampled positions: in replicate {@code b} the statistic receives each
     * position {@code j} (of {@code index.length}) {@code weight(seed, index[j], b)} times, in ascending order. A
     * replicate with no draw is skipped.
     *
     * @param index the samples' global indices (the rows of whatever arrays the statistic reads)
     * @param statisticOfPositions maps the drawn positions to a number; must not return NaN
     * @param replicates number of replicates, at least 2
     * @param level confidence level in (0, 1)
     */
    public static Interval ci(long[] index, ToDoubleFunction<int[]> statisticOfPositions, int replicates, double level,
            long seed) {
        if (index.length < 1) {
            throw new IllegalArgumentException("need at least one sample");
        }
        if (replicates < 2) {
            throw new IllegalArgumentException("replicates must be >= 2, got " + replicates);
        }
        Args.level(level);
        double[] rep = new double[replicates];
        int made = 0;
        int[] buf = new int[index.length * 2];
        for (int b = 0; b < replicates; b++) {
            int m = 0;
            for (int j = 0; j < index.length; j++) {
                int w = weight(seed, index[j], b);
                if (m + w > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, m + w));
                }
                for (int k = 0; k < w; k++) {
                    buf[m++] = j;
                }
            }
            if (m == 0) {
                continue;
            }
            double v = statisticOfPositions.applyAsDouble(Arrays.copyOf(buf, m));
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("statistic returned NaN on replicate " + b);
            }
            rep[made++] = v;
        }
        return percentile(Arrays.copyOf(rep, made), level);
    }

    private static Interval percentile(double[] rep, double level) {
        Arrays.sort(rep);
        double alpha = 1 - level;
        return new Interval(RobustWidth.quantileSorted(rep, alpha / 2), RobustWidth.quantileSorted(rep, 1 - alpha / 2));
    }

    /**
     * A mergeable mean with its Poisson-bootstrap replicates: per replicate the weighted sum and the total weight.
     * State is {@code O(replicates)} whatever the number of samples. Merging adds sums, so a split-and-merged mean
     * equals the whole's up to floating-point summation order (relative 1e-12 for n up to 1e7 well-scaled values);
     * the weights, integers, add exactly.
     */
    public static final class Mean implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long seed;
        private final double[] sum;
        private final long[] weight;
        private double total;
        private long n;

        /** @param replicates at least 2 */
        public Mean(long seed, int replicates) {
            if (replicates < 2) {
                throw new IllegalArgumentException("replicates must be >= 2, got " + replicates);
            }
            this.seed = seed;
            this.sum = new double[replicates];
            this.weight = new long[replicates];
        }

        /** Adds the finite value {@code x} of the sample with global index {@code index}. */
        public void add(long index, double x) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("x must be finite, got " + x);
            }
            n++;
            total += x;
            for (int b = 0; b < sum.length; b++) {
                int w = weight(seed, index, b);
                if (w != 0) {
                    sum[b] += w * x;
                    weight[b] += w;
                }
            }
        }

        /** Adds what {@code o} (same seed and replicates) has seen. */
        public void merge(Mean o) {
            if (o.seed != seed || o.sum.length != sum.length) {
                throw new IllegalArgumentException("cannot merge means of different seeds or replicate counts");
            }
            n += o.n;
            total += o.total;
            for (int b = 0; b < sum.length; b++) {
                sum[b] += o.sum[b];
                weight[b] += o.weight[b];
            }
        }

        public long count() {
            return n;
        }

        /** @return the mean, NaN when empty */
        public double value() {
            return n == 0 ? Double.NaN : total / n;
        }

        /**
         * @return the percentile interval of the replicate means (replicates with no weight are skipped)
         * @throws IllegalStateException when nothing was added
         */
        public Interval interval(double level) {
            Args.level(level);
            double[] rep = new double[sum.length];
            int made = 0;
            for (int b = 0; b < sum.length; b++) {
                if (weight[b] > 0) {
                    rep[made++] = sum[b] / weight[b];
                }
            }
            if (made == 0) {
                throw new IllegalStateException("no values: the mean has no interval");
            }
            return percentile(Arrays.copyOf(rep, made), level);
        }
    }
}
