package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.validation.checks.CheckRuns.assertFailsOn;
import static org.realitycheck.validation.checks.CheckRuns.assertPasses;
import static org.realitycheck.validation.checks.CheckRuns.run;
import static org.realitycheck.validation.checks.CheckRuns.value;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;
import org.realitycheck.validation.testing.Toy;

/** {@code ood.covariate} on the toy domain with the toy policy's thresholds. */
class OodCovariateCheckToyTest {
    private static final OodCovariateCheck CHECK = new OodCovariateCheck();
    /** The faintest source a model trained at z ≤ 0.1 has seen: F0 = 60 dimmed by (1 + 4·0.1)². */
    private static final double FAINTEST_TRAINED = 60 / Math.pow(1.4, 2);

    private static Policy policy(double appMax) {
        return TestPolicies.of(Toy.DOMAIN, CHECK, 20, Map.of(), Map.of("z", new Range(0, appMax)));
    }

    @Test
    void theFitAndAnOraclePass() {
        CheckResult r = run(CHECK, Toy.conventional(), Toy.DOMAIN, policy(0.25), 61);
        CheckRuns.print(r);
        assertPasses(r);
        assertThat(value(r, "degradation_ratio_in_application_range")).isEqualTo(1.0);
        assertThat(r.artifacts()).extracting(a -> a.name()).contains("bias_vs_z.flux", "resolution_vs_z.flux",
                "psnr_vs_z", "sweep_bins.z");
        assertPasses(run(CHECK, Toy.oracle(0.05), Toy.DOMAIN, policy(0.25), 62));
    }

    /**
     * Trained at z ≤ 0.1 only, the model (the fit, otherwise) fades sources fainter than anything it saw:
     * output × F/F_min below the faintest trained flux F_min. Used out to z = 0.25 it loses up to half of the
     * flux; used where it was trained it loses nothing.
     */
    @Test
    void aModelTrainedAtLowZFailsForUseToHighZAndPassesWhereItWasTrained() {
        Generator fit = TestModels.conventional(Toy.DOMAIN, TestModels.card(Toy.DOMAIN, Toy.DOMAIN.data().simulate(1, 0,
                Map.of()), Map.of("z", new Range(0, 0.1))));
        Generator narrow = TestModels.map(fit, (c, o) -> {
            double f = 0;
            for (float v : o) {
                f += v;
            }
            return f < FAINTEST_TRAINED ? ResidualsCheckToyTest.scale(o, (float) (Math.max(f, 0) / FAINTEST_TRAINED)) : o;
        });
        CheckResult wide = run(CHECK, narrow, Toy.DOMAIN, policy(0.25), 63);
        CheckRuns.print(wide);
        assertFailsOn(wide, "flux.worst_bias_excess_in_application_range");
        assertThat(value(wide, "flux.worst_bias_in_application_range")).isLessThan(-0.1);

        CheckResult narrowUse = run(CHECK, narrow, Toy.DOMAIN, policy(0.1), 64);
        CheckRuns.print(narrowUse);
        assertPasses(narrowUse);
        // the bins beyond z = 0.1 are measured and shown, never judged
        assertThat(value(narrowUse, "bins_outside_application_range")).isPositive();
        assertThat(narrowUse.metric("outside.flux.worst_bias")).isPresent();
        assertThat(narrowUse.thresholds()).noneMatch(t -> t.metric().startsWith("outside."));
    }
}
