package org.realitycheck.validation.checks;

import java.util.Map;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;
import org.realitycheck.validation.testing.Toy;
import org.realitycheck.validation.testkit.CheckContractTest;

/**
 * {@code ood.covariate} keeps the check contract on the toy domain. Broken: the fit as a model trained at z <= 0.1 only, which fades
 * sources fainter than the faintest it saw, used out to z = 0.25. Split and merge: every metric to the last bit
 * (each sweep bin's per-sample observables are put back in index order).
 */
class OodCovariateContractTest extends CheckContractTest {
    private static final OodCovariateCheck CHECK = new OodCovariateCheck();

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
        return TestPolicies.of(Toy.DOMAIN, CHECK, 20, Map.of(), Map.of("z", new Range(0, 0.25)));
    }

    @Override
    protected Generator honestModel() {
        return Toy.conventional();
    }

    @Override
    protected Generator brokenModel() {
        double faintestTrained = 60 / Math.pow(1.4, 2);
        Generator fit = TestModels.conventional(Toy.DOMAIN, TestModels.card(Toy.DOMAIN,
                Toy.DOMAIN.data().simulate(1, 0, Map.of()), Map.of("z", new Range(0, 0.1))));
        return TestModels.map(fit, (c, o) -> {
            double f = 0;
            for (float v : o) {
                f += v;
            }
            return f < faintestTrained ? ResidualsCheckToyTest.scale(o, (float) (Math.max(f, 0) / faintestTrained)) : o;
        });
    }
}
