package org.realitycheck.validation.stats;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov–Smirnov test.
 *
 * <p>The statistic is {@code D = sup_x |F_a(x) - F_b(x)|} over the empirical CDFs, computed by
 * commons-math3 {@link KolmogorovSmirnovTest#kolmogorovSmirnovStatistic(double[], double[])},
 * which treats tied values correctly (both CDFs jump together), exactly as
 * {@code scipy.stats.ks_2samp}.
 *
 * <p>The two-sided p-value {@code P(D >= d)} under H0 comes from commons-math3:
 * <ul>
 *   <li>{@code n·m < 10 000}: the exact distribution (commons-math3 {@code exactP(d, n, m, false)},
 *       path counting). This agrees with {@code scipy.stats.ks_2samp(method='exact')} and hence
 *       with {@code method='auto'} at these sizes. Like scipy's, the exact null distribution
 *       assumes continuous data; we do <em>not</em> use commons-math3's random jittering of ties
 *       (its {@code kolmogorovSmirnovTest(double[], double[])} would jitter them).</li>
 *   <li>{@code n·m >= 10 000}: the Kolmogorov limit law {@code 1 - K(sqrt(nm/(n+m)) d)}
 *       (commons-math3 {@code approximateP}); identical to
 *       {@code scipy.stats.kstwobign.sf(sqrt(nm/(n+m)) d)}. SciPy's {@code method='auto'} would
 *       instead use its exact algorithm up to {@code max(n, m) <= 10 000}; the two differ by
 *       O(1/sqrt(n)) in the p-value (the test documents the measured gap).</li>
 * </ul>
 * Reference: Hodges, Ark. Mat. 3 (1958) 469; commons-math3 3.6.1 user guide.
 */
public final class TwoSample {

    /** Below this {@code n·m} the exact distribution is used (commons-math3's own threshold). */
    public static final long EXACT_PRODUCT_LIMIT = 10_000L;

    private TwoSample() {
    }

    /**
     * Two-sided two-sample KS test.
     *
     * @param a first sample, at least 2 finite values, never null; not modified
     * @param b second sample, at least 2 finite values, never null; not modified
     * @return statistic {@code D} in [0, 1] and its two-sided p-value
     * @throws IllegalArgumentException if a sample is null, has fewer than 2 values or a non-finite value
     */
    public static TestResult ks(double[] a, double[] b) {
        Args.finite("a", a, 2);
        Args.finite("b", b, 2);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double d = ks.kolmogorovSmirnovStatistic(a.clone(), b.clone());
        double p;
        if ((long) a.length * b.length < EXACT_PRODUCT_LIMIT) {
            p = ks.exactP(d, a.length, b.length, false);
        } else {
            p = ks.approximateP(d, a.length, b.length);
        }
        return new TestResult(d, Math.min(1.0, Math.max(0.0, p)));
    }
}
