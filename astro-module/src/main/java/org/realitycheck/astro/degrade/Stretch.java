package org.realitycheck.astro.degrade;

import org.realitycheck.core.data.FeatureTransform;

/**
 * The GalaxyGAN display/network stretch (Schawinski et al. 2017): clip to {@code [lo, hi]}, rescale
 * to {@code u ∈ [0, 1]}, then {@code y = asinh(a·u)/b}; the paper uses lo = −0.1, hi = 4, a = 10,
 * b = 3. The inverse {@code x = lo + (hi − lo)·sinh(b·y)/a} is exact for every value inside the clip
 * range, so physical fluxes come back; values outside it were clipped and return as the bound.
 * The same map as gan-core's {@link FeatureTransform.AsinhStretch}, on plain arrays.
 *
 * @param lo lower clip, counts
 * @param hi upper clip, counts, {@code > lo}
 * @param a softening inside asinh, {@code > 0}
 * @param b divisor, {@code > 0}
 */
public record Stretch(double lo, double hi, double a, double b) {
    public Stretch {
        if (!(hi > lo) || !(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("need hi > lo, a > 0, b > 0; got lo=" + lo + " hi=" + hi + " a=" + a + " b=" + b);
        }
    }

    /** The paper's stretch: clip [−0.1, 4], asinh(10u)/3. */
    public static Stretch galaxyGan() {
        return new Stretch(-0.1, 4.0, 10.0, 3.0);
    }

    /** @return the stretched value of one physical value */
    public double apply(double x) {
        double u = (Math.min(hi, Math.max(lo, x)) - lo) / (hi - lo);
        double v = a * u;
        return Math.log(v + Math.sqrt(v * v + 1)) / b;
    }

    /** @return the physical value of a stretched one (exact inverse on the clip range) */
    public double invert(double y) {
        return lo + (hi - lo) * Math.sinh(b * y) / a;
    }

    /** @return a new array, {@link #apply(double)} element-wise */
    public float[] apply(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) apply(x[i]);
        }
        return out;
    }

    /** @return a new array, {@link #invert(double)} element-wise */
    public float[] invert(float[] y) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) invert(y[i]);
        }
        return out;
    }

    /** @return the same stretch as a gan-core feature transform (recorded in model cards) */
    public FeatureTransform.AsinhStretch toTransform() {
        return new FeatureTransform.AsinhStretch(lo, hi, a, b);
    }
}
