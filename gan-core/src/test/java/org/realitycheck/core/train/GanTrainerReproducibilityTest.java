package org.realitycheck.core.train;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.testing.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.realitycheck.core.testing.TestData.assertBitIdentical;
import org.realitycheck.core.TrainingConfig;

/** Same seed ⇒ bit-identical parameters; checkpoint + resume ⇒ the uninterrupted run, bit for bit. */
class GanTrainerReproducibilityTest {
    private static final SampleSet IMAGES = TestData.discs(24, 16, 1.5, 7);
    private static final GanArchitecture PIX = TestData.tinyPix2pix(16, 2, 4);
    private static final TrainingConfig PIX_CONFIG = TrainingConfig.defaults().withEpochs(3).withBatchSize(8).withSeed(11);

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        HistoryRecorder history = new HistoryRecorder();
        GanModel a = new GanTrainer(PIX, PIX_CONFIG).addListener(history).train("test", IMAGES, Normalization.identity());
        GanModel b = new GanTrainer(PIX, PIX_CONFIG).train("test", IMAGES, Normalization.identity());
        assertBitIdentical(a.generatorParameters(), b.generatorParameters());
        assertBitIdentical(a.discriminatorParameters(), b.discriminatorParameters());
        assertThat(a.card().steps()).isEqualTo(9);
        assertThat(history.entries()).hasSize(9);
        assertThat(history.entries().get(8).losses()).containsOnlyKeys("d", "g_adv", "g_l1");
        assertThat(a.card().finalLosses()).isEqualTo(history.entries().get(8).losses());
        assertThat(a.card().trainingDataSha256()).isEqualTo(IMAGES.sha256());
        assertThat(a.card().conditionShape()).containsExactly(1, 16, 16);
    }

    @Test
    void differentSeedGivesDifferentParameters() {
        GanModel a = new GanTrainer(PIX, PIX_CONFIG.withEpochs(1)).train("test", IMAGES, Normalization.identity());
        GanModel b = new GanTrainer(PIX, PIX_CONFIG.withEpochs(1).withSeed(12)).train("test", IMAGES,
                Normalization.identity());
        assertThat(TestData.anyDifferent(a.generatorParameters(), b.generatorParameters())).isTrue();
    }

    @Test
    void resumeFromCheckpointMatchesUninterruptedRun(@TempDir Path dir) {
        CheckpointWriter ckpt = new CheckpointWriter(dir, 1);
        GanModel full = new GanTrainer(PIX, PIX_CONFIG).addListener(ckpt).train("test", IMAGES, Normalization.identity());

        GanModel atOne = ModelArtifact.read(ckpt.fileFor(1));
        assertThat(atOne.state().epochsCompleted()).isEqualTo(1);
        GanModel resumed = new GanTrainer(PIX, PIX_CONFIG).resume(atOne, IMAGES);

        assertThat(resumed.state().epochsCompleted()).isEqualTo(3);
        assertThat(resumed.card().steps()).isEqualTo(full.card().steps());
        assertBitIdentical(full.generatorParameters(), resumed.generatorParameters());
        assertBitIdentical(full.discriminatorParameters(), resumed.discriminatorParameters());
    }

    @Test
    void resumeWorksForWganWithSeveralCriticSteps(@TempDir Path dir) {
        SampleSet data = TestData.sine(96, 0.1, 3);
        GanArchitecture mlp = TestData.smallMlp(2, 8);
        TrainingConfig cfg = new TrainingConfig(3, 16, "wgan", 1.0, 5e-4, 0.5, 0.9, 2, 0.05, 5L);
        CheckpointWriter ckpt = new CheckpointWriter(dir, 2);
        GanModel full = new GanTrainer(mlp, cfg).addListener(ckpt).train("test", data, Normalization.identity());
        assertThat(full.card().steps()).isEqualTo(9); // 18 critic updates, one G update per 2

        GanModel resumed = new GanTrainer(mlp, cfg).resume(ModelArtifact.read(ckpt.fileFor(2)), data);
        assertBitIdentical(full.generatorParameters(), resumed.generatorParameters());
        assertBitIdentical(full.discriminatorParameters(), resumed.discriminatorParameters());
        full.discriminatorParameters().values().forEach(p -> assertThat(p.amaxNumber().doubleValue())
                .as("WGAN weights clipped").isLessThanOrEqualTo(0.05 + 1e-7));
    }

    @Test
    void resumeContinuesADecayingLearningRateAndTheLastStepBarelyMoves(@TempDir Path dir) {
        SampleSet data = TestData.sine(96, 0.1, 3);
        GanArchitecture mlp = TestData.smallMlp(2, 8);
        TrainingConfig cfg = new TrainingConfig(3, 16, "bce", 100.0, 1e-2, 0.5, 0.999, 1, 0.01, 5L, 2);
        CheckpointWriter ckpt = new CheckpointWriter(dir, 1);
        GanTrainer trainer = new GanTrainer(mlp, cfg).addListener(ckpt);
        GanModel full = trainer.train("test", data, Normalization.identity());

        GanModel atOne = ModelArtifact.read(ckpt.fileFor(1));
        assertThat(atOne.card().training().decayEpochs()).isEqualTo(2);
        GanModel resumed = new GanTrainer(mlp, cfg).resume(atOne, data);
        assertBitIdentical(full.generatorParameters(), resumed.generatorParameters());
        assertBitIdentical(full.discriminatorParameters(), resumed.discriminatorParameters());

        // 18 updates, decay over the last 12: the last one moves G by lr/12, the first by the full lr
        GanModel atTwo = ModelArtifact.read(ckpt.fileFor(2));
        double lastEpoch = maxAbsDifference(atTwo.generatorParameters(), full.generatorParameters());
        double firstEpoch = maxAbsDifference(ModelArtifact.read(ckpt.fileFor(1)).generatorParameters(),
                new GanTrainer(mlp, cfg.withDecayEpochs(0)).initialise("test", data, Normalization.identity())
                        .generatorParameters());
        assertThat(lastEpoch).isLessThan(0.5 * firstEpoch);
        assertThatThrownBy(() -> new GanTrainer(mlp, cfg.withEpochs(4)).resume(atOne, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decaying");
    }

    private static double maxAbsDifference(Map<String, INDArray> a, Map<String, INDArray> b) {
        return a.keySet().stream().mapToDouble(k -> a.get(k).sub(b.get(k)).amaxNumber().doubleValue()).max()
                .orElseThrow();
    }
}
