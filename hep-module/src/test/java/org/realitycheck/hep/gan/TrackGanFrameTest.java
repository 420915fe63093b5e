package org.realitycheck.hep.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
        data = HEP.withFitTargets(HEP.simulate(256, 11, Map.of()));
        TrainingConfig cfg = HEP.defaultTrainingConfig().withEpochs(1).withDecayEpochs(1).withBatchSize(128);
        // the architecture and preprocessing of every hep model before the seed: 40 rotated hit values
        SampleSet rotated = TrackGan.rotate(data);
        GanArchitecture arch40 = GanArchitecture.mlp(
                new MlpGeneratorSpec(40, 8, TrackParameters.SIZE, new int[] {16}).withLinearSkip(true),
                new MlpDiscriminatorSpec(40, TrackParameters.SIZE, new int[] {16}));
        rotatedModel = new GanTrainer(arch40, cfg).train("hep", rotated, standardize(rotated));
        seededModel = TrackGan.train(data, HEP.defaultArchitecture(), cfg);
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
        Generator g = TrackGan.generator(rotatedModel);
        assertThat(g.card()).isEqualTo(rotatedModel.card());
        INDArray physical = data.conditions(0, 32);
        INDArray raw = rotatedModel.generator().generate(TrackGan.rotate(data.slice(0, 32)).conditions(0, 32), 5);
        assertThat(FloatArrays.copyOf(g.generate(physical, 5))).isEqualTo(unrotate(raw, physical));
        assertThat(TrackGan.frameNote(rotatedModel.card())).startsWith("rotated");
    }

    @Test
    void aSeededCardGetsTheSeedAndReportsThePhysicalShape(@TempDir Path dir) {
        ModelCard card = seededModel.card();
        assertThat(card.conditionShape()).containsExactly(65);
        assertThat(card.architecture().generator()).isInstanceOfSatisfying(MlpGeneratorSpec.class,
                s -> assertThat(s.conditionDim()).isEqualTo(65));
        assertThat(card.notes()).containsKey(TrackGan.NOTE_FRAME);
        assertThat(card.notes().get(TrackGan.NOTE_FRAME)).startsWith("seeded").contains("65 values for 10 layers");
        Generator g = TrackGan.generator(seededModel);
        assertThat(g.card().conditionShape()).as("what the physical-units generator takes").containsExactly(40);
        INDArray physical = data.conditions(0, 32);
        INDArray raw = seededModel.generator().generate(TrackGan.seeded(data.slice(0, 32)).conditions(0, 32), 5);
        assertThat(FloatArrays.copyOf(g.generate(physical, 5))).isEqualTo(unrotate(raw, physical));
        // the training set the domain hands the trainer is the same seeded frame
        assertThat(HEP.trainingSet(HEP.simulate(8, 3, Map.of())).conditionShape()).containsExactly(65);

        // a written artifact loads in the same frame, through Models as validation loads it
        Path zip = dir.resolve("seeded.zip");
        ModelArtifact.writeRelease(seededModel, zip);
        try (Generator back = Models.load(zip)) {
            assertThat(back.card().conditionShape()).containsExactly(40);
            assertThat(back.generate(physical, 5)).isEqualTo(g.generate(physical, 5));
        }
    }

    @Test
    void aConditionOfAnotherLengthIsRejected() {
        Generator g = TrackGan.generator(seededModel);
        INDArray wrong = FloatArrays.of(new float[2 * 44], new long[] {2, 44});
        assertThatThrownBy(() -> g.generate(wrong, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[batch, 40]");
    }
}
