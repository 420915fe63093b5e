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

/** {@code residuals.conventional} end to end on the astro domain, with the shipped thresholds on 120 galaxies. */
class ResidualsCheckAstroTest {
    private static final ResidualsCheck CHECK = new ResidualsCheck();
    private static final Policy POLICY = TestPolicies.of(Astro.DOMAIN, CHECK, 120);

    @Test
    void richardsonLucyItselfPasses() {
        CheckResult r = run(CHECK, Astro.richardsonLucy(), Astro.DOMAIN, POLICY, 21);
        CheckRuns.print(r);
        assertPasses(r);
    }

    @Test
    void aModelThatClipsTheCoresFailsOnFluxBias() {
        CheckResult r = run(CHECK, Astro.clipped(4), Astro.DOMAIN, POLICY, 21);
        CheckRuns.print(r);
        assertFailsOn(r, "flux_total.bias_excess");
        assertThat(value(r, "flux_total.bias")).isNegative();
    }
}
