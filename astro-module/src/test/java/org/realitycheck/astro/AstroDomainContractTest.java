package org.realitycheck.astro;

import org.junit.jupiter.api.Nested;
import org.realitycheck.astro.deconv.Wiener;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.testkit.ConventionalMethodContractTest;
import org.realitycheck.core.testkit.DomainContractTest;

/**
 * The astro domain against gan-core's contract kit (registration, determinism, one shape, options,
 * round trip, forward χ², injections, empty fields, policy, architecture; Richardson–Lucy and the
 * observables through the kit's nested tests), plus the kit's method contract on Wiener, the second
 * conventional method {@link AstroReference#conventionalMethods()} lists after Richardson–Lucy.
 */
class AstroDomainContractTest extends DomainContractTest {
    private final AstroDomain astro = new AstroDomain();

    @Override
    protected Domain domain() {
        return astro;
    }

    /** The default mix of galaxies, empty fields and injections, so every kind is written and read back. */
    @Override
    protected java.util.Map<String, String> options() {
        return java.util.Map.of("empty-fraction", "0.25", "injected-fraction", "0.25");
    }

    @Nested
    class WienerMethod extends ConventionalMethodContractTest {
        @Override
        protected ConventionalMethod method() {
            return Wiener.defaults();
        }

        @Override
        protected SampleSet inputs() {
            return simulated();
        }
    }
}
