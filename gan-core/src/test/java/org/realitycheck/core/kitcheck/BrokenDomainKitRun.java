package org.realitycheck.core.kitcheck;

import java.util.Set;

import org.realitycheck.core.Domain;
import org.realitycheck.core.testkit.DomainContractTest;

/**
 * The kit on {@link BrokenDomain}. Named so that Surefire does not run it (it must fail);
 * {@link ContractKitTest} runs it through the JUnit Platform and checks the failures.
 */
class BrokenDomainKitRun extends DomainContractTest {
    @Override
    protected Domain domain() {
        return new BrokenDomain();
    }

    @Override
    protected Set<String> knownOptions() {
        return ToyDomain.OPTIONS;
    }

    @Override
    protected int sampleCount() {
        return 200;
    }
}
