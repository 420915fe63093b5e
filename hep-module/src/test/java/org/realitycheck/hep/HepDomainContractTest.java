package org.realitycheck.hep;

import java.util.Set;

import org.realitycheck.core.Domain;
import org.realitycheck.core.testkit.DomainContractTest;

/**
 * The hep domain against gan-core's contract kit: registration, determinism, one shape, options,
 * write → load and simulateInto → load round trips (TrackML CSV), forward χ², sweeps, injections,
 * noise-only inputs, tolerances, training set, policy and architecture; the helix fit and the track
 * observables through the kit's nested tests.
 */
class HepDomainContractTest extends DomainContractTest {
    private final Domain hep = new HepDomain();

    @Override
    protected Domain domain() {
        return hep;
    }

    /** Stated here, not read from the domain, so that dropping one from the error message fails. */
    @Override
    protected Set<String> knownOptions() {
        return Set.of("pt-min", "pt-max", "eta-min", "eta-max", "d0-sigma", "z0-sigma", "efficiency",
                "multiple-scattering", "tracks-per-event", "noise-hits-per-layer");
    }

    /**
     * A track holds ~20 measured coordinates, so 200 tracks (about 3000 degrees of freedom) give the
     * pooled χ²/ndf a 5σ statistical margin of about 0.13; they simulate and fit in well under a second.
     */
    @Override
    protected int sampleCount() {
        return 200;
    }

    /** The helix has 5 parameters: ndf = 2·hits − 5, while the truth's χ² has 2·hits degrees of freedom. */
    @Override
    protected int fittedParameters() {
        return 5;
    }
}
