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
     * Mode collapse in brightness: each galaxy's light scaled by (F̄/F)^0.9 with F its RL flux and F̄ = 300
     * counts, a typical flux, which keeps 10% of the spread in log flux. Faint galaxies come out brighter and
     * bright ones fainter: the flux distribution keeps its middle and loses its spread. (Milder compressions,
     * e.g. 30% of the spread kept, are undecided at this test's 300 galaxies; the default 1,000 decide them.)
     */
    @Test
    void aCompressedFluxDistributionFails() {
        Generator compressed = TestModels.map(Astro.richardsonLucy(), (c, o) -> {
            double f = 0;
            for (float v : o) {
                f += v;
            }
            float s = (float) Math.pow(300 / Math.max(f, 1), 0.9);
            return ResidualsCheckToyTest.scale(o, s);
        });
        CheckResult r = run(CHECK, compressed, Astro.DOMAIN, POLICY, 51);
        CheckRuns.print(r);
        assertFailsOn(r, "flux_total.ks_over_baseline");
    }
}
