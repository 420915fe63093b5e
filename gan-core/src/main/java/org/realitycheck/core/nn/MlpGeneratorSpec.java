package org.realitycheck.core.nn;

import java.util.Arrays;

/**
 * MLP generator on {@code condition ⊕ noise}: dense layers with LeakyReLU(0.2), linear output.
 *
 * @param conditionDim length of the (flattened) condition
 * @param noiseDim length of the Gaussian noise vector, {@code >= 0}
 * @param outputDim length of the output
 * @param hidden widths of the hidden layers, each {@code >= 1}
 */
public record MlpGeneratorSpec(int conditionDim, int noiseDim, int outputDim, int[] hidden)
        implements GanArchitecture.Spec {
    public MlpGeneratorSpec {
        if (conditionDim < 1 || outputDim < 1 || noiseDim < 0) {
            throw new IllegalArgumentException("need conditionDim >= 1, outputDim >= 1, noiseDim >= 0; got "
                    + conditionDim + ", " + outputDim + ", " + noiseDim);
        }
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1, got " + Arrays.toString(hidden));
            }
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpGeneratorSpec s && s.conditionDim == conditionDim && s.noiseDim == noiseDim
                && s.outputDim == outputDim && Arrays.equals(s.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * conditionDim + noiseDim) + outputDim) + Arrays.hashCode(hidden);
    }

    @Override
    public String toString() {
        return "MlpGeneratorSpec[conditionDim=" + conditionDim + ", noiseDim=" + noiseDim + ", outputDim=" + outputDim
                + ", hidden=" + Arrays.toString(hidden) + "]";
    }
}
