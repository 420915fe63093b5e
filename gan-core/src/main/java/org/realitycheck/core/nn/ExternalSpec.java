package org.realitycheck.core.nn;

import java.util.Objects;

/**
 * A network realitycheck did not build and cannot rebuild: an imported generator (an ONNX export of a
 * PyTorch or TensorFlow model), or the discriminator an export leaves out. Recorded in the model card
 * so reports say what the model is; no graph builder accepts it.
 *
 * @param format where the network comes from, e.g. {@code onnx}
 * @param description what its author says it is (layers, widths), or why it is absent
 */
public record ExternalSpec(String format, String description) implements GanArchitecture.Spec {
    public ExternalSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return format + ": " + description;
    }
}
