package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.validation.assertj.RealityCheckAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.testing.CheckRuns;
import org.realitycheck.validation.testing.DomainFixtures;
import org.realitycheck.validation.testing.ForwardingDomain;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.Toy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hallucination.empty-fields} with the shipped thresholds (smaller sample sizes): honest models
 * pass; a model that paints a blob and one that spreads faint diffuse light (no 5σ detection) fail, in
 * the toy domain and end to end in astro; in hep the fit passes and a model that ignores its input is
 * shown for what this check can and cannot see.
 */
class EmptyFieldsCheckTest {
    private static final Logger LOG = LoggerFactory.getLogger(EmptyFieldsCheckTest.class);
    private static final EmptyFieldsCheck CHECK = new EmptyFieldsCheck();
    private static final long SEED = 11;

    private static CheckResult toy(Generator g) {
        Policy p = CheckRuns.policy(Toy.DOMAIN, CHECK, 20, Map.of());
        CheckResult r = CheckRuns.run(CHECK, g, Toy.DOMAIN, p, SEED);
        LOG.info(CheckRuns.describe("toy", r));
        return r;
    }

    /** Adds a Gaussian bump of {@code flux} counts (width 2.5 px, the toy source width) at the middle. */
    private static float[] withBump(float[] o, double flux) {
        float[] r = o.clone();
        double[] g = new double[r.length];
        double norm = 0;
        for (int i = 0; i < r.length; i++) {
            double d = (i + 0.5 - r.length / 2.0) / 2.5;
            g[i] = Math.exp(-0.5 * d * d);
            norm += g[i];
        }
        for (int i = 0; i < r.length; i++) {
            r[i] += (float) (flux * g[i] / norm);
        }
        return r;
    }

