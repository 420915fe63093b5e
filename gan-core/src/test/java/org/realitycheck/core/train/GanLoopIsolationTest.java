package org.realitycheck.core.train;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.testing.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.realitycheck.core.testing.TestData.assertBitIdentical;
import org.realitycheck.core.TrainingConfig;

/** A D update leaves G's parameters untouched and a G update leaves D's untouched. */
class GanLoopIsolationTest {
    @Test
    void eachStepUpdatesOnlyItsOwnNetwork() {
        SampleSet data = TestData.discs(8, 16, 1.5, 1);
        GanArchitecture arch = TestData.tinyPix2pix(16, 2, 4);
        TrainingConfig cfg = TrainingConfig.defaults().withBatchSize(8);
        GanTrainer trainer = new GanTrainer(arch, cfg);
        GanModel m = trainer.initialise("test", data, Normalization.identity());
        GanLoop loop = new GanLoop(arch, cfg, m.generatorGraph(), m.discriminatorGraph(), data,
                Normalization.identity());
        GanLoop.Batch b = loop.batch(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0);

        Map<String, INDArray> g0 = m.generatorParameters();
        Map<String, INDArray> d0 = m.discriminatorParameters();
        double lossD = loop.discriminatorStep(b, loop.generate(b));
        assertThat(lossD).isFinite().isPositive();
        assertBitIdentical(g0, m.generatorParameters());
        assertThat(TestData.anyDifferent(d0, m.discriminatorParameters())).as("D moved").isTrue();

        Map<String, INDArray> d1 = m.discriminatorParameters();
        Map<String, Double> lossG = loop.generatorStep(b, loop.generate(b));
        assertThat(lossG).containsKeys("g_adv", "g_l1");
        assertBitIdentical(d1, m.discriminatorParameters());
        assertThat(TestData.anyDifferent(g0, m.generatorParameters())).as("G moved").isTrue();
    }
}
