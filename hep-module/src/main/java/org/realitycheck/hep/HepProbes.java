package org.realitycheck.hep;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * The hep probes ({@link HepDomain#probes()}), in the domain's current detector: the inputs come from
 * {@link TrackProbes} (noise-only hit sets; curlers, displaced tracks and kinks; sweeps), the scoring
 * from {@link TrackRecovery} (a track the hits accept; an injected track's parameters within tolerance).
 * The primary covariate is {@code pt}: it sets the curvature, which is what the GAN has to compute from
 * the hits.
 */
public final class HepProbes implements Probes {
    private final HepDomain domain;

    HepProbes(HepDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** Noise-only hit sets in the current detector ({@link TrackProbes#emptyInputs}). */
    @Override
    public SampleSet emptyInputs(int n, long seed) {
        return domain.setup().probes().emptyInputs(n, seed);
    }

    /** Curlers, displaced tracks and kinks in the current detector ({@link TrackProbes#injections}). */
    @Override
    public SampleSet injections(int n, long seed) {
        return domain.setup().probes().injections(n, seed);
    }

    /** @return {@code pt} (primary), {@code eta}, {@code d0} */
    @Override
    public List<String> sweepableCovariates() {
        return List.of("pt", "eta", "d0");
    }

    /** Sweeps {@code pt}, {@code eta} or {@code d0} ({@link TrackProbes#sweep}). */
    @Override
    public Optional<SampleSet> sweep(String covariate, double min, double max, int n, long seed) {
        return domain.setup().probes().sweep(covariate, min, max, n, seed);
    }

    /** A track the hits accept ({@link TrackRecovery#detect}). */
    @Override
    public Detections detect(float[] output, Sample input) {
        return TrackRecovery.detect(domain.setup().forward(), output, input);
    }

    /** The injected track's parameters within tolerance ({@link TrackRecovery#recovered}). */
    @Override
    public boolean recovered(float[] output, Sample sample) {
        return TrackRecovery.recovered(output, sample);
    }

    /** {@link TrackRecovery}'s tolerances on q/p_T, φ0 and d0. */
    @Override
    public List<Tolerance> recoveryTolerances() {
        return List.of(
                new Tolerance("q-over-pt-fraction", TrackRecovery.RECOVER_REL_QOVERPT, "",
                        "|output - true q/pT| as a fraction of the true |q/pT| (the charge must match)"),
                new Tolerance("phi0", TrackRecovery.RECOVER_PHI0, "rad", "|output - true phi0|, wrapped"),
                new Tolerance("d0", TrackRecovery.RECOVER_D0, "mm", "|output - true d0|"));
    }
}
