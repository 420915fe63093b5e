package org.realitycheck.core.model;

import java.util.Objects;

/**
 * How closely an imported model (an ONNX export of a PyTorch or TensorFlow generator) reproduces the
 * outputs its source framework made for the same inputs. A model is accepted only when every output
 * value {@code y} satisfies {@code |y − ref| <= absoluteTolerance + relativeTolerance·|ref|} (the rule of
 * {@code numpy.allclose}); the run's provenance records this, so the report shows it.
 *
 * @param engine the runtime that ran the model, e.g. {@code ONNX Runtime 1.22.0}
 * @param reference the reference files, as named in the card
 * @param cases number of reference samples compared, {@code >= 1}
 * @param values number of output values compared, {@code >= cases}
 * @param maxAbsDiff the largest {@code |y − ref|} over all values
 * @param worstSample the sample index of {@link #maxAbsDiff}
 * @param worstOutput the flattened output index of {@link #maxAbsDiff} within that sample
 * @param absoluteTolerance the absolute term of the tolerance, {@code >= 0}
 * @param relativeTolerance the relative term of the tolerance, {@code >= 0}
 */
public record ImportFidelity(String engine, String reference, int cases, long values, double maxAbsDiff,
        int worstSample, long worstOutput, double absoluteTolerance, double relativeTolerance) {
    public ImportFidelity {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(reference, "reference");
        if (cases < 1 || values < cases) {
            throw new IllegalArgumentException("need cases >= 1 and values >= cases, got " + cases + ", " + values);
        }
        if (!(absoluteTolerance >= 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got " + absoluteTolerance + ", "
                    + relativeTolerance);
        }
    }

    /** @return one line for reports, e.g. {@code 64 cases (320 values) … max |Δ| 6e-08 …} */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "%s reproduces %s: %d cases (%d values), max |Δ| = %.3g at sample %d, output %d; "
                        + "tolerance |Δ| <= %.3g + %.3g·|reference|",
                engine, reference, cases, values, maxAbsDiff, worstSample, worstOutput, absoluteTolerance,
                relativeTolerance);
    }
}
