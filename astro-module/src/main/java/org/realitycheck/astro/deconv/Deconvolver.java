package org.realitycheck.astro.deconv;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;

/**
 * A deconvolution with a known instrument, as the SPI's conventional method: the estimate is the
 * restored image, with the forward-model χ² of the restoration against the measurement
 * ({@link ForwardOperator#chi2}) as its fit quality.
 */
public interface Deconvolver extends ConventionalMethod {
    /**
     * @param measured {@code bands·size²} values, counts, not modified
     * @param instrument the PSF, down-sampling and noise of the measurement
     * @return the restored image, counts, a new array
     */
    float[] deconvolve(float[] measured, Instrument instrument);

    /** Deconvolves the condition with the instrument from the sample's covariates ({@link Instrument#of}). */
    @Override
    default Estimate estimate(Sample sample) {
        Instrument ins = Instrument.of(sample);
        float[] d = sample.condition();
        float[] x = deconvolve(d, ins);
        double[] c2 = ForwardOperator.chi2(x, d, ins);
        return new Estimate(x, new float[0], c2[0], (int) c2[1], true);
    }
}
