package org.realitycheck.core;

/**
 * Maps an output (a restored image, a set of track parameters) back into input space, so that one
 * can ask whether the output explains the measurement: re-blur and re-degrade an image, re-project
 * a track onto the detector layers.
 */
public interface ForwardModel {
    /**
     * @param output a target-shaped output, flattened
     * @param input the sample whose condition the output was made from (gives the instrument state)
     * @return the predicted condition, flattened like {@code input.condition()}
     */
    float[] forward(float[] output, Sample input);

    /**
     * χ² of the measured condition against {@link #forward}, with the measurement's noise model,
     * and its degrees of freedom. A consistent output gives χ²/ndf ≈ 1.
     */
    Consistency consistency(float[] output, Sample input);

    /**
     * @param chi2 the χ² of the measurement against the forward-modelled output
     * @param ndf its degrees of freedom, {@code >= 1}
     */
    record Consistency(double chi2, int ndf) {
        public Consistency {
            if (ndf < 1) {
                throw new IllegalArgumentException("ndf must be >= 1, got " + ndf);
            }
        }

        public double chi2PerNdf() {
            return chi2 / ndf;
        }
    }
}
