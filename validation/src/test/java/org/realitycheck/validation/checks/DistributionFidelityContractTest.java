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
 * {@code distribution.fidelity} keeps the check contract on the toy domain. Broken: every source shifted 2 pixels to the right. The held-out
 * set spans two chunks. Split and merge: every metric to the last bit.
 */
class DistributionFidelityContractTest extends CheckContractTest {
    private static final DistributionFidelityCheck CHECK = new DistributionFidelityCheck();

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
        return TestPolicies.of(Toy.DOMAIN, CHECK, 1200);
    }

    @Override
    protected Generator honestModel() {
        return Toy.conventional();
    }

    @Override
    protected Generator brokenModel() {
        return TestModels.map(Toy.oracle(0.05), (c, o) -> {
            float[] out = new float[o.length];
            for (int i = 2; i < o.length; i++) {
                out[i] = o[i - 2];
            }
            return out;
        });
    }
}
