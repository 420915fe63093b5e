package org.realitycheck.validation.stats;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded percentile bootstrap confidence intervals (Efron &amp; Tibshirani, <i>An Introduction to
 * the Bootstrap</i>, 1993, ch. 13).
 *
 * <p>Each of {@code B} resamples draws {@code n} indices uniformly with replacement from a
 * {@link SplittableRandom} seeded with {@code seed}, in order, on the calling thread; the statistic
 * is evaluated on each. The interval is the numpy-linear {@code (1-level)/2} and {@code (1+level)/2}
 * quantiles of the {@code B} replicates. Same seed and inputs → bit-identical interval.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * Percentile bootstrap interval of a statistic of one sample.
     *
     * @param x          the sample, at least one finite value, never null; not modified
     * @param statistic  maps a resample (a fresh array of length {@code n}) to a number; never null;
     *                   must not return NaN
     * @param resamples  number of resamples {@code B >= 2}
     * @param level      confidence level in (0, 1)
     * @param seed       seed of the generator
     * @return the percentile interval
     * @throws IllegalArgumentException on bad arguments or a NaN statistic
     */
    public static Interval ci(double[] x, ToDoubleFunction<double[]> statistic, int resamples,
            double level, long seed) {
        Args.finite("x", x, 1);
        if (statistic == null) {
            throw new IllegalArgumentException("statistic must not be null");
        }
        double[] data = x.clone();
        return ci(data.length, idx -> {
            double[] r = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                r[i] = data[idx[i]];
            }
            return statistic.applyAsDouble(r);
        }, resamples, level, seed);
    }

    /**
     * Percentile bootstrap interval of a statistic of resampled indices, for paired or
     * multi-array statistics (resample rows of several arrays together).
     *
     * @param n                  number of observations {@code >= 1}
     * @param statisticOfIndices maps the {@code n} drawn indices (a fresh array, values in
     *                           {@code [0, n)}) to a number; never null; must not return NaN
     * @param resamples          number of resamples {@code B >= 2}
     * @param level              confidence level in (0, 1)
     * @param seed               seed of the generator
     * @return the percentile interval
     */
    public static Interval ci(int n, ToDoubleFunction<int[]> statisticOfIndices, int resamples,
            double level, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (statisticOfIndices == null) {
            throw new IllegalArgumentException("statisticOfIndices must not be null");
        }
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be >= 2, got " + resamples);
        }
        Args.level(level);
        double[] replicates = replicates(n, statisticOfIndices, resamples, seed);
        java.util.Arrays.sort(replicates);
        double alpha = 1.0 - level;
        return new Interval(RobustWidth.quantileSorted(replicates, alpha / 2),
                RobustWidth.quantileSorted(replicates, 1 - alpha / 2));
    }

    /** The {@code B} bootstrap replicates in draw order (unsorted). */
    static double[] replicates(int n, ToDoubleFunction<int[]> statisticOfIndices, int resamples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            double v = statisticOfIndices.applyAsDouble(idx);
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("statistic returned NaN on resample " + r);
            }
            out[r] = v;
        }
        return out;
    }
}
