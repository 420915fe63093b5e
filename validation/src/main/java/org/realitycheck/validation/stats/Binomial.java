package org.realitycheck.validation.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-sided confidence intervals for a binomial proportion {@code k/n} (efficiencies, fake rates,
 * recovered fractions). Reference: {@code scipy.stats.binomtest(k, n).proportion_ci(level,
 * method='exact' | 'wilson')}.
 */
public final class Binomial {

    /** Absolute accuracy asked of the Beta inverse CDF solver (commons-math3's default is 1e-9). */
    private static final double INVERSE_ACCURACY = 1e-14;

    private Binomial() {
    }

    /**
     * Clopper–Pearson exact interval (Clopper &amp; Pearson, Biometrika 26 (1934) 404):
     * {@code low = B⁻¹(α/2; k, n-k+1)}, {@code high = B⁻¹(1-α/2; k+1, n-k)} with {@code α = 1-level}
     * and {@code B⁻¹} the Beta inverse CDF (commons-math3); {@code k=0 → low=0}, {@code k=n → high=1}.
     * Conservative: coverage is at least {@code level} for every true proportion.
     *
     * @param k     successes, {@code 0 <= k <= n}
     * @param n     trials, {@code >= 1}
     * @param level confidence level in (0, 1), e.g. 0.95
     * @return the interval, inside [0, 1]
     */
    public static Interval clopperPearson(int k, int n, double level) {
        check(k, n);
        Args.level(level);
        double alpha = 1.0 - level;
        double low = k == 0 ? 0.0
                : new BetaDistribution(null, k, n - k + 1.0, INVERSE_ACCURACY)
                        .inverseCumulativeProbability(alpha / 2);
        double high = k == n ? 1.0
                : new BetaDistribution(null, k + 1.0, n - k, INVERSE_ACCURACY)
                        .inverseCumulativeProbability(1 - alpha / 2);
        return new Interval(low, high);
    }

    /**
     * Wilson score interval without continuity correction (Wilson, JASA 22 (1927) 209):
     * with {@code p = k/n}, {@code z = Φ⁻¹((1+level)/2)}, {@code t = 1 + z²/n}:
     * centre {@code (p + z²/2n)/t}, half-width {@code z sqrt(n p(1-p) + z²/4) / (n t)}.
     * Clamped to [0, 1] against rounding. Shorter than Clopper–Pearson, coverage close to nominal.
     *
     * @param k     successes, {@code 0 <= k <= n}
     * @param n     trials, {@code >= 1}
     * @param level confidence level in (0, 1)
     * @return the interval, inside [0, 1]
     */
    public static Interval wilson(int k, int n, double level) {
        check(k, n);
        Args.level(level);
        double z = new NormalDistribution(null, 0.0, 1.0, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                .inverseCumulativeProbability(0.5 + 0.5 * level);
        double p = (double) k / n;
        double t = 1.0 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / t;
        double half = z * Math.sqrt(n * p * (1.0 - p) + z * z / 4.0) / (n * t);
        return new Interval(Math.max(0.0, centre - half), Math.min(1.0, centre + half));
    }

    private static void check(int k, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be in [0, n=" + n + "], got " + k);
        }
    }
}
