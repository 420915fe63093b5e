package org.realitycheck.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.Networks;

/**
 * One GAN iteration at a time on live G and D graphs (see {@link GanTrainer} for the design). Holds
 * the normalised training data as flat float rows so batches are gathered without ND4J work.
 */
final class GanLoop {
    private static final double ADAM_EPSILON = 1e-8;

    private final GanArchitecture architecture;
    private final TrainingConfig config;
    private final SameDiff g;
    private final SameDiff d;
    private final float[] conditions;
    private final float[] targets;
    private final int condLength;
    private final int targetLength;
    private final long[] condShape;
    private final long[] outShape;
    private final long[] logitShape;
    private final boolean wgan;
    private final String firstDVar;
    private final LogitCapture dLogits = new LogitCapture();
    private final long batchesPerEpoch;

    GanLoop(GanArchitecture architecture, TrainingConfig config, SameDiff g, SameDiff d, SampleSet data,
            Normalization normalization) {
        this.architecture = architecture;
        this.config = config;
        this.g = g;
        this.d = d;
        this.condShape = Networks.conditionShape(architecture.generator());
        this.outShape = Networks.outputShape(architecture.generator());
        this.logitShape = Networks.logitShape(architecture.discriminator());
        this.condLength = data.conditionLength();
        this.targetLength = data.targetLength();
        this.conditions = flat(normalization.condition().apply(data.conditions(0, data.size())));
        this.targets = flat(normalization.target().apply(data.targets(0, data.size())));
        this.wgan = "wgan".equals(config.loss());
        this.batchesPerEpoch = batchesPerEpoch(data.size(), config.batchSize());
        this.firstDVar = d.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .findFirst().orElseThrow().name();
        ensureTrainingConfigs();
    }

    private static float[] flat(INDArray a) {
        return FloatArrays.copyOf(a);
    }

