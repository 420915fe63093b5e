package org.realitycheck.astro;

import org.realitycheck.astro.deconv.ForwardOperator;
import org.realitycheck.astro.deconv.Instrument;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Sample;

/**
 * Restored image → measurement: circular convolution with the sample's PSF, then the block average of
 * the down-sampling if any ({@link ForwardOperator}). The consistency is
 * {@code χ² = Σ ((d − A·x)/σ)²} with the sample's background σ ({@code sky_sigma}) as the noise map, one
 * term per independent measured pixel; a restoration that explains the data gives χ²/ndf ≈ 1 (the
 * truth itself gives 1 up to the noise of the estimate). Galaxy shot noise is neglected, which is
 * exact for the GalaxyGAN noise model.
 */
public final class AstroForwardModel implements ForwardModel {
    @Override
    public float[] forward(float[] output, Sample input) {
        return ForwardOperator.forward(output, Instrument.of(input));
    }

    @Override
    public Consistency consistency(float[] output, Sample input) {
        double[] c = ForwardOperator.chi2(output, input.condition(), Instrument.of(input));
        return new Consistency(c[0], (int) c[1]);
    }
}
