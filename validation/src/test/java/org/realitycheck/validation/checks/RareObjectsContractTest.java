package org.realitycheck.validation.checks;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;
import org.realitycheck.validation.testing.Toy;
import org.realitycheck.validation.testkit.CheckContractTest;

/**
 * {@code rare-objects} keeps the check contract on the toy domain. Broken: the oracle blurred by a Gaussian of 2 pixels, which
 * smears the injected spikes away. Split and merge: every metric to the last bit.
 */
class RareObjectsContractTest extends CheckContractTest {
    private static final RareObjectsCheck CHECK = new RareObjectsCheck();

    @Override
    protected Check check() {
        return CHECK;
    }

    @Override
    protected Domain domain() {
        return Toy.DOMAIN;
    }

    @Override
    protected Policy policy() {
        return TestPolicies.of(Toy.DOMAIN, CHECK, 20);
    }

    @Override
    protected Generator honestModel() {
        return Toy.oracle(0.1);
    }

    @Override
    protected Generator brokenModel() {
        return TestModels.blurred(Toy.oracle(0.1), 2.0);
    }
}
