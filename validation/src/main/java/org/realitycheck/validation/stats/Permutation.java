package org.realitycheck.validation.stats;

import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Seeded Monte-Carlo permutation test on the pooled sample.
 *
 * <p>Both samples are pooled; each of {@code B} permutations shuffles the pool (Fisher–Yates with a
 * {@link SplittableRandom} seeded by {@code seed}, sequentially) and splits it into groups of the
 * original sizes. The one-sided p-value for "the statistic is large" is
 * {@code p = (1 + #{b : T_b >= T_obs}) / (1 + B)} (Phipson &amp; Smyth, SAGMB 9 (2010) 39), which is
 * never 0 and is valid at every {@code B}. It estimates the exact permutation p-value of
 * {@code scipy.stats.permutation_test(..., permutation_type='independent', alternative='greater')}.
 * As in scipy, {@code T_b >= T_obs} is judged with a relative tolerance of {@code 100 ε} so that
 * rounding differences of equal statistics count as ties. Pass a statistic that grows with the
 * difference (e.g. {@code |mean(a) - mean(b)|} or KS D) for a two-sided question.
 *
 * <p>Pooling matters: resampling only the reference sample, instead of the pooled labels, over-reports drift
 * (the reference alone understates the null spread of the statistic).
 */
public final class Permutation {

    private static final double REL_TOL = 100 * Math.ulp(1.0);

    private Permutation() {
    }

    /**
     * @param a            first sample, at least one finite value, never null; not modified
     * @param b            second sample, at least one finite value, never null; not modified
     * @param statistic    the test statistic, larger = more different; gets fresh arrays; never null,
     *                     must not return null or NaN
     * @param permutations number of random permutations {@code B >= 1}
     * @param seed         seed of the generator
     * @return the observed statistic and the permutation p-value in {@code [1/(B+1), 1]}
     */
    public static TestResult test(double[] a, double[] b, BiFunction<double[], double[], Double> statistic,
            int permutations, long seed) {
        Args.finite("a", a, 1);
        Args.finite("b", b, 1);
        if (statistic == null) {
            throw new IllegalArgumentException("statistic must not be null");
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
        }
        double observed = evaluate(statistic, a.clone(), b.clone(), -1);
        double threshold = observed - Math.abs(observed) * REL_TOL;
        int na = a.length;
        int n = na + b.length;
        double[] pool = new double[n];
        System.arraycopy(a, 0, pool, 0, na);
        System.arraycopy(b, 0, pool, na, b.length);
        SplittableRandom rng = new SplittableRandom(seed);
        long atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            double[] pa = java.util.Arrays.copyOfRange(pool, 0, na);
            double[] pb = java.util.Arrays.copyOfRange(pool, na, n);
            if (evaluate(statistic, pa, pb, p) >= threshold) {
                atLeast++;
            }
        }
        return new TestResult(observed, (1.0 + atLeast) / (1.0 + permutations));
    }

    private static double evaluate(BiFunction<double[], double[], Double> statistic, double[] a, double[] b,
            int permutation) {
        Double v = statistic.apply(a, b);
        if (v == null || v.isNaN()) {
            throw new IllegalArgumentException("statistic returned " + v
                    + (permutation < 0 ? " on the observed samples" : " on permutation " + permutation));
        }
        return v;
    }
}
