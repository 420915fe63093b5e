package org.realitycheck.hep.fit;

import java.util.Arrays;
import java.util.Objects;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.track.HitVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helix fit ({@link HelixFitter}) as the domain's conventional method. The estimate is
 * {@code [q/pT, φ0, d0, z0, cotθ]} with the fit's σ, χ² = circle + line χ² and ndf = 2n − 5. It is
 * {@code valid} ("there is a track here") when the fit has at least 3 hits and
 * χ²/ndf &lt; {@link #CHI2_NDF_CUT}; noise-only inputs give χ²/ndf of order 10⁶ and are rejected.
 * Inputs with fewer than 3 hits, or degenerate ones, give an invalid estimate of NaNs.
 */
public final class HelixFitMethod implements ConventionalMethod {
    /**
     * χ²/ndf below which the fit accepts a track. Without scattering a correct track has χ²/ndf ≈ 1
     * (probability of exceeding 10 at ndf = 15: ~1e-22); with scattering, which the fit ignores,
     * low-p_T tracks exceed it.
     */
    public static final double CHI2_NDF_CUT = 10.0;

    private static final Logger LOG = LoggerFactory.getLogger(HelixFitMethod.class);

    private final HelixFitter fitter;

    /** @param detector the detector whose resolutions weight the fit, never null */
    public HelixFitMethod(Detector detector) {
        this.fitter = new HelixFitter(Objects.requireNonNull(detector, "detector"));
    }

    public HelixFitter fitter() {
        return fitter;
    }

    @Override
    public String name() {
        return "karimaki-helix-fit";
    }

    @Override
    public Estimate estimate(Sample sample) {
        float[] c = sample.condition();
        int n = HitVector.hitCount(c);
        if (n < 3) {
            LOG.debug("{}: {} hits, a helix fit needs at least 3", sample.id(), n);
            return invalid();
        }
        HelixFit f;
        try {
            f = fitter.fit(c);
        } catch (IllegalArgumentException e) {
            LOG.debug("{}: fit rejected: {}", sample.id(), e.getMessage());
            return invalid();
        }
        double[] s = f.sigmas();
        float[] sigma = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            sigma[i] = (float) s[i];
        }
        boolean valid = f.chi2() / f.ndf() < CHI2_NDF_CUT && Double.isFinite(f.chi2());
        return new Estimate(f.params().toFloats(), sigma, f.chi2(), f.ndf(), valid);
    }

    private static Estimate invalid() {
        float[] nan = new float[5];
        Arrays.fill(nan, Float.NaN);
        return new Estimate(nan, new float[0], Double.NaN, 0, false);
    }
}
