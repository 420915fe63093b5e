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
 * {@code residuals.conventional} keeps the check contract on the toy domain. Broken: a model that loses 10% of the flux. The held-out set spans two
 * chunks. Split and merge: every metric to the last bit (the per-sample observables are put back in index order).
 */
class ResidualsContractTest extends CheckContractTest {
    private static final ResidualsCheck CHECK = new ResidualsCheck();

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
        return TestPolicies.of(Toy.DOMAIN, CHECK, 1500);
    }

    @Override
    protected Generator honestModel() {
        return Toy.conventional();
    }

    @Override
    protected Generator brokenModel() {
        return TestModels.map(Toy.conventional(), (c, o) -> ResidualsCheckToyTest.scale(o, 0.9f));
    }
}
