package org.realitycheck.hep.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.RowFrame;
import org.realitycheck.core.train.DomainTrainer;

/**
 * The rotation and the track seed run inside the MLP kernel's tiles ({@link RowFrame}): the outputs equal
 * those of the separate passes bit for bit, and those of the SameDiff graph to float rounding.
 */
class TrackFrameFusionTest {
    @Test
    void fusedFrameEqualsSeparatePassesExactlyAndTheGraphToFloatRounding() {
        Domain hep = Domains.byName("hep");
        SampleSet train = hep.recipe().trainingSet(hep.data().simulate(1024, 1, Map.of()));
        GanModel model = DomainTrainer.train(hep, train, hep.recipe().trainingConfig().withEpochs(1), List.of());
        assertThat(model.generator()).isInstanceOf(RowFrame.Host.class);
        assertThat(((RowFrame.Host) model.generator()).fusesFrames()).isTrue();
        TrackGan.RotatingGenerator g = (TrackGan.RotatingGenerator) hep.recipe().adapt(model.generator());
        // not a whole number of tiles, and tracks with fewer than three hits (no seed) among them
        SampleSet test = hep.data().simulate(1000, 2, Map.of());
        INDArray c = test.conditions(0, test.size());
        float[] fused = FloatArrays.copyOf(g.generate(c, 7, true));
        float[] separate = FloatArrays.copyOf(g.generate(c, 7, false));
        assertThat(fused).containsExactly(separate);
        assertThat(FloatArrays.copyOf(g.generate(c, 8, true))).isNotEqualTo(fused); // the noise is in it

        String engine = System.getProperty("realitycheck.mlp.inference");
        System.setProperty("realitycheck.mlp.inference", "samediff");
        float[] graph;
        try {
            assertThat(((RowFrame.Host) model.generator()).fusesFrames()).isFalse();
            graph = FloatArrays.copyOf(g.generate(c, 7));
        } finally {
            if (engine == null) {
                System.clearProperty("realitycheck.mlp.inference");
            } else {
                System.setProperty("realitycheck.mlp.inference", engine);
            }
        }
        double worst = 0;
        for (int i = 0; i < fused.length; i++) {
            double scale = Math.max(1, Math.abs(graph[i]));
            worst = Math.max(worst, Math.abs(fused[i] - graph[i]) / scale);
        }
        assertThat(worst).isLessThan(1e-4).isGreaterThanOrEqualTo(0);
    }
}
