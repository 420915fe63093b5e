package org.realitycheck.core;

import java.util.Objects;

/**
 * What a {@link ConventionalMethod} returns for one sample: the estimate (target-shaped, flattened),
 * the per-value standard uncertainty when the method has one (empty array otherwise), a fit quality
 * (χ² and degrees of freedom; NaN and 0 when not applicable) and whether the method accepted the
 * input at all (a fit that fails or a χ² probability below its cut reports {@code valid=false}).
 *
 * @param value the estimate, flattened like the target, never null
 * @param sigma standard uncertainties, same length as {@code value}, or empty
 * @param chi2 the fit χ², or NaN
 * @param ndf degrees of freedom of {@code chi2}, or 0
 * @param valid false when the method rejected the input (for example "no track here")
 */
public record Estimate(float[] value, float[] sigma, double chi2, int ndf, boolean valid) {
    public Estimate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sigma, "sigma");
        if (sigma.length != 0 && sigma.length != value.length) {
            throw new IllegalArgumentException("sigma must be empty or have " + value.length + " values, got " + sigma.length);
        }
        if (ndf < 0) {
            throw new IllegalArgumentException("ndf must be >= 0, got " + ndf);
        }
    }

    /** An estimate without uncertainty or fit quality. */
    public static Estimate of(float[] value) {
        return new Estimate(value, new float[0], Double.NaN, 0, true);
    }

    /** @return χ²/ndf, or NaN when there is no fit quality */
    public double chi2PerNdf() {
        return ndf == 0 ? Double.NaN : chi2 / ndf;
    }

    public boolean hasSigma() {
        return sigma.length > 0;
    }
}
