package org.realitycheck.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.Networks;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;
import org.realitycheck.core.testing.TestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training throughput of the two loop designs on the default image GAN (U-Net + PatchGAN defaults,
 * batch 16) and of the MLP GAN. Not part of the default test run (the name does not end in Test):
 * {@code mvn -o -pl gan-core test -Dtest=GanThroughputBenchmark}. Timed runs belong to
 * {@code realitycheck bench}; this is the measurement behind the choice in {@link GanTrainer}.
 */
class GanThroughputBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(GanThroughputBenchmark.class);
    private static final int WARMUP = 3;
    private static final int ITERS = Integer.getInteger("benchIters", 10);

    @Test
    void defaultImageGan() {
        GanArchitecture arch = GanArchitecture.pix2pix(UNetSpec.defaults(), PatchGanSpec.defaults());
        SampleSet data = TestData.discs(16, 64, 2.0, 1);
        measure("pix2pix default", arch, data, TrainingConfig.defaults());
    }

    @Test
    void mlpGan() {
        SampleSet data = TestData.sine(64, 0.1, 1);
        measure("mlp 1+4 -> [64,64] -> 1, batch 64", TestData.smallMlp(4, 64), data,
                TrainingConfig.defaults().withBatchSize(64));
    }

    private void measure(String name, GanArchitecture arch, SampleSet data, TrainingConfig cfg) {
        int[] idx = new int[data.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        GanTrainer trainer = new GanTrainer(arch, cfg);
        GanModel m = trainer.initialise("bench", data, Normalization.identity());
        GanLoop fit = new GanLoop(arch, cfg, m.generatorGraph(), m.discriminatorGraph(), data, Normalization.identity());
        double fitRate = rate(() -> fit.iterate(idx, 0, true), idx.length);

        GanModel m2 = trainer.initialise("bench", data, Normalization.identity());
        GanLoop shapes = new GanLoop(arch, cfg, m2.generatorGraph(), m2.discriminatorGraph(), data,
                Normalization.identity());
        ManualLoop manual = new ManualLoop(m2.generatorGraph(), m2.discriminatorGraph(), cfg, arch);
        double manualRate = rate(() -> manual.iterate(shapes, shapes.batch(idx, 0)), idx.length);
        LOG.info("{}: fit loop {} samples/s, manual calculateGradients+Adam loop {} samples/s", name,
                String.format("%.1f", fitRate), String.format("%.1f", manualRate));
    }

    private static double rate(Runnable iteration, int batch) {
        for (int i = 0; i < WARMUP; i++) {
            iteration.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ITERS; i++) {
            iteration.run();
        }
        return batch * ITERS / ((System.nanoTime() - t0) / 1e9);
    }

    /** The alternative: calculateGradients for every variable, then one ND4J Adam updater per variable. */
    private static final class ManualLoop {
        private final SameDiff g;
        private final SameDiff d;
        private final GanArchitecture arch;
        private final Map<String, GradientUpdater<?>> gUpd = new LinkedHashMap<>();
        private final Map<String, GradientUpdater<?>> dUpd = new LinkedHashMap<>();
        private int iteration;

        ManualLoop(SameDiff g, SameDiff d, TrainingConfig cfg, GanArchitecture arch) {
            this.g = g;
            this.d = d;
            this.arch = arch;
            Adam adam = new Adam(cfg.learningRate(), cfg.beta1(), cfg.beta2(), 1e-8);
            for (var e : List.of(Map.entry(g, gUpd), Map.entry(d, dUpd))) {
                for (SDVariable v : e.getKey().variables()) {
                    if (v.getVariableType() == VariableType.VARIABLE) {
                        INDArray view = Nd4j.zeros(DataType.FLOAT, 1, 2 * v.getArr().length());
                        e.getValue().put(v.name(), adam.instantiate(view, true));
                    }
                }
            }
        }

        void iterate(GanLoop shapes, GanLoop.Batch b) {
            INDArray fake = shapes.generate(b);
            long[] logit = Networks.logitShape(arch.discriminator());
            Map<String, INDArray> df = new LinkedHashMap<>();
            df.put(Networks.CONDITION, Nd4j.concat(0, b.condition(), b.condition()));
            df.put(Networks.CANDIDATE, Nd4j.concat(0, b.target(), fake));
            INDArray labels = Nd4j.zeros(DataType.FLOAT, SampleSet.batchShape(2L * b.size(), logit));
            labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, b.size())).assign(1.0);
            df.put(Networks.LABELS, labels);
            apply(d, dUpd, d.calculateGradients(df, dUpd.keySet()));

            Map<String, INDArray> af = new LinkedHashMap<>();
            af.put(Networks.CONDITION, b.condition());
            af.put(Networks.CANDIDATE, fake);
            af.put(Networks.LABELS, Nd4j.ones(DataType.FLOAT, SampleSet.batchShape(b.size(), logit)));
            List<String> want = new ArrayList<>(List.of(Networks.CANDIDATE));
            want.add(dUpd.keySet().iterator().next());
            INDArray adv = d.calculateGradients(af, want).get(Networks.CANDIDATE);

            Map<String, INDArray> gf = new LinkedHashMap<>(b.generatorInputs());
            gf.put(Networks.CONDITION, b.condition());
            gf.put(Networks.ADV_GRAD, adv);
            gf.put(Networks.TARGET, b.target());
            apply(g, gUpd, g.calculateGradients(gf, gUpd.keySet()));
            iteration++;
        }

        private void apply(SameDiff sd, Map<String, GradientUpdater<?>> upd, Map<String, INDArray> grads) {
            for (var e : upd.entrySet()) {
                INDArray grad = grads.get(e.getKey());
                INDArray flat = grad.reshape(1, grad.length());
                e.getValue().applyUpdater(flat, iteration, 0);
                sd.getVariable(e.getKey()).getArr().subi(flat.reshape(grad.shape()));
            }
        }
    }
}
