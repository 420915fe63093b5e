package org.realitycheck.core.kitcheck;

import org.realitycheck.core.Domain;

/**
 * The kit, sized as for the toy, on {@link BrokenDomain}. Named so that Surefire does not run it (it
 * must fail); {@link ContractKitTest} runs it through the JUnit Platform and checks the failures.
 */
class BrokenDomainKitRun extends ToyDomainContractTest {
    @Override
    protected Domain domain() {
        return new BrokenDomain();
    }
}
