package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.validation.checks.CheckRuns.assertFailsOn;
import static org.realitycheck.validation.checks.CheckRuns.assertPasses;
import static org.realitycheck.validation.checks.CheckRuns.run;
import static org.realitycheck.validation.checks.CheckRuns.value;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Generator;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.testdomain.ToyDomain;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;
import org.realitycheck.validation.testing.Toy;

/** {@code distribution.fidelity} on the toy domain with the toy policy's thresholds. */
class DistributionFidelityCheckToyTest {
    private static final DistributionFidelityCheck CHECK = new DistributionFidelityCheck();
    private static final Policy POLICY = TestPolicies.of(Toy.DOMAIN, CHECK, 400);
    /** Mean source flux of the toy domain's default simulation: F0 ~ U(60, 120) dimmed by (1 + 4z)², z ~ U(0, 0.25). */
    private static final double MEAN_FLUX = 90 * 0.5;

    @Test
    void anOracleAndTheFitPass() {
        CheckResult r = run(CHECK, Toy.oracle(0.05), Toy.DOMAIN, POLICY, 31);
        CheckRuns.print(r);
        assertPasses(r);
        assertThat(value(r, "classifier_auc")).isBetween(0.4, 0.6);
        assertPasses(run(CHECK, Toy.conventional(), Toy.DOMAIN, POLICY, 32));
    }

    /** Each source's flux spread doubled about the population mean: right mean, wrong spread. */
    @Test
    void twiceTheFluxSpreadFails() {
        Generator wide = TestModels.map(Toy.oracle(0.05), (c, o) -> {
            double f = 0;
            for (float v : o) {
                f += v;
            }
            double want = MEAN_FLUX + 2 * (f - MEAN_FLUX);
            return ResidualsCheckToyTest.scale(o, (float) (want / f));
        });
        CheckResult r = run(CHECK, wide, Toy.DOMAIN, POLICY, 33);
        CheckRuns.print(r);
        assertFailsOn(r, "flux.w1_over_baseline");
    }

    /** Every source 2 px to the right: a shifted distribution of centres. */
    @Test
    void aShiftedDistributionFails() {
        Generator shifted = TestModels.map(Toy.oracle(0.05), (c, o) -> {
            float[] out = new float[o.length];
            for (int i = 2; i < o.length; i++) {
                out[i] = o[i - 2];
            }
            return out;
        });
        CheckResult r = run(CHECK, shifted, Toy.DOMAIN, POLICY, 34);
        CheckRuns.print(r);
        assertFailsOn(r, "centre.w1_over_baseline");
        assertThat(value(r, "classifier_auc")).isGreaterThan(0.65);
    }
}
