package org.realitycheck.astro.formulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.realitycheck.astro.AstroDomain;
import org.realitycheck.astro.AstroRecipe;
import org.realitycheck.astro.deconv.Instrument;
import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;
import org.realitycheck.core.train.GanTrainer;

/**
 * The residual-to-Richardson–Lucy formulation ({@link RlResidual}, {@link AstroFormulation}): the fixed
 * pre- and post-processing around the generator, its record in the card, and that cards without it
 * load as before. No test here depends on a trained network's quality; the one training run is a few
 * steps of a tiny network, to exercise the artifact round trip.
 */
class RlResidualTest {
    private static final SimConfig SMALL = SimConfig.fromOptions(Map.of("size", "32", "z_min", "0.01", "z_max", "0.1"));

    /** {@code counts} inverts {@code correction} on and far beyond the range of truth − RL differences. */
    @Test
    void correctionScaleIsInvertibleAndMonotone() {
        float[] rl = {-3f, -0.05f, 0f, 0.2f, 5f, 160f, 40f, 0.3f};
        float[] truth = {0f, 0.01f, -0.2f, 1.5f, 4f, 170f, 140f, 0.3f};
        float[] c = RlResidual.correction(truth, rl);
        float[] d = RlResidual.counts(c);
        for (int i = 0; i < rl.length; i++) {
            assertThat(d[i]).as("pixel %d", i).isCloseTo(truth[i] - rl[i], within(1e-5f * (1 + Math.abs(truth[i] - rl[i]))));
            assertThat(Math.signum(c[i])).isEqualTo(Math.signum(truth[i] - rl[i]));
        }
        // within the tanh output's range for the largest differences the training galaxies show (~100 counts)
        assertThat(Math.abs(RlResidual.correction(new float[] {100f}, new float[] {0f})[0])).isLessThan(1f);
        assertThatThrownBy(() -> RlResidual.correction(truth, new float[3])).isInstanceOf(IllegalArgumentException.class);
    }

    /** The high-pass keeps a point-like correction, removes a constant, and moves no flux in total. */
    @Test
    void highPassConservesFluxAndKeepsOnlyWhatThePsfHides() {
        SampleSet set = new GalaxySimulator(SMALL).simulate(1, 4);
        Instrument ins = Instrument.of(set.get(0));
        float[] flat = new float[32 * 32];
        Arrays.fill(flat, 0.7f);
        for (float v : RlResidual.highPass(flat, ins)) {
            assertThat(v).isCloseTo(0f, within(1e-5f));
        }
        float[] spike = new float[32 * 32];
        spike[16 * 32 + 16] = 10f;
        float[] hp = RlResidual.highPass(spike, ins);
        double sum = 0;
        for (float v : hp) {
            sum += v;
        }
        assertThat(sum).isCloseTo(0, within(1e-4));
        // the PSF (FWHM 3.5 px) keeps a fraction ~0.07 of a point at its centre: most of the spike stays
        assertThat(hp[16 * 32 + 16]).isBetween(7f, 9.9f);
        assertThat(hp[16 * 32 + 17]).isLessThan(0f);
        assertThat(hp[0]).isCloseTo(0f, within(1e-4f));
    }

