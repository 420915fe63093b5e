package org.realitycheck.calo;

import java.util.Set;

import org.realitycheck.core.Domain;
import org.realitycheck.core.testkit.DomainContractTest;

/**
 * The calo domain against gan-core's contract kit: registration, determinism, one shape, options,
 * write → load and simulateInto → load round trips (NumPy files), the energy-conservation χ² of the
 * truth, sweeps, rare-shower injections, empty readouts, tolerances, training set, policy and
 * architecture; the full simulation and the shower observables through the kit's nested tests.
 */
class CaloDomainContractTest extends DomainContractTest {
    private final Domain calo = new CaloDomain();

    @Override
    protected Domain domain() {
        return calo;
    }

    /** Stated here, not read from the domain, so that dropping one from the error message fails. */
    @Override
    protected Set<String> knownOptions() {
        return Set.of("energy-min", "energy-max", "theta-min", "theta-max");
    }

    /**
     * One χ² degree of freedom per shower (its energy), so 200 showers give the pooled χ²/ndf a 5σ margin
     * of 0.5; they simulate in a few seconds.
     */
    @Override
    protected int sampleCount() {
        return 200;
    }
}
