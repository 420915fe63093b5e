package org.realitycheck.hep.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.hep.HepBenchmarks;
import org.realitycheck.hep.HepDomain;
import org.realitycheck.hep.observables.Summary;
import org.realitycheck.hep.observables.TrackObservable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TrackGanTest {
    private static final Logger LOG = LoggerFactory.getLogger(TrackGanTest.class);
    /** The brief test's q/p_T bound, GAN / fit width (see {@link #briefTrainingReproducesTheFitAndRoundTrips}). */
    private static final double QPT_BRIEF = 4.0;
    private final HepDomain hep = new HepDomain();

    /** Robust widths of GAN − truth and fit − truth per parameter: {gan[5], fit[5], prior[5]}. */
    private double[][] widths(Generator g, SampleSet test, String label) {
        List<float[]> out = g.generateAll(test, 5);
        List<Estimate> fit = hep.reference().conventionalMethod().estimateAll(test);
        double[][] w = new double[3][5];
        for (TrackObservable o : TrackObservable.parameters()) {
            int k = o.index();
            double[] rg = new double[test.size()];
            double[] rf = new double[test.size()];
            double[] truth = new double[test.size()];
            for (int i = 0; i < test.size(); i++) {
                float[] t = test.get(i).target().orElseThrow();
                rg[i] = o.residual(out.get(i)[k], t[k]);
                rf[i] = o.residual(fit.get(i).value()[k], t[k]);
                truth[i] = t[k];
            }
            w[0][k] = Summary.of(rg).robustWidth();
            w[1][k] = Summary.of(rf).robustWidth();
            w[2][k] = Summary.of(truth).std();
            LOG.info("{}: {} residual width (MAD·1.4826) GAN {} fit {} → ratio {}; spread of the truth {}", label,
                    o.name(), w[0][k], w[1][k], w[0][k] / w[1][k], w[2][k]);
        }
        return w;
    }

    /**
     * The learning criterion on {@link #widths}: GAN / fit width ≤ {@code qptFactor} for q/p_T, ≤ 3 for
     * φ0 and d0 (d0 ≈ 0 in the default gun, so its spread is the resolution itself), and GAN width
     * below a quarter of the truth's spread for z0 and cot θ.
     */
    private static void assertLearned(double[][] w, double qptFactor) {
        assertThat(w[0][0]).as("q/pT width GAN vs %s× fit", qptFactor).isLessThanOrEqualTo(qptFactor * w[1][0]);
        assertThat(w[0][1]).as("φ0 width GAN vs 3× fit").isLessThanOrEqualTo(3 * w[1][1]);
        assertThat(w[0][2]).as("d0 width GAN vs 3× fit").isLessThanOrEqualTo(3 * w[1][2]);
        assertThat(w[0][3]).as("z0 width GAN vs spread / 4").isLessThan(0.25 * w[2][3]);
        assertThat(w[0][4]).as("cot θ width GAN vs spread / 4").isLessThan(0.25 * w[2][4]);
    }

    /** One epoch (31 steps) of the same recipe is far from the fit: the criterion rejects it. */
    @Test
    void criterionRejectsABarelyTrainedGenerator() {
        SampleSet train = hep.recipe().trainingSet(hep.data().simulate(16_000, 1, Map.of()));
        GanModel model = DomainTrainer.train(hep, train, hep.recipe().trainingConfig().withEpochs(1).withDecayEpochs(1),
                List.of());
        double[][] w = widths(hep.recipe().adapt(model.generator()), hep.data().simulate(3000, 2, Map.of()), "1 epoch");
        assertThatThrownBy(() -> assertLearned(w, QPT_BRIEF)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("q/pT");
    }

    /**
     * Brief training learns the fit's parameters: the default configuration on 16,000 tracks (48 epochs
     * of batch 512: 1,488 steps, learning rate decaying linearly to zero) must give GAN − truth widths
     * within {@value #QPT_BRIEF}× the fit's for q/p_T and 3× for φ0 and d0, and below a quarter of the
     * truth's spread for z0 and cot θ ({@link #assertLearned}).
     *
     * <p><b>Why the margins hold on any CPU of this kind.</b> oneDNN and OpenBLAS pick kernels per
     * instruction set, so on an AVX-512 CPU the 1,488 steps follow another trajectory; training seeds
     * stand in for that spread. The GAN/fit ratio falls steeply with the step count, so the bound
     * {@value #QPT_BRIEF}× leaves room for a trajectory a third short of the recipe's progress, while a
     * one-epoch generator fails the same {@link #assertLearned}
     * ({@link #criterionRejectsABarelyTrainedGenerator}). The 3× acceptance criterion itself is asserted by
     * {@link #reachesThreeTimesTheFitResolutionWhenTrainedLonger}. What the seeded frame ({@link TrackSeed}) is
     * for is asserted at 3× in the hardest p_T bin, 0.5–0.81 GeV, where the rotated frame did not reach it;
     * the measured ratios per seed and bin, and the margins they leave, are in docs/hep-gan.md.
     */
    @Test
    @Tag("slow")
    void briefTrainingReproducesTheFitAndRoundTrips(@TempDir Path dir) {
        SampleSet train = hep.recipe().trainingSet(hep.data().simulate(16_000, 1, Map.of()));
        TrainingConfig cfg = hep.recipe().trainingConfig();
        long t0 = System.nanoTime();
        GanModel model = DomainTrainer.train(hep, train, cfg, List.of());
        LOG.info("brief training: {} s, {} steps, losses {}", (System.nanoTime() - t0) / 1e9, model.card().steps(),
                model.card().finalLosses());
        assertThat(model.card().steps()).isEqualTo(1488);
        assertThat(model.card().domain()).isEqualTo("hep");
        assertThat(model.card().covariateRanges().get("pt").min()).isGreaterThanOrEqualTo(0.5);
        assertThat(model.card().covariateRanges().get("pt").max()).isLessThanOrEqualTo(100);
        assertThat(model.card().covariateRanges().get("eta").min()).isGreaterThanOrEqualTo(-1);
        assertThat(model.card().covariateRanges().get("eta").max()).isLessThanOrEqualTo(1);

        assertThat(model.card().notes().get(TrackGan.NOTE_FRAME)).startsWith("seeded");
        Generator g = hep.recipe().adapt(model.generator());
        SampleSet test = hep.data().simulate(3000, 2, Map.of());
        assertLearned(widths(g, test, "brief"), QPT_BRIEF);
        double[][] low = widths(g, hep.data().simulate(2000, 6, Map.of("pt-min", "0.5", "pt-max", "0.81")), "0.5-0.81 GeV");
        assertThat(low[0][0]).as("q/pT width GAN vs 3× fit at 0.5-0.81 GeV").isLessThanOrEqualTo(3 * low[1][0]);

        // the hallucination analogue: on noise-only hits the fit says "no track", the GAN returns one
        SampleSet noise = hep.probes().emptyInputs(500, 4);
        List<float[]> onNoise = g.generateAll(noise, 9);
        long finite = onNoise.stream().filter(v -> Float.isFinite(v[0]) && v[0] != 0 && Float.isFinite(v[1])).count();
        long fitValid = hep.reference().conventionalMethod().estimateAll(noise).stream().filter(Estimate::valid).count();
        int detected = 0;
        double[] chi2 = new double[noise.size()];
        for (int i = 0; i < noise.size(); i++) {
            detected += hep.probes().detect(onNoise.get(i), noise.get(i)).count();
            chi2[i] = hep.reference().forwardModel().consistency(onNoise.get(i), noise.get(i)).chi2PerNdf();
        }
        LOG.info("noise inputs: GAN returns a finite track for {}/500, the fit accepts {}/500; GAN outputs the hits "
                + "accept (detect): {}/500, median forward χ²/ndf {}", finite, fitValid, detected, Summary.of(chi2).median());
        assertThat(finite).isEqualTo(500);
        assertThat(fitValid).isZero();

        Path zip = dir.resolve("track-gan.zip");
        ModelArtifact.write(model, zip);
        try (Generator back = Models.load(zip); Generator raw = ModelArtifact.load(zip)) {
            INDArray c = test.conditions(0, 64);
            assertThat(back.generate(c, 3)).isEqualTo(g.generate(c, 3));
            // the physical-units generator's card gives the hit vector's shape; the artifact keeps the network's
            assertThat(back.card()).isEqualTo(g.card());
            assertThat(raw.card()).isEqualTo(model.card());
        }
        HepBenchmarks.Rate rate = HepBenchmarks.inference(g, hep.data().simulate(16384, 3, Map.of()), 8192, 3);
        LOG.info("GAN inference: {} tracks/s at batch 8192 (runs {})", Math.round(rate.tracksPerSecond()),
                rate.runs());
    }

    /**
     * The acceptance criterion in full: GAN − truth widths at most 3× the fit's for q/p_T and φ0,
     * after a longer training (default 64,000 tracks: 4,000 steps; measured q/p_T 1.97×, φ0 1.28×).
     * Opt-in ({@code -Dhep.gan.long=true}): it trained for 458 s on the shared 2-core machine.
     */
    @Test
    @EnabledIfSystemProperty(named = "hep.gan.long", matches = "true")
    void reachesThreeTimesTheFitResolutionWhenTrainedLonger() {
        SampleSet train = hep.recipe().trainingSet(hep.data().simulate(Integer.getInteger("hep.gan.n", 64_000), 1, Map.of()));
        int epochs = Integer.getInteger("hep.gan.epochs", 32); // 64k tracks: 4,000 steps, the measured run
        GanModel model = DomainTrainer.train(hep, train,
                hep.recipe().trainingConfig().withEpochs(epochs).withDecayEpochs(epochs), List.of());
        double[][] w = widths(hep.recipe().adapt(model.generator()), hep.data().simulate(5000, 2, Map.of()), "long");
        assertLearned(w, 3.0);
    }
}