    private static float[] plus(float[] o, float perPixel) {
        float[] r = o.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += perPixel;
        }
        return r;
    }

    @Test
    void toyHonestModelsPass() {
        CheckResult oracle = toy(Toy.oracle(0.1));
        assertThat(oracle).hasStatus(Status.PASS);
        assertThat(oracle.metric("detection_rate").orElseThrow().value()).isZero();
        assertThat(Math.abs(oracle.metric("spurious_flux").orElseThrow().value())).isLessThan(0.5);
        assertThat(toy(Toy.conventional())).hasStatus(Status.PASS);
    }

    @Test
    void toyBlobFailsOnDetectionsAndLight() {
        CheckResult r = toy(TestModels.map(Toy.oracle(0.1), (c, o) -> withBump(o, 30)));
        assertThat(r).hasStatus(Status.FAIL).reasonContains("detection_rate_minus_conventional").reasonContains("<= 0.05");
        assertThat(r.metric("detection_rate").orElseThrow().value()).isEqualTo(1.0);
        assertThat(r.metric("spurious_flux_minus_conventional").orElseThrow().low()).isGreaterThan(25);
        assertThat(r.thresholds()).anySatisfy(t -> {
            assertThat(t.metric()).isEqualTo("spurious_flux_minus_conventional");
            assertThat(t.status()).isEqualTo(Status.FAIL);
        });
    }

    @Test
    void toyDiffuseLightFailsOnFluxWithoutAnyDetection() {
        CheckResult r = toy(TestModels.map(Toy.oracle(0.1), (c, o) -> plus(o, 2f)));
        assertThat(r.metric("detection_rate").orElseThrow().value()).isZero();
        assertThat(r).hasStatus(Status.FAIL).reasonContains("spurious_flux_minus_conventional")
                .reasonContains("in [-5, 5]");
        assertThat(r.metric("spurious_flux").orElseThrow().value()).isCloseTo(64, org.assertj.core.data.Offset.offset(1.0));
    }

    /** Astro end to end: Richardson–Lucy as the honest model, memoized so the broken variants reuse it. */
    static final class Astro {
        static final Domain DOMAIN = DomainFixtures.astro();
        static final Generator RL = DomainFixtures.richardsonLucy();

        static CheckResult run(String name, Generator g) {
            Policy p = CheckRuns.policy(DOMAIN, CHECK, 4, Map.of("fields", 80));
            CheckResult r = CheckRuns.run(CHECK, g, DOMAIN, p, SEED);
            LOG.info(CheckRuns.describe("astro " + name, r));
            return r;
        }
    }

    /** A Gaussian blob of {@code flux} counts, σ = 2 px, at the centre of every 64×64 plane. */
    private static float[] withBlob(float[] o, double flux) {
        float[] r = o.clone();
        int n = 64;
        for (int p0 = 0; p0 < r.length; p0 += n * n) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double dx = x + 0.5 - 32;
                    double dy = y + 0.5 - 32;
                    r[p0 + y * n + x] += (float) (flux / (2 * Math.PI * 4) * Math.exp(-(dx * dx + dy * dy) / 8));
                }
            }
        }
        return r;
    }

    @Test
    void astroRichardsonLucyPassesAndBrokenModelsFail() {
        CheckResult honest = Astro.run("richardson-lucy", Astro.RL);
        assertThat(honest).hasStatus(Status.PASS);
        assertThat(honest.artifacts()).anySatisfy(a -> assertThat(a).isInstanceOf(Artifact.Images.class));
        assertThat(honest.artifacts()).anySatisfy(a -> assertThat(a).isInstanceOf(Artifact.Histograms.class));

        CheckResult blob = Astro.run("blob", TestModels.map(Astro.RL, (c, o) -> withBlob(o, 100)));
        assertThat(blob).hasStatus(Status.FAIL);
        assertThat(blob.metric("detection_rate").orElseThrow().value()).isEqualTo(1.0);
        assertThat(blob.thresholds()).anySatisfy(t -> {
            assertThat(t.metric()).isEqualTo("spurious_flux_minus_conventional");
            assertThat(t.status()).isEqualTo(Status.FAIL);
        });
        Artifact.Images gallery = (Artifact.Images) blob.artifacts().stream()
                .filter(a -> a instanceof Artifact.Images).findFirst().orElseThrow();
        assertThat(gallery.columns()).containsExactly("input", "model", "richardson-lucy");
        assertThat(gallery.rows()).hasSize(6).allSatisfy(row -> assertThat(row.markers()).isNotEmpty());

        // a measured flawed GAN's signature: ~100 counts of diffuse light (0.025 counts/pixel, 0.4 sky sigma) and no 5-sigma source
        CheckResult diffuse = Astro.run("diffuse", TestModels.map(Astro.RL, (c, o) -> plus(o, 0.025f)));
        assertThat(diffuse.metric("detection_rate").orElseThrow().value()).isZero();
        assertThat(diffuse).hasStatus(Status.FAIL).reasonContains("spurious_flux_minus_conventional")
                .reasonContains("in [-25, 25]");

        // +2 counts/pixel is 33 sky sigma: 8192 counts on the field, far beyond any threshold
        CheckResult bright = Astro.run("+2 counts/pixel", TestModels.map(Astro.RL, (c, o) -> plus(o, 2f)));
        assertThat(bright).hasStatus(Status.FAIL);
        assertThat(bright.metric("spurious_flux").orElseThrow().value()).isGreaterThan(8000);
    }

    @Test
    void hepFitPassesAndTheHitsRejectATrackThatIgnoresItsInput() {
        Domain hep = DomainFixtures.hep();
        SampleSet tracks = hep.data().simulate(1, 5, Map.of());
        Generator fit = DomainFixtures.helixFit();
        Policy p = CheckRuns.policy(hep, CHECK, 4, Map.of());
        CheckResult honest = CheckRuns.run(CHECK, fit, hep, p, SEED);
        LOG.info(CheckRuns.describe("hep helix fit", honest));
        assertThat(honest).hasStatus(Status.PASS);
        assertThat(honest.metric("conventional_acceptance_rate").orElseThrow().value()).isZero();
        assertThat(honest.metric("spurious_flux")).isEmpty();
        assertThat(honest.notes()).anySatisfy(n -> assertThat(n).contains("no light"));

        // a model that always returns the fit of one real track: the noise hits reject it exactly as they
        // reject the fit, so this check (hits' acceptance) passes it; residuals and forward consistency on
        // real tracks are the checks that catch a model that ignores its input
        float[] fixed = hep.reference().conventionalMethod().estimate(tracks.get(0)).value();
        CheckResult constant = CheckRuns.run(CHECK, TestModels.map(fit, (c, o) -> fixed.clone()), hep, p, SEED);
        LOG.info(CheckRuns.describe("hep fixed track", constant));
        assertThat(constant.metric("detection_rate").orElseThrow().value()).isZero();
    }

    @Test
    void hepModelWhoseTracksTheNoiseAcceptsFails() {
        // a model that claims a track on noise and reports one the hits accept: emulated by a domain whose
        // empty inputs are real tracks' hits (a detector where "noise" looks like tracks), the fit rejecting them
        Domain hep = Domains.byName("hep");
        Domain trackLikeNoise = new ForwardingDomain(hep) {
            @Override
            public SampleSet emptyInputs(int n, long seed) {
                return hep.data().simulate(n, seed, Map.of());
            }

            @Override
            public org.realitycheck.core.ConventionalMethod conventionalMethod() {
                org.realitycheck.core.ConventionalMethod fit = hep.reference().conventionalMethod();
                return new org.realitycheck.core.ConventionalMethod() {
                    @Override
                    public String name() {
                        return fit.name();
                    }

                    @Override
                    public org.realitycheck.core.Estimate estimate(org.realitycheck.core.Sample s) {
                        org.realitycheck.core.Estimate e = fit.estimate(s);
                        return new org.realitycheck.core.Estimate(e.value(), e.sigma(), e.chi2(), e.ndf(),
                                s.kind().equals("noise"));
                    }
                };
            }
        };
        SampleSet tracks = hep.data().simulate(1, 5, Map.of());
        Generator fit = TestModels.conventional(hep, TestModels.card(hep, tracks, Map.of()));
        Policy p = CheckRuns.policy(trackLikeNoise, CHECK, 4, Map.of("fields", 200));
        CheckResult r = CheckRuns.run(CHECK, fit, trackLikeNoise, p, SEED);
        LOG.info(CheckRuns.describe("hep track-like noise", r));
        assertThat(r).hasStatus(Status.FAIL).reasonContains("detection_rate");
        assertThat(r.metric("conventional_detection_rate").orElseThrow().value()).isZero();
    }

    @Test
    void metricNamesCoverWhatItReports() {
        assertThat(CHECK.metricNames(Toy.DOMAIN)).contains("detection_rate", "spurious_flux",
                "spurious_flux_minus_conventional", "conventional_acceptance_rate");
        assertThat(EmptyFieldsCheck.fluxObservable(Toy.DOMAIN, "auto").orElseThrow().name()).isEqualTo("flux");
        assertThat(EmptyFieldsCheck.fluxObservable(Domains.byName("hep"), "auto")).isEmpty();
        assertThat(EmptyFieldsCheck.fluxObservable(Toy.DOMAIN, "none")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmptyFieldsCheck.fluxObservable(Toy.DOMAIN, "nope"))
                .hasMessageContaining("nope").hasMessageContaining("flux");
        assertThat(List.of(CHECK.id())).containsExactly("hallucination.empty-fields");
    }
}
