package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.validation.checks.CheckRuns.assertFailsOn;
import static org.realitycheck.validation.checks.CheckRuns.assertPasses;
import static org.realitycheck.validation.checks.CheckRuns.run;
import static org.realitycheck.validation.checks.CheckRuns.value;

import org.junit.jupiter.api.Test;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.testing.TestPolicies;

/** {@code residuals.conventional} end to end on the hep domain, with the shipped thresholds on 5,000 tracks. */
class ResidualsCheckHepTest {
    private static final ResidualsCheck CHECK = new ResidualsCheck();
    private static final Policy POLICY = TestPolicies.of(Hep.DOMAIN, CHECK, 5000);

    @Test
    void theHelixFitPasses() {
        CheckResult r = run(CHECK, Hep.fit(), Hep.DOMAIN, POLICY, 11);
        CheckRuns.print(r);
        assertPasses(r);
        assertThat(value(r, "q_over_pt.pull_width_conventional")).isBetween(0.9, 1.1);
    }

    @Test
    void aTwoPercentQOverPtScaleErrorFails() {
        CheckResult r = run(CHECK, Hep.qOverPtScaled(1.02), Hep.DOMAIN, POLICY, 12);
        CheckRuns.print(r);
        assertFailsOn(r, "pt.bias_excess");
    }

    @Test
    void doubledPhi0ResolutionFailsOnResolutionRatio() {
        CheckResult r = run(CHECK, Hep.phi0ResolutionDoubled(), Hep.DOMAIN, POLICY, 13);
        CheckRuns.print(r);
        assertFailsOn(r, "phi0.resolution_ratio");
        assertThat(value(r, "phi0.resolution_ratio")).isBetween(1.8, 2.2);
    }
}
