package org.realitycheck.core.data;

import java.util.Objects;

/**
 * The transforms between physical units and the network's scale, one for conditions and one for
 * targets. A generator applies {@code condition} to its input and inverts {@code target} on its
 * output. Recorded in the model card.
 *
 * @param condition applied to conditions
 * @param target applied to targets (and inverted on generated outputs)
 */
public record Normalization(FeatureTransform condition, FeatureTransform target) {
    public Normalization {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(target, "target");
    }

    /** No transform on either side. */
    public static Normalization identity() {
        return new Normalization(new FeatureTransform.Identity(), new FeatureTransform.Identity());
    }
}
