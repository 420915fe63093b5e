package org.realitycheck.hep.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.core.train.GanTrainer;
import org.realitycheck.hep.HepDomain;
import org.realitycheck.hep.track.TrackParameters;

/**
 * Both frames a hep model can work in: a network on the rotated hits alone (cards from before the seed, the
 * ONNX example) keeps exactly its old preprocessing; a network on the seeded condition gets the seed. Tiny
 * models (two training steps): what is tested is the wiring, not what they learned.
 */
class TrackGanFrameTest {
    private static final HepDomain HEP = new HepDomain();
    private static SampleSet data;
    private static GanModel rotatedModel;
    private static GanModel seededModel;

    @BeforeAll
    static void train() {
        data = HEP.recipe().withFitTargets(HEP.data().simulate(256, 11, Map.of()));
        TrainingConfig cfg = HEP.recipe().trainingConfig().withEpochs(1).withDecayEpochs(1).withBatchSize(128);
        // the architecture and preprocessing of every hep model before the seed: 40 rotated hit values, trained
        // with GanTrainer directly, as the trainers of the time did (no frame note)
        SampleSet rotated = TrackGan.rotate(data);
        GanArchitecture arch40 = GanArchitecture.mlp(
                new MlpGeneratorSpec(40, 8, TrackParameters.SIZE, new int[] {16}).withLinearSkip(true),
                new MlpDiscriminatorSpec(40, TrackParameters.SIZE, new int[] {16}));
        rotatedModel = new GanTrainer(arch40, cfg).train("hep", rotated, standardize(rotated));
        seededModel = DomainTrainer.train(HEP, HEP.recipe().trainingSet(data), cfg, List.of());
    }

    private static Normalization standardize(SampleSet s) {
        return new Normalization(FeatureTransform.Affine.standardize(s.conditions(0, s.size())),
                FeatureTransform.Affine.standardize(s.targets(0, s.size())));
    }

    /** φ0 back from the rotated frame, as the generator does it. */
    private static float[] unrotate(INDArray raw, INDArray physicalConditions) {
        float[] out = FloatArrays.copyOf(raw);
        float[] c = FloatArrays.copyOf(physicalConditions);
        int n = Math.toIntExact(raw.size(0));
        for (int b = 0; b < n; b++) {
            double alpha = TrackGan.referenceAzimuth(c, b * 40, 10);
            out[b * 5 + 1] = (float) TrackParameters.wrapAngle(out[b * 5 + 1] + alpha);
        }
        return out;
    }

    @Test
    void aRotatedFrameCardKeepsItsPreprocessingExactly() {
        assertThat(rotatedModel.card().conditionShape()).containsExactly(40);
        Generator g = HEP.recipe().adapt(rotatedModel.generator());
        assertThat(g.card()).isEqualTo(rotatedModel.card());
        INDArray physical = data.conditions(0, 32);
        INDArray raw = rotatedModel.generator().generate(TrackGan.rotate(data.slice(0, 32)).conditions(0, 32), 5);
        assertThat(FloatArrays.copyOf(g.generate(physical, 5))).isEqualTo(unrotate(raw, physical));
        assertThat(rotatedModel.card().notes()).doesNotContainKey(TrackGan.NOTE_FRAME);
        assertThat(TrackGan.seededLayers(rotatedModel.card())).isEqualTo(-1);
    }

    @Test
    void aSeededCardGetsTheSeedAndReportsThePhysicalShape(@TempDir Path dir) {
        ModelCard card = seededModel.card();
        assertThat(card.conditionShape()).containsExactly(35);
        assertThat(card.architecture().generator()).isInstanceOfSatisfying(MlpGeneratorSpec.class,
                s -> assertThat(s.conditionDim()).isEqualTo(35));
        assertThat(card.notes().get(TrackGan.NOTE_FRAME)).startsWith("seeded").contains("35 values for 10 layers");
        Generator g = HEP.recipe().adapt(seededModel.generator());
        assertThat(g.card().conditionShape()).as("what the physical-units generator takes").containsExactly(40);
        INDArray physical = data.conditions(0, 32);
        INDArray raw = seededModel.generator().generate(TrackGan.seeded(data.slice(0, 32)).conditions(0, 32), 5);
        assertThat(FloatArrays.copyOf(g.generate(physical, 5))).isEqualTo(unrotate(raw, physical));
        // the training set the domain hands the trainer is the same seeded frame
        assertThat(HEP.recipe().trainingSet(HEP.data().simulate(8, 3, Map.of())).conditionShape()).containsExactly(35);

        // a written artifact loads in the same frame, through Models as validation loads it
        Path zip = dir.resolve("seeded.zip");
        ModelArtifact.writeRelease(seededModel, zip);
        try (Generator back = Models.load(zip)) {
            assertThat(back.card().conditionShape()).containsExactly(40);
            assertThat(back.generate(physical, 5)).isEqualTo(g.generate(physical, 5));
        }
    }

    /** 20 values are 5 layers either way: the note decides, and without one the card is an old rotated one. */
    @Test
    void theNoteDecidesWhereTheLengthCannot() {
        ModelCard five = withShape(seededModel.card(), 20);
        assertThat(TrackGan.seededLayers(five)).isEqualTo(5);
        ModelCard bare = new ModelCard(five.schemaVersion(), five.domain(), five.architecture(), five.training(),
                five.seed(), five.trainingDataSha256(), five.trainingSamples(), five.conditionShape(), five.targetShape(),
                five.covariateRanges(), five.normalization(), five.provenance(), five.trainingSeconds(), five.steps(),
                five.finalLosses());
        assertThat(TrackGan.seededLayers(bare)).isEqualTo(-1);
        assertThat(TrackGan.seededLayers(withShape(bare, 35))).as("35 values, no note: only seeded fits").isEqualTo(10);
        assertThatThrownBy(() -> TrackGan.seededLayers(withShape(seededModel.card(), 36)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3L + 5");
        assertThatThrownBy(() -> TrackGan.seededLayers(withShape(bare, 37))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackGan.seededLayers(withShape(bare, 40).withNote(TrackGan.NOTE_FRAME, "upside down")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no known frame");
    }

    private static ModelCard withShape(ModelCard c, long length) {
        return new ModelCard(c.schemaVersion(), c.domain(), c.architecture(), c.training(), c.seed(),
                c.trainingDataSha256(), c.trainingSamples(), new long[] {length}, c.targetShape(), c.covariateRanges(),
                c.normalization(), c.provenance(), c.trainingSeconds(), c.steps(), c.finalLosses(), c.notes());
    }

    @Test
    void aConditionOfAnotherLengthIsRejected() {
        Generator g = HEP.recipe().adapt(seededModel.generator());
        INDArray wrong = FloatArrays.of(new float[2 * 44], new long[] {2, 44});
        assertThatThrownBy(() -> g.generate(wrong, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[batch, 40]");
    }
}
