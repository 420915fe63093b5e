package org.realitycheck.core.kitcheck;

import org.realitycheck.core.Domain;
import org.realitycheck.core.testkit.DomainContractTest;

/** The kit on a correct domain: every contract test passes (so the broken domain's failures are its own). */
class ToyDomainContractTest extends DomainContractTest {
    @Override
    protected Domain domain() {
        return new ToyDomain();
    }

    /** 4 measurements a sample: 200 samples give 800 degrees of freedom, a 5σ margin of 0.25 on χ²/ndf. */
    @Override
    protected int sampleCount() {
        return 200;
    }
}
