package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.validation.checks.CheckRuns.assertFailsOn;
import static org.realitycheck.validation.checks.CheckRuns.assertPasses;
import static org.realitycheck.validation.checks.CheckRuns.run;
import static org.realitycheck.validation.checks.CheckRuns.value;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.Sample;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;

/** {@code ood.covariate} end to end on the hep domain (pT and η sweeps of 6 bins × 300 tracks), shipped thresholds. */
class OodCovariateCheckHepTest {
    private static final OodCovariateCheck CHECK = new OodCovariateCheck();

    private static Policy policy(double ptMax) {
        return TestPolicies.of(Hep.DOMAIN, CHECK, 10, Map.of("bins", 6, "samples_per_bin", 300),
                Map.of("pt", new Range(0.5, ptMax)));
    }

    /** Without the η sweep, whose tracks take pT from the gun's whole 0.5–100 GeV, beyond a narrower application range. */
    private static Policy ptOnly(double ptMax) {
        return TestPolicies.of(Hep.DOMAIN, CHECK, 10, Map.of("bins", 6, "samples_per_bin", 300,
                "extra_covariates", java.util.List.of()), Map.of("pt", new Range(0.5, ptMax)));
    }

    @Test
    void theHelixFitPasses() {
        CheckResult r = run(CHECK, Hep.fit(), Hep.DOMAIN, policy(100), 81);
        CheckRuns.print(r);
        assertPasses(r);
        assertThat(r.metric("eta.phi0.worst_resolution_ratio_in_application_range")).isPresent();
        assertThat(r.artifacts()).extracting(a -> a.name()).contains("resolution_vs_pt.q_over_pt",
                "eta.resolution_vs_eta.phi0");
    }

    /**
     * Trained at 0.5–20 GeV only, the model's φ0 degrades above the momenta it saw: the fit plus Gaussian
     * noise of 2·log2(pT/20) times the fit's own σ(φ0) for pT &gt; 20 GeV (pT from the fit's q/pT, what the
     * model sees), so its φ0 resolution is √5 ≈ 2.2 times the fit's at 40 GeV.
     */
    @Test
    void aModelTrainedBelow20GeVFailsUpTo100GeVAndPassesBelow20() {
        ConventionalMethod method = Hep.DOMAIN.reference().conventionalMethod();
        Generator narrow = TestModels.of(Hep.card(Map.of("pt", new Range(0.5, 20), "eta", new Range(-1, 1))),
                (row, rnd) -> {
                    Estimate e = method.estimate(new Sample("row", "track", row, null, Map.of()));
                    float[] out = e.value().clone();
                    double pt = 1 / Math.abs(out[0]);
                    if (e.valid() && e.hasSigma() && pt > 20) {
                        out[1] += (float) (2 * Math.log(pt / 20) / Math.log(2) * e.sigma()[1] * Hep.gauss(rnd));
                    }
                    return out;
                });
        CheckResult wide = run(CHECK, narrow, Hep.DOMAIN, policy(100), 82);
        CheckRuns.print(wide);
        assertFailsOn(wide, "phi0.worst_resolution_ratio_in_application_range");
        CheckResult home = run(CHECK, narrow, Hep.DOMAIN, ptOnly(20), 83);
        CheckRuns.print(home);
        assertPasses(home);
        assertThat(value(home, "outside.phi0.worst_resolution_ratio")).isGreaterThan(1.5);
    }

    @Test
    void aTwoPercentQOverPtScaleErrorFailsOnBias() {
        CheckResult r = run(CHECK, Hep.qOverPtScaled(1.02), Hep.DOMAIN, policy(100), 84);
        assertFailsOn(r, "q_over_pt.worst_bias_excess_in_application_range");
    }
}
