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
 * {@code consistency.forward-model} keeps the check contract on the toy domain, over three chunks of held-out
 * samples. Split and merge: every metric to the last bit (the per-sample χ²/ndf are put back in index order
 * before anything is summed or resampled).
 */
class ForwardConsistencyContractTest extends CheckContractTest {
    private static final ForwardConsistencyCheck CHECK = new ForwardConsistencyCheck();

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
        return TestPolicies.of(Toy.DOMAIN, CHECK, 2500);
    }

    @Override
    protected Generator honestModel() {
        return Toy.oracle(0.1);
    }

    @Override
    protected Generator brokenModel() {
        return TestModels.map(Toy.oracle(0.1), (c, o) -> {
            float[] r = o.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] = Math.min(r[i], 2f);
            }
            return r;
        });
    }
}