    /** A zero correction gives Richardson–Lucy exactly. */
    @Test
    void zeroCorrectionIsIdentity() {
        SampleSet set = new GalaxySimulator(SMALL).simulate(1, 4);
        float[] rl = RlResidual.richardsonLucy(set).get(0);
        assertThat(RlResidual.restore(rl, new float[rl.length], Instrument.of(set.get(0)))).containsExactly(rl);
        assertThatThrownBy(() -> RlResidual.restore(rl, new float[3], Instrument.of(set.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A generator that outputs 0 everywhere, wrapped, is Richardson–Lucy with each sample's own instrument. */
    @Test
    void zeroCorrectionReproducesRichardsonLucyWithTheSamplesInstrument() {
        SampleSet set = mixedInstruments();
        Generator g = RlResidual.wrap(new ConstantGenerator(0f, card(true)));
        List<float[]> out = g.generateAll(set, 3);
        List<Estimate> rl = RichardsonLucy.defaults().estimateAll(set);
        for (int i = 0; i < set.size(); i++) {
            float[] want = rl.get(i).value();
            float[] got = out.get(i);
            assertThat(got).containsExactly(want);
        }
        // the wide-PSF samples were restored with their own PSF: the conditions alone (default PSF) give another image
        INDArray byConditionsOnly = g.generate(set.conditions(0, set.size()), 3);
        float[][] rows = byConditionsOnly.reshape('c', set.size(), set.targetLength()).toFloatMatrix();
        // (the default-PSF sample differs only through the pedestal's σ: its covariate vs an estimate from the image)
        double wide = maxAbsDiff(rows[1], out.get(1));
        double same = maxAbsDiff(rows[0], out.get(0));
        assertThat(wide).as("wide-PSF sample, own instrument vs default").isGreaterThan(0.01).isGreaterThan(20 * same);
    }

    /**
     * A correction is applied: one pixel's output {@code c} becomes {@code δ·sinh(β·c)} counts there, less
     * its PSF-blurred part spread around it; a constant correction is removed whole.
     */
    @Test
    void correctionIsAppliedAsCountsLessItsBlurredPart() {
        SampleSet set = new GalaxySimulator(SMALL).simulate(4, 11);
        List<float[]> rl = RlResidual.richardsonLucy(set);
        List<float[]> spiked = RlResidual.wrap(new SpikeGenerator(0.2f, card(true))).generateAll(set, 3);
        List<float[]> flat = RlResidual.wrap(new ConstantGenerator(0.2f, card(true))).generateAll(set, 3);
        double d = RlResidual.DELTA * Math.sinh(RlResidual.BETA * 0.2);
        for (int i = 0; i < set.size(); i++) {
            float[] r = rl.get(i);
            float[] hp = RlResidual.highPass(RlResidual.counts(spikeOf(0.2f, r.length)), Instrument.of(set.get(i)));
            double sumOut = 0;
            double sumRl = 0;
            for (int p = 0; p < r.length; p++) {
                assertThat(spiked.get(i)[p]).isCloseTo(r[p] + hp[p], within(1e-4f * (1 + Math.abs(r[p]))));
                assertThat(flat.get(i)[p]).isCloseTo(r[p], within(1e-4f * (1 + Math.abs(r[p]))));
                sumOut += spiked.get(i)[p];
                sumRl += r[p];
            }
            assertThat(spiked.get(i)[SPIKE] - r[SPIKE]).isGreaterThan((float) (0.8 * d));
            assertThat(sumOut).isCloseTo(sumRl, within(1e-3 * (1 + Math.abs(sumRl))));
        }
    }

    /** The training set: RL conditions, correction targets, everything else kept; the same twice. */
    @Test
    void trainingSetIsRichardsonLucyAndTheCorrectionDeterministically() {
        SampleSet data = new GalaxySimulator(SimConfig.fromOptions(Map.of("size", "32", "empty_fraction", "0.25")))
                .simulate(8, 5);
        SampleSet t = RlResidual.trainingSet(data);
        assertThat(t.size()).isEqualTo(data.size());
        List<Estimate> rl = RichardsonLucy.defaults().estimateAll(data);
        for (int i = 0; i < data.size(); i++) {
            Sample s = t.get(i);
            assertThat(s.id()).isEqualTo(data.get(i).id());
            assertThat(s.kind()).isEqualTo(data.get(i).kind());
            assertThat(s.covariates()).isEqualTo(data.get(i).covariates());
            assertThat(s.condition()).containsExactly(rl.get(i).value());
            float[] diff = RlResidual.counts(s.target().orElseThrow());
            float[] truth = data.get(i).target().orElseThrow();
            for (int p = 0; p < truth.length; p++) {
                float want = truth[p] - s.condition()[p];
                assertThat(diff[p]).isCloseTo(want, within(1e-4f * (1 + Math.abs(want))));
            }
        }
        assertThat(RlResidual.trainingSet(data).sha256()).isEqualTo(t.sha256());
        assertThat(t.sha256()).isNotEqualTo(data.sha256());
    }

    /** The card names the formulation; without the note it is direct, and the domain leaves such a generator alone. */
    @Test
    void cardRecordsTheFormulationAndOldCardsLoadAsBefore(@TempDir Path dir) {
        ModelCard old = card(false);
        assertThat(AstroFormulation.of(old)).isEqualTo(AstroFormulation.DIRECT);
        ModelCard rec = AstroFormulation.RESIDUAL_RL.record(old);
        assertThat(rec.notes()).containsEntry(AstroFormulation.NOTE_KEY, RlResidual.NOTE);
        assertThat(AstroFormulation.DIRECT.record(old)).isEqualTo(old);

        Path file = dir.resolve("card.json");
        ModelArtifact.writeCard(rec, file);
        assertThat(AstroFormulation.of(ModelArtifact.readCard(file))).isEqualTo(AstroFormulation.RESIDUAL_RL);
        ModelArtifact.writeCard(old, file);
        assertThat(AstroFormulation.of(ModelArtifact.readCard(file))).isEqualTo(AstroFormulation.DIRECT);

        Generator raw = new ConstantGenerator(0.5f, old);
        assertThat(new AstroDomain().recipe().adapt(raw)).isSameAs(raw);
        assertThat(new AstroDomain().recipe().adapt(new ConstantGenerator(0.5f, rec))).isNotSameAs(raw);
        // a preprocessing this version does not know is refused, not silently skipped
        ModelCard future = old.withNote(AstroFormulation.NOTE_KEY, "astro.residual-rl/2: something newer");
        assertThatThrownBy(() -> new AstroDomain().recipe().adapt(new ConstantGenerator(0f, future)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("astro.residual-rl/2");
    }

    @Test
    void formulationsParseByName() {
        assertThat(AstroFormulation.parse("residual-rl")).isEqualTo(AstroFormulation.RESIDUAL_RL);
        assertThat(AstroFormulation.parse("Direct")).isEqualTo(AstroFormulation.DIRECT);
        assertThatThrownBy(() -> AstroFormulation.parse("wiener")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("direct, residual-rl");
        assertThat(new AstroDomain().recipe().formulation()).isEqualTo(AstroFormulation.RESIDUAL_RL);
        assertThat(new AstroDomain().withFormulation(AstroFormulation.DIRECT).recipe().normalization(null).target())
                .isEqualTo(AstroRecipe.STRETCH.toTransform());
        assertThat(new AstroDomain().recipe().normalization(null).target()).isEqualTo(new FeatureTransform.Identity());
    }

    /**
     * A tiny residual model through the whole path: trained on the domain's training set, recorded, written
     * as a release artifact and loaded by {@link Models#load}, which must apply the preprocessing: the loaded
     * generator's output is {@code restore(RL, raw output on RL)}, the same on every call.
     */
    @Test
    void loadedResidualModelAppliesThePreprocessing(@TempDir Path dir) {
        AstroDomain d = new AstroDomain(SMALL);
        SampleSet train = d.recipe().trainingSet(new GalaxySimulator(SMALL).simulate(16, 3));
        GanArchitecture arch = GanArchitecture.pix2pix(new UNetSpec(32, 1, 1, 2, 4, 0.5, "tanh"), new PatchGanSpec(32, 1, 1, 2, 4));
        GanModel m = new GanTrainer(arch, new TrainingConfig(1, 8, "bce", 1000, 1e-3, 0.5, 0.999, 1, 0.01, 9))
                .train("astro", train, d.recipe().normalization(train));
        m = m.with(d.recipe().record(m.card()), m.state());
        Path zip = dir.resolve("m.zip");
        ModelArtifact.writeRelease(m, zip);

        SampleSet test = new GalaxySimulator(SMALL).simulate(5, 77);
        List<float[]> rl = RlResidual.richardsonLucy(test);
        try (Generator loaded = Models.load(zip); Generator raw = ModelArtifact.load(zip)) {
            List<float[]> got = loaded.generateAll(test, 4);
            float[] in = new float[test.size() * test.conditionLength()];
            for (int i = 0; i < test.size(); i++) {
                System.arraycopy(rl.get(i), 0, in, i * test.conditionLength(), test.conditionLength());
            }
            float[][] corr = raw.generate(Nd4j.create(in, SampleSet.batchShape(test.size(), test.conditionShape())), 4)
                    .reshape('c', test.size(), test.targetLength()).toFloatMatrix();
            for (int i = 0; i < test.size(); i++) {
                float[] want = RlResidual.restore(rl.get(i), corr[i], Instrument.of(test.get(i)));
                for (int p = 0; p < want.length; p++) {
                    assertThat(got.get(i)[p]).isCloseTo(want[p], within(1e-4f * (1 + Math.abs(want[p]))));
                }
            }
            List<float[]> again = loaded.generateAll(test, 4);
            for (int i = 0; i < test.size(); i++) {
                assertThat(again.get(i)).containsExactly(got.get(i));
            }
        }
    }

    /** Two default-PSF galaxies and two with a 1.8× wider Moffat PSF (their covariates say so). */
    private static SampleSet mixedInstruments() {
        SampleSet a = new GalaxySimulator(SMALL).simulate(2, 21);
        SampleSet b = new GalaxySimulator(SimConfig.fromOptions(Map.of("size", "32", "z_min", "0.01", "z_max", "0.1",
                "psf", "moffat", "fwhm", "2.5"))).simulate(2, 22);
        // interleave so that the pairing of estimateAll meets unequal instruments
        List<Sample> s = List.of(a.get(0), renamed(b.get(0)), a.get(1), renamed(b.get(1)));
        return new SampleSet(s, a.conditionShape(), a.targetShape());
    }

    private static Sample renamed(Sample s) {
        return new Sample("wide-" + s.id(), s.kind(), s.condition(), s.target().orElse(null), s.covariates());
    }

    private static double maxAbsDiff(float[] x, float[] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    private static ModelCard card(boolean residual) {
        AstroDomain d = new AstroDomain(SMALL);
        ModelCard c = new ModelCard(ModelCard.SCHEMA_VERSION, "astro", d.recipe().architecture(), d.recipe().trainingConfig(), 0L,
                "0".repeat(64), 0, new long[] {1, 32, 32}, new long[] {1, 32, 32}, Map.of(),
                new Normalization(AstroRecipe.STRETCH.toTransform(), AstroRecipe.STRETCH.toTransform()), Provenance.current(),
                0, 0, Map.of());
        return residual ? AstroFormulation.RESIDUAL_RL.record(c) : c;
    }

    private static final int SPIKE = 10 * 32 + 12;

    private static float[] spikeOf(float value, int length) {
        float[] v = new float[length];
        v[SPIKE] = value;
        return v;
    }

    /** Outputs {@code value} at pixel {@link #SPIKE} of every image, 0 elsewhere. */
    private record SpikeGenerator(float value, ModelCard card) implements Generator {
        @Override
        public INDArray generate(INDArray condition, long seed) {
            int batch = Math.toIntExact(condition.size(0));
            int len = Math.toIntExact(condition.length() / batch);
            float[] v = new float[batch * len];
            for (int b = 0; b < batch; b++) {
                v[b * len + SPIKE] = value;
            }
            return Nd4j.create(v, condition.shape());
        }
    }

    /** Outputs {@code value} everywhere, shaped like its input. */
    private record ConstantGenerator(float value, ModelCard card) implements Generator {
        @Override
        public INDArray generate(INDArray condition, long seed) {
            float[] v = new float[Math.toIntExact(condition.length())];
            Arrays.fill(v, value);
            return Nd4j.create(v, condition.shape());
        }
    }
}
