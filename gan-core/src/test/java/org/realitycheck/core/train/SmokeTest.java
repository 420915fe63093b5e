package org.realitycheck.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.nn.*;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void mlpAndUnet(@TempDir Path dir) {
        SplittableRandom r = new SplittableRandom(1);
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            float c = (float) (r.nextDouble() * 2 - 1);
            s.add(new Sample("s" + i, "x", new float[] {c}, new float[] {(float) Math.sin(3 * c)}, Map.of("c", (double) c)));
        }
        SampleSet set = new SampleSet(s, new long[] {1}, new long[] {1});
        GanArchitecture a = GanArchitecture.mlp(new MlpGeneratorSpec(1, 2, 1, new int[] {8}), new MlpDiscriminatorSpec(1, 1, new int[] {8}));
        GanModel m = new GanTrainer(a, TrainingConfig.defaults().withEpochs(2)).train("t", set, Normalization.identity());
        System.err.println("CARD " + m.card());
        ModelArtifact.write(m, dir.resolve("m.zip"));
        GanModel back = ModelArtifact.read(dir.resolve("m.zip"));
        assertThat(back.card()).isEqualTo(m.card());
        System.err.println("GEN " + back.generator().generate(set.conditions(0, 4), 3));

        List<Sample> im = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            float[] x = new float[256];
            for (int k = 0; k < 256; k++) x[k] = (float) r.nextDouble();
            im.add(Sample.of("i" + i, x, x));
        }
        SampleSet iset = new SampleSet(im, new long[] {1, 16, 16}, new long[] {1, 16, 16});
        GanArchitecture ia = GanArchitecture.pix2pix(new UNetSpec(16, 1, 1, 3, 4, 0.5, "tanh"), new PatchGanSpec(16, 1, 1, 2, 4));
        GanModel im2 = new GanTrainer(ia, TrainingConfig.defaults().withEpochs(1).withBatchSize(4)).train("t", iset, Normalization.identity());
        ModelArtifact.write(im2, dir.resolve("i.zip"));
        System.err.println("IMG " + ModelArtifact.load(dir.resolve("i.zip")).generate(iset.conditions(0, 2), 1).shapeInfoToString());
    }
}
