package org.realitycheck.validation.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Distribution-free confidence intervals for a quantile {@code ξ_q} from order statistics (David &amp;
 * Nagaraja, <i>Order Statistics</i>, 3rd ed., 2003, §7.1): for continuous data,
 * {@code P(X₍ₗ₎ ≤ ξ_q ≤ X₍ᵤ₎) = F_B(u-1) - F_B(l-1)} with {@code B ~ Binomial(n, q)}, whatever the
 * distribution. Needs only the sorted values, or ranks in a mergeable sketch: no resampling.
 *
 * <ul>
 *   <li>{@link #exact}: the equal-tailed order-statistic interval, each tail's miss probability
 *       {@code <= α/2}; coverage {@code >= level} (conservative by the discreteness of B).</li>
 *   <li>{@link #interpolated}: each end between the two order statistics whose miss probabilities bracket
 *       {@code α/2}, by the weights of Hettmansperger &amp; Sheather (Statist. Probab. Lett. 4 (1986) 75):
 *       with {@code d} the rank of the exact end counted from its side, {@code I = (α/2 - miss(d)) /
 *       (miss(d+1) - miss(d))} and {@code λ = (n-d) I / (d + (n-2d) I)}, the end is
 *       {@code (1-λ) X₍d₎ + λ X₍d+1₎}. Exact in coverage for the median of a symmetric continuous
 *       distribution; applied per side for other quantiles, where the coverage table shows how close it comes.</li>
 * </ul>
 * When even {@code [X₍₁₎, X₍ₙ₎]} misses with probability above {@code α/2} on a side (n too small
 * for the level), that side is infinite.
 */
public final class OrderStatistics {
    private OrderStatistics() {
    }

    /**
     * @param x the sample, at least one finite value; not modified
     * @param q the quantile's probability in (0, 1)
     * @param level confidence level in (0, 1)
     * @return the exact (conservative) interval
     */
    public static Interval exact(double[] x, double q, double level) {
        return interval(x, q, level, false);
    }

    /**
     * @param x the sample, at least one finite value; not modified
     * @param q the quantile's probability in (0, 1)
     * @param level confidence level in (0, 1)
     * @return the interpolated interval
     */
    public static Interval interpolated(double[] x, double q, double level) {
        return interval(x, q, level, true);
    }

    /**
     * The ranks (1-based) of the exact equal-tailed interval: {@code l} the largest rank with
     * {@code F_B(l-1) <= α/2} (0 when none: unbounded below), {@code u} the smallest with
     * {@code 1 - F_B(u-1) <= α/2} ({@code n+1} when none: unbounded above).
     */
    public static int[] ranks(int n, double q, double level) {
        check(n, q);
        double half = (1 - Args.level(level)) / 2;
        BinomialDistribution b = new BinomialDistribution(null, n, q);
        int l = 0;
        while (l + 1 <= n && b.cumulativeProbability(l) <= half) {
            l++;
        }
        int u = n + 1;
        while (u - 1 >= 1 && 1 - b.cumulativeProbability(u - 2) <= half) {
            u--;
        }
        return new int[] {l, u};
    }

    /** @return {@code P(X₍ₗ₎ <= ξ_q <= X₍ᵤ₎) = F_B(u-1) - F_B(l-1)} for continuous data (rank 0 / n+1: unbounded) */
    public static double coverage(int n, double q, int l, int u) {
        check(n, q);
        BinomialDistribution b = new BinomialDistribution(null, n, q);
        double upper = u > n ? 1 : b.cumulativeProbability(u - 1);
        double lower = l < 1 ? 0 : b.cumulativeProbability(l - 1);
        return upper - lower;
    }

    private static Interval interval(double[] x, double q, double level, boolean interpolate) {
        Args.finite("x", x, 1);
        int n = x.length;
        check(n, q);
        double half = (1 - Args.level(level)) / 2;
        double[] s = Args.sortedCopy(x);
        int[] r = ranks(n, q, level);
        BinomialDistribution b = new BinomialDistribution(null, n, q);
        double lo = r[0] < 1 ? Double.NEGATIVE_INFINITY : s[r[0] - 1];
        double hi = r[1] > n ? Double.POSITIVE_INFINITY : s[r[1] - 1];
        if (interpolate) {
            if (r[0] >= 1 && r[0] < n) {
                // miss below: F(l-1) at X(l) <= half < F(l) at X(l+1)
                double lambda = lambda(n, r[0], b.cumulativeProbability(r[0] - 1), b.cumulativeProbability(r[0]), half);
                lo = (1 - lambda) * s[r[0] - 1] + lambda * s[r[0]];
            }
            if (r[1] <= n && r[1] > 1) {
                // miss above: 1 - F(u-1) at X(u) <= half < 1 - F(u-2) at X(u-1)
                double lambda = lambda(n, n + 1 - r[1], 1 - b.cumulativeProbability(r[1] - 1),
                        1 - b.cumulativeProbability(r[1] - 2), half);
                hi = (1 - lambda) * s[r[1] - 1] + lambda * s[r[1] - 2];
            }
        }
        return new Interval(lo, Math.max(lo, hi));
    }

    /** Hettmansperger–Sheather weight of the inner order statistic; {@code d} counted from the end's side. */
    private static double lambda(int n, int d, double missOuter, double missInner, double half) {
        double i = (half - missOuter) / (missInner - missOuter);
        double den = d + (n - 2.0 * d) * i;
        return den <= 0 ? i : Math.min(1, Math.max(0, (n - d) * i / den));
    }

    private static void check(int n, double q) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("q must be in (0, 1), got " + q);
        }
    }
}
