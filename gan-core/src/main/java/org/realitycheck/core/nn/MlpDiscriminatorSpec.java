package org.realitycheck.core.nn;

import java.util.Arrays;

/**
 * MLP discriminator on {@code condition ⊕ output}: dense layers with LeakyReLU(0.2), one logit.
 *
 * @param conditionDim length of the condition
 * @param outputDim length of the generator's output
 * @param hidden widths of the hidden layers, each {@code >= 1}
 */
public record MlpDiscriminatorSpec(int conditionDim, int outputDim, int[] hidden) implements GanArchitecture.Spec {
    public MlpDiscriminatorSpec {
        if (conditionDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("need conditionDim >= 1 and outputDim >= 1; got " + conditionDim
                    + ", " + outputDim);
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
        return o instanceof MlpDiscriminatorSpec s && s.conditionDim == conditionDim && s.outputDim == outputDim
                && Arrays.equals(s.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * conditionDim + outputDim) + Arrays.hashCode(hidden);
    }

    @Override
    public String toString() {
        return "MlpDiscriminatorSpec[conditionDim=" + conditionDim + ", outputDim=" + outputDim + ", hidden="
                + Arrays.toString(hidden) + "]";
    }
}
