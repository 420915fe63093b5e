package org.realitycheck.validation.checks;

import static org.realitycheck.validation.checks.CheckRuns.assertFailsOn;
import static org.realitycheck.validation.checks.CheckRuns.assertPasses;
import static org.realitycheck.validation.checks.CheckRuns.run;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Generator;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;

/** {@code distribution.fidelity} end to end on the astro domain, with the shipped thresholds on 300 galaxies. */
class DistributionFidelityCheckAstroTest {
    private static final DistributionFidelityCheck CHECK = new DistributionFidelityCheck();
    private static final Policy POLICY = TestPolicies.of(Astro.DOMAIN, CHECK, 300);

    @Test
    void richardsonLucyPasses() {
        CheckResult r = run(CHECK, Astro.richardsonLucy(), Astro.DOMAIN, POLICY, 51);
        CheckRuns.print(r);
        assertPasses(r);
    }

    /**
     * Regression to the mean brightness, a mode-collapse-like failure: each galaxy's light scaled by
     * (F̄/F)^0.7 with F its RL flux and F̄ = 300 counts, a typical training flux, which keeps 30% of the
     * spread in log flux. Faint galaxies come out brighter and bright ones fainter: the flux distribution
     * keeps its middle and loses its spread.
     */
    @Test
    void aCompressedFluxDistributionFails() {
        Generator compressed = TestModels.map(Astro.richardsonLucy(), (c, o) -> {
            double f = 0;
            for (float v : o) {
                f += v;
            }
            float s = (float) Math.pow(300 / Math.max(f, 1), 0.7);
            return ResidualsCheckToyTest.scale(o, s);
        });
        CheckResult r = run(CHECK, compressed, Astro.DOMAIN, POLICY, 52);
        CheckRuns.print(r);
        assertFailsOn(r, "classifier_auc_excess");
    }
}
