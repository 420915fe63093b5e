package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.validation.assertj.RealityCheckAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.testing.CheckRuns;
import org.realitycheck.validation.testing.DomainFixtures;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.Toy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code consistency.forward-model} with the shipped thresholds: honest outputs explain their
 * measurement (χ²/ndf ≈ 1) and pass; the input returned unchanged, clipped flux and biased track
 * parameters fail, in the toy domain and end to end in astro and hep.
 */
class ForwardConsistencyCheckTest {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardConsistencyCheckTest.class);
    private static final ForwardConsistencyCheck CHECK = new ForwardConsistencyCheck();
    private static final long SEED = 23;

    private static CheckResult run(String name, Generator g, Domain d, int samples) {
        Policy p = CheckRuns.policy(d, CHECK, samples, Map.of());
        CheckResult r = CheckRuns.run(CHECK, g, d, p, SEED);
        LOG.info(CheckRuns.describe(d.name() + " " + name, r));
        return r;
    }

    private static float[] clip(float[] o, float max) {
        float[] r = o.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.min(r[i], max);
        }
        return r;
    }

    @Test
    void toyHonestModelsPass() {
        CheckResult oracle = run("oracle", Toy.oracle(0.1), Toy.DOMAIN, 400);
        assertThat(oracle).hasStatus(Status.PASS);
        assertThat(oracle.metric("chi2_ndf_median").orElseThrow().value()).isBetween(0.85, 1.15);
        assertThat(oracle.artifacts()).singleElement().isInstanceOf(Artifact.Histograms.class);
        assertThat(run("fit", Toy.conventional(), Toy.DOMAIN, 400)).hasStatus(Status.PASS);
    }

    @Test
    void toyInputReturnedUnchangedFailsTheLowerBound() {
        // the toy's forward model is the identity, so the input itself has chi2 = 0: it fits the noise
        CheckResult r = run("identity", TestModels.map(Toy.oracle(0.1), (c, o) -> c.clone()), Toy.DOMAIN, 400);
        assertThat(r).hasStatus(Status.FAIL).reasonContains("chi2_ndf_median").reasonContains("in [0.5, 2]");
        assertThat(r.metric("chi2_ndf_median").orElseThrow().value()).isZero();
    }

    @Test
    void toyClippedFluxFails() {
        CheckResult r = run("clip at 2 counts", TestModels.map(Toy.oracle(0.1), (c, o) -> clip(o, 2f)), Toy.DOMAIN, 400);
        assertThat(r).hasStatus(Status.FAIL).reasonContains("chi2_ndf");
        assertThat(r.metric("chi2_ndf_fraction_below_cut").orElseThrow().high()).isLessThan(0.9);
    }

    @Test
    void astroRichardsonLucyPassesInputAndClippingFail() {
        Domain astro = DomainFixtures.astro();
        Generator rl = DomainFixtures.richardsonLucy();
        CheckResult honest = run("richardson-lucy", rl, astro, 60);
        assertThat(honest).hasStatus(Status.PASS);

        // the degraded input as the restoration: re-blurring it smooths the noise and the galaxy a second time
        CheckResult identity = run("identity", TestModels.map(rl, (c, o) -> c.clone()), astro, 60);
        assertThat(identity).hasStatus(Status.FAIL).reasonContains("chi2_ndf_fraction_below_cut").reasonContains(">= 0.9");

        CheckResult clipped = run("clip at half the peak", TestModels.map(rl, (c, o) -> {
            float max = Float.NEGATIVE_INFINITY;
            for (float v : o) {
                max = Math.max(max, v);
            }
            return clip(o, 0.5f * max);
        }), astro, 60);
        assertThat(clipped).hasStatus(Status.FAIL).reasonContains("chi2_ndf");
    }

    @Test
    void hepFitPassesBiasedParametersFail() {
        Domain hep = DomainFixtures.hep();
        SampleSet shapes = hep.data().simulate(1, 5, Map.of());
        Generator fit = DomainFixtures.helixFit();
        CheckResult honest = run("helix fit", fit, hep, 2000);
        assertThat(honest).hasStatus(Status.PASS);
        assertThat(honest.metric("chi2_ndf_median").orElseThrow().value()).isBetween(0.8, 1.2);

        // q/pT scaled by 1.02: the sagitta over a 1 m lever arm is measured to ~40 um, so 2% of the
        // curvature is far outside the hits' resolution for most tracks
        CheckResult bias = run("q/pT x 1.02", TestModels.map(fit, (c, o) -> {
            float[] r = o.clone();
            r[0] *= 1.02f;
            return r;
        }), hep, 2000);
        assertThat(bias).hasStatus(Status.FAIL).reasonContains("chi2_ndf");
        assertThat(bias.metric("chi2_ndf_median").orElseThrow().low()).isGreaterThan(10);

        CheckResult phi = run("phi0 + 10 mrad", TestModels.map(fit, (c, o) -> {
            float[] r = o.clone();
            r[1] += 0.01f;
            return r;
        }), hep, 2000);
        assertThat(phi).hasStatus(Status.FAIL).reasonContains("chi2_ndf");

        // the model that always returns one real track (which the empty-fields check cannot catch)
        float[] fixed = hep.reference().conventionalMethod().estimate(shapes.get(0)).value();
        CheckResult constant = run("fixed track", TestModels.map(fit, (c, o) -> fixed.clone()), hep, 2000);
        assertThat(constant).hasStatus(Status.FAIL);
    }
}
