package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.realitycheck.validation.checks.CheckRuns.assertFailsOn;
import static org.realitycheck.validation.checks.CheckRuns.assertPasses;
import static org.realitycheck.validation.checks.CheckRuns.run;
import static org.realitycheck.validation.checks.CheckRuns.value;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.stats.RobustWidth;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.TestPolicies;

/**
 * {@code ood.covariate} end to end on the astro domain with the shipped thresholds, on a small sweep
 * (0.01 ≤ z ≤ 0.25 in 6 bins of 20 galaxies, plus bin edges at the range ends).
 */
class OodCovariateCheckAstroTest {
    private static final OodCovariateCheck CHECK = new OodCovariateCheck();
    private static final Map<String, Range> NARROW = Map.of("redshift", new Range(0.01, 0.02));

    private static Policy policy(double appMax) {
        return TestPolicies.of(Astro.DOMAIN, CHECK, 10, Map.of("bins", 6, "samples_per_bin", 20),
                Map.of("redshift", new Range(0.01, appMax)));
    }

    @Test
    void richardsonLucyPassesOverTheSurveyRange() {
        CheckResult r = run(CHECK, Astro.richardsonLucy(), Astro.DOMAIN, policy(0.1), 71);
        CheckRuns.print(r);
        assertPasses(r);
        assertThat(value(r, "degradation_ratio_in_application_range")).isCloseTo(1.0, within(0.05));
    }

    /**
     * A model trained only at 0.01 &lt; z &lt; 0.02, emulated (no GAN can be trained inside a unit test):
     * Richardson–Lucy whose output loses light progressively as the input gets fainter than the faintest
     * galaxies of its training set, F_ref = the smallest true flux of 60 galaxies simulated at
     * 0.01 &lt; z &lt; 0.02. With ρ = F_ref / F (F the RL flux of the input) it keeps the fraction
     * exp(−0.0565·(ρ − 1)^1.3) of the light for ρ &gt; 1, all of it otherwise.
     *
     * <p>Why this is a fair stand-in: it reproduces what was measured on a real default astro GAN (docs/astro-gan.md)
     * (trained at 0.01 &lt; z &lt; 0.05): about −13% of the flux for galaxies ~3× fainter than the training
     * range's faint end (z 0.07–0.1) and −83% for ~16× fainter (z 0.15–0.25); the two constants are fitted
     * to those two numbers, and the loss depends only on what the model sees (how faint the input is),
     * never on the redshift. Like the measured GAN it even gains PSNR over RL where it loses the most light
     * (a fainter output is also a less noisy one), which is why the check judges photometry and not PSNR.
     */
    static Generator trainedBelowZ002() {
        SampleSet training = Astro.DOMAIN.probes().sweep("redshift", 0.01, 0.02, 60, 7).orElseThrow();
        double[] flux = training.samples().stream().mapToDouble(s -> s.covariate("flux").orElseThrow()).toArray();
        double ref = RobustWidth.quantile(flux, 0);
        return TestModels.map(Astro.richardsonLucy(NARROW), (c, o) -> {
            double f = 0;
            for (float v : o) {
                f += v;
            }
            double rho = ref / Math.max(f, 1e-3);
            double keep = rho > 1 ? Math.exp(-0.0565 * Math.pow(rho - 1, 1.3)) : 1;
            return ResidualsCheckToyTest.scale(o, (float) keep);
        });
    }

    @Test
    void aModelTrainedBelowZ002FailsForASurveyToZ01AndPassesWhereItWasTrained() {
        Generator narrow = trainedBelowZ002();
        CheckResult survey = run(CHECK, narrow, Astro.DOMAIN, policy(0.1), 71);
        CheckRuns.print(survey);
        assertFailsOn(survey, "flux_total.worst_bias_excess_in_application_range");
        assertThat(value(survey, "flux_total.worst_bias_in_application_range")).isLessThan(-0.05);
        // (against the fixed-30-iteration RL it was ahead in PSNR beyond the range, so a PSNR-only sweep passed it;
        // against the discrepancy-stopped RL it is behind in PSNR too: measured -2.2 dB)
        assertThat(value(survey, "outside.worst_psnr_advantage")).isLessThan(0);

        CheckResult home = run(CHECK, narrow, Astro.DOMAIN, policy(0.02), 71);
        CheckRuns.print(home);
        assertPasses(home);
        assertThat(value(home, "outside.flux_total.worst_bias")).isLessThan(-0.5);
        assertThat(home.thresholds()).noneMatch(t -> t.metric().startsWith("outside."));
    }
}
