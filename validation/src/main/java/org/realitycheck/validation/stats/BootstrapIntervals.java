package org.realitycheck.validation.stats;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Confidence intervals from bootstrap replicates that were already computed (by a resampling bootstrap,
 * a Poisson bootstrap, or any scheme whose replicates are draws of the statistic's sampling
 * distribution). Pure functions of the replicate values: how the replicates were drawn, merged or
 * partitioned does not matter here.
 *
 * <p>Non-finite replicates: infinite ones are ordinary order statistics (a width ratio with a zero
 * width in the denominator is +inf); a NaN replicate means the statistic is undefined on that
 * resample, and the interval is then {@code [-inf, +inf]}, the only statement that holds; callers
 * report it as "interval undefined".
 *
 * <p>Methods (Efron &amp; Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, ch. 12–14;
 * DiCiccio &amp; Efron, Statist. Sci. 11 (1996) 189):
 * <ul>
 *   <li>{@link #percentile}: the {@code α/2} and {@code 1-α/2} quantiles of the replicates;</li>
 *   <li>{@link #bca}: bias-corrected and accelerated percentiles, {@code α₁ = Φ(z₀ + (z₀+z_α)/(1-a(z₀+z_α)))};</li>
 *   <li>{@link #studentized}: bootstrap-t, {@code [θ̂ - se·t*_{1-α/2}, θ̂ - se·t*_{α/2}]} from the
 *       replicates' {@code t* = (θ* - θ̂)/se*}.</li>
 * </ul>
 * Quantiles are numpy-linear ({@code method='linear'}) on the sorted replicates.
 */
public final class BootstrapIntervals {
    private static final NormalDistribution STD = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    /** The interval that says nothing: what an undefined interval is reported as. */
    public static final Interval UNDEFINED = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private BootstrapIntervals() {
    }

    /**
     * Percentile interval.
     *
     * @param replicates the statistic on each resample, at least 2; not modified
     * @param level confidence level in (0, 1)
     * @return the interval, {@link #UNDEFINED} when a replicate is NaN
     */
    public static Interval percentile(double[] replicates, double level) {
        double alpha = 1 - Args.level(level);
        return quantiles(replicates, alpha / 2, 1 - alpha / 2);
    }

    /**
     * BCa interval. {@code z₀ = Φ⁻¹((#{θ* < θ̂} + #{θ* = θ̂}/2) / B)}; the acceleration comes from the
     * caller ({@link #acceleration(double[])} from influence values, or 0 for the bias-corrected
     * percentile interval).
     *
     * @param replicates the statistic on each resample, at least 2
     * @param estimate the statistic on the whole sample, finite
     * @param acceleration {@code a}, finite
     * @param level confidence level in (0, 1)
     * @return the interval, {@link #UNDEFINED} when a replicate is NaN
     */
    public static Interval bca(double[] replicates, double estimate, double acceleration, double level) {
        double alpha = 1 - Args.level(level);
        if (!Double.isFinite(estimate) || !Double.isFinite(acceleration)) {
            throw new IllegalArgumentException("estimate and acceleration must be finite, got " + estimate + ", "
                    + acceleration);
        }
        checkReplicates(replicates);
        double below = 0;
        for (double r : replicates) {
            below += r < estimate ? 1 : r == estimate ? 0.5 : 0;
        }
        int b = replicates.length;
        // keep z0 finite when every replicate lies on one side
        double p0 = Math.min(Math.max(below / b, 0.5 / b), 1 - 0.5 / b);
        double z0 = STD.inverseCumulativeProbability(p0);
        return quantiles(replicates, adjusted(z0, acceleration, alpha / 2), adjusted(z0, acceleration, 1 - alpha / 2));
    }

    private static double adjusted(double z0, double a, double p) {
        double z = z0 + STD.inverseCumulativeProbability(p);
        double d = 1 - a * z;
        if (d <= 0) {
            return p < 0.5 ? 0 : 1;
        }
        return STD.cumulativeProbability(z0 + z / d);
    }

    /**
     * The BCa acceleration from the empirical influence values {@code U_i} of the statistic (jackknife
     * values {@code (n-1)(θ̄₍.₎ - θ̂₍ᵢ₎)}, or analytic influence functions such as {@code x_i - x̄} for a mean):
     * {@code a = ΣU³ / (6 (ΣU²)^{3/2})}.
     *
     * @param influence one value per observation, at least 2, finite
     * @return {@code a}, 0 when every influence is 0
     */
    public static double acceleration(double[] influence) {
        Args.finite("influence", influence, 2);
        double s2 = 0;
        double s3 = 0;
        for (double u : influence) {
            s2 += u * u;
            s3 += u * u * u;
        }
        return s2 == 0 ? 0 : s3 / (6 * Math.pow(s2, 1.5));
    }

    /**
     * Studentized (bootstrap-t) interval.
     *
     * @param estimate the statistic on the whole sample
     * @param se its standard error on the whole sample, {@code > 0}
     * @param tReplicates {@code (θ* - θ̂)/se*} on each resample, at least 2
     * @param level confidence level in (0, 1)
     * @return the interval, {@link #UNDEFINED} when a replicate is NaN
     */
    public static Interval studentized(double estimate, double se, double[] tReplicates, double level) {
        double alpha = 1 - Args.level(level);
        if (!Double.isFinite(estimate) || !(se > 0) || Double.isInfinite(se)) {
            throw new IllegalArgumentException("estimate must be finite and se > 0, got " + estimate + ", " + se);
        }
        Interval t = quantiles(tReplicates, alpha / 2, 1 - alpha / 2);
        if (t == UNDEFINED) {
            return UNDEFINED;
        }
        return new Interval(estimate - se * t.high(), estimate - se * t.low());
    }

    /** The {@code p} and {@code q} numpy-linear quantiles of the replicates, infinity-safe. */
    static Interval quantiles(double[] replicates, double p, double q) {
        checkReplicates(replicates);
        double[] s = replicates.clone();
        for (double v : s) {
            if (Double.isNaN(v)) {
                return UNDEFINED;
            }
        }
        Arrays.sort(s);
        return new Interval(quantile(s, p), quantile(s, q));
    }

    private static double quantile(double[] s, double q) {
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= s.length - 1) {
            return s[s.length - 1];
        }
        double t = h - lo;
        if (t == 0 || s[lo] == s[lo + 1]) {
            return s[lo];
        }
        if (Double.isInfinite(s[lo]) || Double.isInfinite(s[lo + 1])) {
            // no interpolation across an infinite end: the nearer order statistic
            return t < 0.5 ? s[lo] : s[lo + 1];
        }
        return RobustWidth.quantileSorted(new double[] {s[lo], s[lo + 1]}, t);
    }

    private static void checkReplicates(double[] replicates) {
        if (replicates == null || replicates.length < 2) {
            throw new IllegalArgumentException("need at least 2 replicates, got "
                    + (replicates == null ? "null" : replicates.length));
        }
    }
}
