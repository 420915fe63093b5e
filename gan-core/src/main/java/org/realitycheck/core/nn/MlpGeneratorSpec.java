package org.realitycheck.core.nn;

import java.util.Arrays;

/**
 * MLP generator on {@code condition ⊕ noise}: dense layers with LeakyReLU(0.2), linear output.
 * Optionally with a linear skip path from the condition to the output, {@code G(x, z) = MLP(x ⊕ z) +
 * W·x} ({@code W} initialised to zero): for targets that are nearly linear in the condition (a track's
 * curvature and dip in the rotated hits) the skip path carries the linear part exactly, and the MLP
 * only the corrections; the "wide" half of Cheng et al. 2016's wide &amp; deep, or a residual
 * connection (He et al. 2016) across the whole network.
 *
 * @param conditionDim length of the (flattened) condition
 * @param noiseDim length of the Gaussian noise vector, {@code >= 0}
 * @param outputDim length of the output
 * @param hidden widths of the hidden layers, each {@code >= 1}
 * @param linearSkip whether to add the linear path {@code W·x} (condition only, not the noise); absent
 *     in JSON written before it existed, which reads as {@code false}
 */
public record MlpGeneratorSpec(int conditionDim, int noiseDim, int outputDim, int[] hidden, boolean linearSkip)
        implements GanArchitecture.Spec {
    @com.fasterxml.jackson.annotation.JsonCreator
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

    /** Without the linear skip path. */
    public MlpGeneratorSpec(int conditionDim, int noiseDim, int outputDim, int[] hidden) {
        this(conditionDim, noiseDim, outputDim, hidden, false);
    }

    /** The same spec with or without the linear skip path. */
    public MlpGeneratorSpec withLinearSkip(boolean skip) {
        return new MlpGeneratorSpec(conditionDim, noiseDim, outputDim, hidden, skip);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpGeneratorSpec s && s.conditionDim == conditionDim && s.noiseDim == noiseDim
                && s.outputDim == outputDim && Arrays.equals(s.hidden, hidden) && s.linearSkip == linearSkip;
    }

    @Override
    public int hashCode() {
        return 2 * (31 * (31 * (31 * conditionDim + noiseDim) + outputDim) + Arrays.hashCode(hidden))
                + (linearSkip ? 1 : 0);
    }

    @Override
    public String toString() {
        return "MlpGeneratorSpec[conditionDim=" + conditionDim + ", noiseDim=" + noiseDim + ", outputDim=" + outputDim
                + ", hidden=" + Arrays.toString(hidden) + ", linearSkip=" + linearSkip + "]";
    }
}
