package org.realitycheck.validation.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Sample sizes and power for a threshold judged by the three-way interval rule (decided only when the
 * whole two-sided interval at {@code level} lies on one side of the bound), under the normal
 * approximation {@code θ̂ ~ N(θ, σ₁²/n)} with {@code σ₁} the statistic's per-sample standard deviation
 * (the standard error times √n).
 *
 * <p>With {@code z = Φ⁻¹((1+level)/2)} and {@code d = |θ - bound|}: the interval lies wholly on θ's side
 * of the bound with probability {@code Φ(d√n/σ₁ - z)}, so probability {@code p} needs
 * {@code n = ((z + Φ⁻¹(p)) σ₁ / d)²}. The same expression gives the size at which a model as good as
 * the conventional method PASSes (θ the method's value, inside the bounds) and the size at which a
 * model with the effect FAILs (θ the effect's value, past the bound).
 *
 * <p>{@code σ₁} is read from a pilot run's interval: {@link #perSampleSd(double, int, double)}.
 */
public final class Sizing {
    private static final NormalDistribution STD = new NormalDistribution(null, 0, 1, 1e-12);

    private Sizing() {
    }

    /**
     * @param halfWidth the pilot interval's half-width on the relevant side, {@code >= 0}
     * @param n the pilot's sample count (the count the statistic scales with), {@code >= 1}
     * @param level the interval's level in (0, 1)
     * @return {@code σ₁ = halfWidth √n / z}
     */
    public static double perSampleSd(double halfWidth, int n, double level) {
        if (!(halfWidth >= 0) || n < 1) {
            throw new IllegalArgumentException("halfWidth must be >= 0 and n >= 1, got " + halfWidth + ", " + n);
        }
        return halfWidth * Math.sqrt(n) / z(level);
    }

    /**
     * @param sd the per-sample standard deviation {@code σ₁ > 0}
     * @param distance {@code |θ - bound| > 0}
     * @param level the interval's level in (0, 1)
     * @param probability the wanted probability of a decision on θ's side, in (0, 1)
     * @return the smallest sample count reaching it (at least 1); {@link Integer#MAX_VALUE} when
     *     {@code distance} is 0 (a value on the bound is never decided)
     */
    public static int samplesToDecide(double sd, double distance, double level, double probability) {
        Args.level(probability);
        if (!(sd > 0) || !(distance >= 0)) {
            throw new IllegalArgumentException("sd must be > 0 and distance >= 0, got " + sd + ", " + distance);
        }
        if (distance == 0) {
            return Integer.MAX_VALUE;
        }
        double root = (z(level) + STD.inverseCumulativeProbability(probability)) * sd / distance;
        double n = Math.ceil(root * root);
        return n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) n);
    }

    /**
     * @return the probability that {@code n} samples decide on θ's side: {@code Φ(distance √n / sd - z)}
     */
    public static double probabilityToDecide(double sd, double distance, int n, double level) {
        if (!(sd > 0) || !(distance >= 0) || n < 1) {
            throw new IllegalArgumentException("need sd > 0, distance >= 0, n >= 1; got " + sd + ", " + distance + ", " + n);
        }
        return STD.cumulativeProbability(distance * Math.sqrt(n) / sd - z(level));
    }

    private static double z(double level) {
        return STD.inverseCumulativeProbability(0.5 + 0.5 * Args.level(level));
    }
}
