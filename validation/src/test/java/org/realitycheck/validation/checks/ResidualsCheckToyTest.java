package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.validation.checks.CheckRuns.assertFailsOn;
import static org.realitycheck.validation.checks.CheckRuns.assertPasses;
import static org.realitycheck.validation.checks.CheckRuns.run;
import static org.realitycheck.validation.checks.CheckRuns.value;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.testdomain.ToyDomain;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;
import org.realitycheck.validation.testing.Toy;

/** {@code residuals.conventional} on the toy domain with the toy policy's thresholds. */
class ResidualsCheckToyTest {
    private static final ResidualsCheck CHECK = new ResidualsCheck();
    private static final Policy POLICY = TestPolicies.of(Toy.DOMAIN, CHECK, 400);

    @Test
    void theConventionalFitItselfPasses() {
        CheckResult r = run(CHECK, Toy.conventional(), Toy.DOMAIN, POLICY, 1);
        assertPasses(r);
        assertThat(value(r, "flux.resolution_ratio")).isEqualTo(1.0);
        assertThat(value(r, "flux.bias_over_resolution")).isEqualTo(value(r, "flux.bias") / value(r, "flux.resolution_conventional"));
        assertThat(r.artifacts()).extracting(a -> a.name()).contains("residuals.flux", "pulls.flux", "resolution_vs_z.flux");
    }

    @Test
    void anOracleBetterThanTheFitPasses() {
        CheckResult r = run(CHECK, Toy.oracle(0.05), Toy.DOMAIN, POLICY, 2);
        assertPasses(r);
        assertThat(value(r, "flux.resolution_ratio")).isLessThan(0.5);
        assertThat(value(r, "flux.pull_width")).isLessThan(value(r, "flux.pull_width_conventional"));
    }

    @Test
    void aModelThatLosesTenPercentOfTheFluxFailsOnBias() {
        Generator dim = TestModels.map(Toy.conventional(), (c, o) -> scale(o, 0.9f));
        CheckResult r = run(CHECK, dim, Toy.DOMAIN, POLICY, 3);
        assertFailsOn(r, "flux.bias_excess");
        assertThat(value(r, "flux.bias_over_resolution")).isLessThan(-1);
    }

    @Test
    void aModelWithTwiceTheFitsErrorFailsOnResolutionRatio() {
        Generator wide = TestModels.map(Toy.conventional(), (c, o) -> {
            float[] t = ToyDomain.truthOf(c).orElseThrow();
            float[] out = new float[o.length];
            for (int i = 0; i < o.length; i++) {
                out[i] = 2 * o[i] - t[i];
            }
            return out;
        });
        CheckResult r = run(CHECK, wide, Toy.DOMAIN, POLICY, 4);
        assertFailsOn(r, "flux.resolution_ratio");
        assertThat(value(r, "flux.resolution_ratio")).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(value(r, "flux.pull_width")).isGreaterThan(1.7);
    }

    @Test
    void dataWithoutTruthIsSkipped() {
        SampleSet withTruth = Toy.DOMAIN.data().simulate(50, 5, java.util.Map.of());
        List<Sample> bare = new ArrayList<>();
        for (Sample s : withTruth) {
            bare.add(new Sample(s.id(), s.kind(), s.condition(), null, s.covariates()));
        }
        SampleSet noTruth = new SampleSet(bare, withTruth.conditionShape(), withTruth.targetShape());
        CheckResult r = run(CHECK, Toy.conventional(), Toy.DOMAIN, POLICY, 5, noTruth);
        assertThat(r.status()).isEqualTo(Status.SKIPPED);
        assertThat(r.reason()).contains("no truth");
    }

    @Test
    void sameSeedSameNumbers() {
        CheckResult a = run(CHECK, Toy.oracle(0.05), Toy.DOMAIN, POLICY, 6);
        CheckResult b = run(CHECK, Toy.oracle(0.05), Toy.DOMAIN, POLICY, 6);
        assertThat(a.metrics()).isEqualTo(b.metrics());
    }

    static float[] scale(float[] o, float f) {
        float[] out = o.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }
}
