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
 * {@code hallucination.empty-fields} keeps the check contract on the toy domain. Broken: a model that adds 2 counts to every pixel. Split and merge: every metric to the last bit (the
 * per-field values are put back in index order before anything is summed or resampled).
 */
class EmptyFieldsContractTest extends CheckContractTest {
    private static final EmptyFieldsCheck CHECK = new EmptyFieldsCheck();

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
        return TestModels.map(Toy.oracle(0.1), (c, o) -> {
            float[] r = o.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] += 2f;
            }
            return r;
        });
    }
}
