package org.realitycheck.core;

import java.util.OptionalDouble;

/**
 * A physics quantity computed from an output (GAN, conventional or truth): total flux, half-light
 * radius, source count; q/pT, φ0, d0, z0, cotθ. Residuals, pulls and distribution tests are taken
 * per observable.
 */
public interface Observable {
    /** @return a stable id, e.g. {@code flux} or {@code q_over_pt} */
    String name();

    /** @return the unit, e.g. {@code counts}, {@code pix}, {@code 1/GeV}, {@code mm}; empty if none */
    String unit();

    /**
     * @param output target-shaped values, flattened, in physical units
     * @param sample the sample the output belongs to (for its instrument metadata)
     * @return the observable's value; NaN when it is undefined for this output
     */
    double compute(float[] output, Sample sample);

    /**
     * The standard uncertainty of this observable for a conventional estimate, when the method
     * provides one; used for pulls.
     */
    default OptionalDouble uncertainty(Estimate estimate, Sample sample) {
        return OptionalDouble.empty();
    }
}
