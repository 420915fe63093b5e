package org.realitycheck.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs and scoring the reality checks need beyond the data ({@link Domain#probes()}): what an
 * empty input is and what a model claims to find in it (hallucination), which rare objects to inject
 * and when one counts as recovered (rare objects), and along which covariates the input can be swept
 * (out of distribution). Every generator is seeded: the same seed gives the same set.
 *
 * <p>The tolerances {@link #recovered} applies are named in {@link #recoveryTolerances()}, so a report
 * can say what "recovered" meant.
 */
public interface Probes {
    /**
     * Inputs that contain nothing (sky-only fields, noise-only hits), degraded exactly like real
     * inputs; their targets are "nothing" (blank sky, or absent).
     */
    SampleSet emptyInputs(int n, long seed);

    /** Rare objects absent from training (point sources, companions; kinked or low-pT tracks), with truth. */
    SampleSet injections(int n, long seed);

    /**
     * @return the covariates {@link #sweep} can sweep, never empty, the primary one first (the one the
     *     out-of-distribution check sweeps by default, e.g. {@code redshift}, {@code pt})
     */
    List<String> sweepableCovariates();

    /** @return the primary covariate, {@code sweepableCovariates().get(0)} */
    default String primaryCovariate() {
        return sweepableCovariates().get(0);
    }

    /**
     * Samples spread over {@code [min, max]} of one covariate, other parameters drawn from the default
     * priors. Every sample's covariate lies in the range.
     *
     * @return the sweep; empty exactly when {@code covariate} is not in {@link #sweepableCovariates()}
     */
    Optional<SampleSet> sweep(String covariate, double min, double max, int n, long seed);

    /**
     * Counts what an output claims to contain where the input holds nothing: sources above k·σ in a
     * restored sky image; a track whose parameters the hits accept. A blank output finds nothing.
     */
    Detections detect(float[] output, Sample input);

    /**
     * @return true when the output recovers the rare object injected into {@code sample}, within
     *     {@link #recoveryTolerances()} of the truth; the truth itself is always recovered
     */
    boolean recovered(float[] output, Sample sample);

    /** @return the tolerances {@link #recovered} applies, by name, for reports; never empty */
    List<Tolerance> recoveryTolerances();

    /**
     * What {@link #detect} found.
     *
     * @param count number of detections (sources, accepted tracks), {@code >= 0}
     * @param spuriousSignal the signal attributed to them (flux in counts; 0 for tracks)
     */
    record Detections(int count, double spuriousSignal) {
        public Detections {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0, got " + count);
            }
        }
    }

    /**
     * One named tolerance of {@link #recovered}.
     *
     * @param name a stable id, e.g. {@code flux-fraction}
     * @param value the tolerance
     * @param unit its unit ({@code pix}, {@code rad}, {@code mm}; empty for a fraction)
     * @param meaning one sentence for reports: what is compared with what
     */
    record Tolerance(String name, double value, String unit, String meaning) {
        public Tolerance {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(meaning, "meaning");
            if (!(value >= 0)) {
                throw new IllegalArgumentException("tolerance " + name + " must be >= 0, got " + value);
            }
        }
    }
}