    /** Sets the Adam training configs unless the graphs carry them already (a resumed checkpoint). */
    private void ensureTrainingConfigs() {
        if (g.getTrainingConfig() == null) {
            List<String> features = new ArrayList<>();
            features.add(Networks.CONDITION);
            features.addAll(Networks.generatorInputs(architecture.generator(), 1, 0L, false).keySet());
            features.add(Networks.ADV_GRAD);
            g.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder().updater(adam(config.discriminatorSteps()))
                    .dataSetFeatureMapping(features).dataSetLabelMapping(Networks.TARGET).build());
        }
        if (d.getTrainingConfig() == null) {
            d.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder().updater(adam(1))
                    .dataSetFeatureMapping(Networks.CONDITION, Networks.CANDIDATE)
                    .dataSetLabelMapping(Networks.LABELS).build());
        }
        // the gradient with respect to a placeholder exists only if asked for when the gradient
        // function is built, and fit() would otherwise build it without
        d.createGradFunction(Networks.CANDIDATE);
    }

    /**
     * Adam for a network updated every {@code updateEvery}-th iteration: constant rate, or
     * {@link LinearDecaySchedule} when {@code decayEpochs > 0}.
     */
    private Adam adam(int updateEvery) {
        LinearDecaySchedule s = LinearDecaySchedule.of(config, batchesPerEpoch, updateEvery);
        Adam a = new Adam(config.learningRate(), config.beta1(), config.beta2(), ADAM_EPSILON);
        if (s != null) {
            a.setLearningRateSchedule(s);
        }
        return a;
    }

    /** Batches per epoch as {@link GanTrainer} draws them: the last partial batch is dropped unless it is the only one. */
    static long batchesPerEpoch(int samples, int batchSize) {
        return samples >= batchSize ? samples / batchSize : 1;
    }

    /**
     * One iteration: a D update on the batch, then a G update when {@code generatorStep}.
     *
     * @param batch sample indices
     * @param iteration iterations done before this one (seeds the noise and dropout)
     * @param generatorStep whether to update G after D
     * @return the losses measured: {@code d}, and {@code g_adv}, {@code g_l1} on G steps
     */
    Map<String, Double> iterate(int[] batch, long iteration, boolean generatorStep) {
        Batch b = batch(batch, iteration);
        INDArray fake = generate(b);
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("d", discriminatorStep(b, fake));
        if (generatorStep) {
            losses.putAll(generatorStep(b, fake));
        }
        return losses;
    }

    /** The network-scale inputs of one iteration. */
    record Batch(int size, INDArray condition, INDArray target, Map<String, INDArray> generatorInputs) {
    }

    Batch batch(int[] idx, long iteration) {
        int n = idx.length;
        float[] c = new float[n * condLength];
        float[] y = new float[n * targetLength];
        for (int i = 0; i < n; i++) {
            System.arraycopy(conditions, idx[i] * condLength, c, i * condLength, condLength);
            System.arraycopy(targets, idx[i] * targetLength, y, i * targetLength, targetLength);
        }
        Map<String, INDArray> extra = Networks.generatorInputs(architecture.generator(), n,
                mix(config.seed(), iteration), true);
        return new Batch(n, FloatArrays.of(c, SampleSet.batchShape(n, condShape)),
                FloatArrays.of(y, SampleSet.batchShape(n, outShape)), extra);
    }

    /** G(x) with this iteration's noise and dropout masks. */
    INDArray generate(Batch b) {
        Map<String, INDArray> feed = new LinkedHashMap<>(b.generatorInputs());
        feed.put(Networks.CONDITION, b.condition());
        return g.outputSingle(feed, Networks.OUTPUT);
    }

    /**
     * One D update on real (label 1, or +1 for WGAN) and generated (0, or −1) pairs; touches only
     * D's variables. Returns L_D before the update.
     */
    double discriminatorStep(Batch b, INDArray fake) {
        INDArray cond = Nd4j.concat(0, b.condition(), b.condition());
        INDArray cand = Nd4j.concat(0, b.target(), fake);
        INDArray labels = Nd4j.create(DataType.FLOAT, SampleSet.batchShape(2L * b.size(), logitShape));
        long half = labels.length() / 2;
        INDArray flat = labels.reshape(labels.length());
        flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, half)).assign(1.0);
        flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(half, labels.length())).assign(wgan ? -1.0 : 0.0);
        dLogits.logits = null;
        d.fit(new MultiDataSet(new INDArray[] {cond, cand}, new INDArray[] {labels}), dLogits);
        if (wgan) {
            clip(d, config.weightClip());
        }
        return dLogits.logits == null ? Double.NaN : discriminatorLoss(dLogits.logits, labels);
    }

    /**
     * One G update toward D(x, G(x)) = real, plus λ·L1; touches only G's variables. Returns
     * {@code g_adv} and {@code g_l1} before the update.
     */
    Map<String, Double> generatorStep(Batch b, INDArray fake) {
        Map<String, INDArray> dFeed = new LinkedHashMap<>();
        dFeed.put(Networks.CONDITION, b.condition());
        dFeed.put(Networks.CANDIDATE, fake);
        dFeed.put(Networks.LABELS, Nd4j.ones(DataType.FLOAT, SampleSet.batchShape(b.size(), logitShape)));
        var og = d.calculateGradientsAndOutputs(dFeed, List.of(Networks.D_LOSS), List.of(Networks.CANDIDATE, firstDVar));
        INDArray advGrad = og.getGradients().get(Networks.CANDIDATE);
        double adv = og.getOutputs().get(Networks.D_LOSS).getDouble(0);
        double l1 = Transforms.abs(fake.sub(b.target()), false).meanNumber().doubleValue();

        List<INDArray> features = new ArrayList<>();
        features.add(b.condition());
        features.addAll(b.generatorInputs().values());
        features.add(advGrad);
        g.fit(new MultiDataSet(features.toArray(INDArray[]::new), new INDArray[] {b.target()}));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("g_adv", adv);
        out.put("g_l1", l1);
        return out;
    }

    /**
     * Keeps D's logits from the last {@code fit} iteration. SameDiff's training pass never evaluates
     * the loss value itself (its gradient does not need it), so the loss is recomputed from these.
     */
    private static final class LogitCapture extends BaseListener {
        private INDArray logits;

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ListenerVariables.empty();
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void opExecution(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch, SameDiffOp op,
                org.nd4j.linalg.api.ops.OpContext ctx, INDArray[] outputs) {
            List<String> names = op.getOutputsOfOp();
            for (int i = 0; i < names.size() && i < outputs.length; i++) {
                if (Networks.LOGITS.equals(names.get(i))) {
                    logits = outputs[i].dup();
                }
            }
        }
    }

    /** The discriminator loss of logits x and labels y, as the graph defines it (see {@link Networks}). */
    private double discriminatorLoss(INDArray x, INDArray y) {
        if (wgan) {
            return -x.mul(y).meanNumber().doubleValue();
        }
        INDArray l = Transforms.relu(x, true).subi(x.mul(y))
                .addi(Transforms.log(Transforms.exp(Transforms.abs(x, true).negi(), false).addi(1.0), false));
        return l.meanNumber().doubleValue();
    }

    /** WGAN weight clipping: every trainable variable of D into [−c, c] (Arjovsky et al. 2017, Alg. 1). */
    private static void clip(SameDiff sd, double c) {
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                INDArray a = v.getArr();
                a.assign(Transforms.min(Transforms.max(a, -c, true), c, false));
            }
        }
    }

    /** SplitMix64 finaliser of (seed, iteration): decorrelated per-iteration seeds (Steele et al. 2014). */
    static long mix(long seed, long iteration) {
        long z = seed + 0x9E3779B97F4A7C15L * (iteration + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
