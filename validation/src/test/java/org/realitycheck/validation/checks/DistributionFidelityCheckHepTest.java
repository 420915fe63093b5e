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
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;

/** {@code distribution.fidelity} end to end on the hep domain, with the shipped thresholds on 5,000 tracks. */
class DistributionFidelityCheckHepTest {
    private static final DistributionFidelityCheck CHECK = new DistributionFidelityCheck();
    private static final Policy POLICY = TestPolicies.of(Hep.DOMAIN, CHECK, 5000);

    @Test
    void theHelixFitPasses() {
        CheckResult r = run(CHECK, Hep.fit(), Hep.DOMAIN, POLICY, 41);
        CheckRuns.print(r);
        assertPasses(r);
    }

    /** cot θ shrunk by 0.7 towards 0: the η distribution keeps its mean (0) but loses 30% of its width. */
    @Test
    void aNarrowedEtaDistributionFails() {
        Generator narrow = TestModels.map(Hep.fit(), (c, o) -> {
            float[] out = o.clone();
            out[4] *= 0.7f;
            return out;
        });
        CheckResult r = run(CHECK, narrow, Hep.DOMAIN, POLICY, 42);
        CheckRuns.print(r);
        assertFailsOn(r, "cot_theta.w1_over_baseline");
        assertThat(value(r, "classifier_auc")).isGreaterThan(0.6);
    }

    /** z0 shifted by 10 mm, a fifth of the beam spot's 50 mm (5 mm is undecided at 5,000 tracks; the default 100,000 decide it). */
    @Test
    void aShiftedZ0DistributionFails() {
        Generator shifted = TestModels.map(Hep.fit(), (c, o) -> {
            float[] out = o.clone();
            out[3] += 10f;
            return out;
        });
        CheckResult r = run(CHECK, shifted, Hep.DOMAIN, POLICY, 43);
        CheckRuns.print(r);
        assertFailsOn(r, "z0.w1_over_baseline");
    }
}
