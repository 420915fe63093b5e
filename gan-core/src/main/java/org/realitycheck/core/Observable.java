package org.realitycheck.core;

import java.util.OptionalDouble;

/**
 * A physics quantity computed from an output (GAN, conventional or truth): total flux, half-light
 * radius, source count; q/pT, φ0, d0, z0, cotθ. Residuals, pulls and distribution tests are taken
 * per observable.
 */
public interface Observable {
    /**
     * An observable from a function, for the common case with no uncertainty and the plain residual.
     *
     * @param name a stable id, e.g. {@code flux_total}
     * @param unit its unit, empty if none
     * @param compute the value of an output (flattened, physical units) for its sample; NaN when undefined
     */
    static Observable of(String name, String unit, java.util.function.ToDoubleBiFunction<float[], Sample> compute) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(unit, "unit");
        java.util.Objects.requireNonNull(compute, "compute");
        return new Observable() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public double compute(float[] output, Sample sample) {
                return compute.applyAsDouble(output, sample);
            }

            @Override
            public String toString() {
                return "Observable[" + name + "]";
            }
        };
    }

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
     * The residual of an estimate against a reference value of this observable (model − truth,
     * conventional − truth, model − conventional). The default is {@code estimate − reference}; an
     * angle overrides it to wrap the difference (φ0 into (−π, π]), so every check gets it right.
     *
     * @return the residual, NaN when either value is NaN
     */
    default double residual(double estimate, double reference) {
        return estimate - reference;
    }

    /**
     * The standard uncertainty of this observable for a conventional estimate, when the method
     * provides one; used for pulls.
     */
    default OptionalDouble uncertainty(Estimate estimate, Sample sample) {
        return OptionalDouble.empty();
    }
}
