package org.realitycheck.validation.checks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.realitycheck.core.data.Medians;
import org.realitycheck.validation.stats.RobustWidth;

/**
 * Robust summaries of residuals and their seeded bootstrap intervals, shared by the checks of this
 * package. Point estimates are the {@link RobustWidth} ones (numpy-linear median, MAD·1.4826);
 * bootstrap replicates use a selection algorithm instead of a sort (same order statistics), because
 * a check takes hundreds of them on up to 10⁵ residuals.
 *
 * <p>Large samples: above {@value #MAX_BOOTSTRAP_N} values, the interval is the percentile bootstrap
 * interval of a seeded subsample of {@value #MAX_BOOTSTRAP_N} values (drawn without replacement),
 * shifted to the full-sample estimate and narrowed by √(m/n): the m-out-of-n bootstrap for the
 * √n-consistent statistics used here (medians, widths, their ratios). It keeps the cost of an
 * interval independent of the sample size.
 */
final class Robust {
    /** Largest sample bootstrapped as a whole. */
    static final int MAX_BOOTSTRAP_N = 20_000;
    static final double LEVEL = 0.95;

    private Robust() {
    }

    /** @return the finite values of {@code x}, in order */
    static double[] finite(double[] x) {
        double[] out = new double[x.length];
        int m = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                out[m++] = v;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** @return the indices where every one of the arrays is finite */
    static int[] finiteRows(double[]... columns) {
        int n = columns[0].length;
        int[] out = new int[n];
        int m = 0;
        outer:
        for (int i = 0; i < n; i++) {
            for (double[] c : columns) {
                if (!Double.isFinite(c[i])) {
                    continue outer;
                }
            }
            out[m++] = i;
        }
        return Arrays.copyOf(out, m);
    }

    /** @return {@code x[idx[0]], x[idx[1]], ...} */
    static double[] pick(double[] x, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    static double median(double[] x) {
        return RobustWidth.median(x);
    }

    /** @return MAD·1.4826 */
    static double width(double[] x) {
        return RobustWidth.mad(x);
    }

    /** The median of {@code x[idx]}, by selection; {@code scratch} has at least {@code idx.length} entries. */
    static double median(double[] x, int[] idx, double[] scratch) {
        int n = idx.length;
        for (int i = 0; i < n; i++) {
            scratch[i] = x[idx[i]];
        }
        return medianInPlace(scratch, n);
    }

    /** MAD·1.4826 of {@code x[idx]}, by selection. */
    static double width(double[] x, int[] idx, double[] scratch) {
        int n = idx.length;
        for (int i = 0; i < n; i++) {
            scratch[i] = x[idx[i]];
        }
        double med = medianInPlace(scratch, n);
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(x[idx[i]] - med);
        }
        return RobustWidth.MAD_TO_SIGMA * medianInPlace(scratch, n);
    }

    /** The median of the first {@code n} values of {@code a} (reordered), the mean of the middle two for even n. */
    static double medianInPlace(double[] a, int n) {
        return Medians.inPlace(a, n);
    }

    /**
     * The 95% bootstrap interval of a statistic of rows {@code 0..n-1} (resampled together, so paired
     * statistics keep their pairing), or {@code [NaN, NaN]} when the statistic is undefined on the whole
     * sample or on a resample (e.g. a zero width in a ratio's denominator).
     *
     * @param n rows, {@code >= 1}
     * @param stat the statistic of a multiset of row indices
     * @param estimate the statistic on all rows
     * @param resamples bootstrap resamples
     * @param seed the check's seed for this statistic
     */
    static Ci ci(int n, ToDoubleFunction<int[]> stat, double estimate, int resamples, long seed) {
        return ci(n, idx -> new double[] {stat.applyAsDouble(idx)}, new double[] {estimate}, resamples, seed)[0];
    }

    /**
     * Percentile bootstrap intervals of several statistics computed on the same resamples (one draw of
     * indices per resample, as {@link org.realitycheck.validation.stats.Bootstrap} draws them: {@code n} uniform indices from a
     * {@link SplittableRandom} seeded with {@code seed}; interval ends are the numpy-linear 2.5% and
     * 97.5% quantiles of the replicates). A statistic undefined on the whole sample or on any resample
     * gets {@code [NaN, NaN]}.
     *
     * @param stats maps the drawn indices to one value per statistic
     * @param estimates the statistics on all rows
     */
    static Ci[] ci(int n, Function<int[], double[]> stats, double[] estimates, int resamples, long seed) {
        int k = estimates.length;
        Ci[] out = new Ci[k];
        if (n < 2) {
            Arrays.fill(out, new Ci(Double.NaN, Double.NaN));
            return out;
        }
        boolean sub = n > MAX_BOOTSTRAP_N;
        int m = sub ? MAX_BOOTSTRAP_N : n;
        int[] rows = sub ? subsample(n, m, new SplittableRandom(seed ^ 0x5DEECE66DL)) : identity(n);
        double[] centre = sub ? stats.apply(rows) : estimates;
        double[][] rep = new double[k][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[m];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < m; i++) {
                idx[i] = rows[rng.nextInt(m)];
            }
            double[] v = stats.apply(idx);
            for (int j = 0; j < k; j++) {
                rep[j][r] = v[j];
            }
        }
        double shrink = Math.sqrt((double) m / n);
        double alpha = 1 - LEVEL;
        for (int j = 0; j < k; j++) {
            boolean defined = Double.isFinite(estimates[j]) && Double.isFinite(centre[j]);
            for (double v : rep[j]) {
                defined &= Double.isFinite(v);
            }
            if (!defined) {
                out[j] = new Ci(Double.NaN, Double.NaN);
                continue;
            }
            double lo = RobustWidth.quantile(rep[j], alpha / 2);
            double hi = RobustWidth.quantile(rep[j], 1 - alpha / 2);
            out[j] = sub ? new Ci(estimates[j] + shrink * (lo - centre[j]), estimates[j] + shrink * (hi - centre[j]))
                    : new Ci(lo, hi);
        }
        return out;
    }

    /** {@code m} distinct indices of {@code [0, n)}, in draw order (partial Fisher–Yates). */
    static int[] subsample(int n, int m, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return Arrays.copyOf(p, m);
    }

    /** @return {@code 0, 1, ..., n-1} */
    static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /**
     * A confidence interval that may be undefined ({@code NaN} ends), unlike
     * {@link org.realitycheck.validation.stats.Interval}.
     */
    record Ci(double low, double high) {
        static final Ci UNDEFINED = new Ci(Double.NaN, Double.NaN);

        static Ci of(org.realitycheck.validation.stats.Interval i) {
            return new Ci(i.low(), i.high());
        }
    }
}
