package org.realitycheck.core.model;

import java.util.Arrays;
import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.nn.MlpInference;
import org.realitycheck.core.nn.Networks;
import org.realitycheck.core.nn.RowFrame;

/**
 * A {@link Generator} over our SameDiff generator graph; dropout off (see {@link GanModel#generator()}).
 * MLP generators run through {@link MlpInference} (the same parameters and operations, fused, on
 * vectors; docs/performance.md) when the vector module is present, unless the system property
 * {@value #ENGINE_PROPERTY} is {@code samediff}; everything else runs the graph.
 */
record GraphGenerator(SameDiff graph, ModelCard card) implements Generator, RowFrame.Host {
    /** System property choosing the inference engine of MLP generators: {@code vector} (default) or {@code samediff}. */
    static final String ENGINE_PROPERTY = "realitycheck.mlp.inference";

    @Override
    public INDArray generate(INDArray condition, long seed) {
        int batch = checkCondition(card, condition);
        if (vectorPath()) {
            return generateMlp((MlpGeneratorSpec) card.architecture().generator(), condition, batch, seed, null);
        }
        INDArray c = card.normalization().condition().apply(condition.castTo(DataType.FLOAT)).castTo(DataType.FLOAT);
        Map<String, INDArray> feed = Networks.generatorInputs(card.architecture().generator(), batch, seed, false);
        feed.put(Networks.CONDITION, c.reshape('c', SampleSet.batchShape(batch,
                Networks.conditionShape(card.architecture().generator()))));
        INDArray y = graph.outputSingle(feed, Networks.OUTPUT);
        y = y.reshape('c', SampleSet.batchShape(batch, card.targetShape()));
        return card.normalization().target().invert(y).castTo(DataType.FLOAT);
    }

    private boolean vectorPath() {
        return card.architecture().generator() instanceof MlpGeneratorSpec m && m.hidden().length > 0
                && MlpInference.available() && !"samediff".equals(System.getProperty(ENGINE_PROPERTY));
    }

    /** On the vector path, when the condition's normalisation can run inside the kernel (affine or none). */
    @Override
    public boolean fusesFrames() {
        if (!vectorPath()) {
            return false;
        }
        FeatureTransform in = card.normalization().condition();
        FeatureTransform out = card.normalization().target();
        MlpGeneratorSpec m = (MlpGeneratorSpec) card.architecture().generator();
        return (affine(in, m.conditionDim()) != null || in instanceof FeatureTransform.Identity)
                && (affine(out, m.outputDim()) != null || out instanceof FeatureTransform.Identity);
    }

    @Override
    public INDArray generate(INDArray condition, long seed, RowFrame frame) {
        if (!fusesFrames()) {
            throw new IllegalStateException("this generator does not fuse frames (not an MLP on the vector path "
                    + "with affine normalisations)");
        }
        long[] got = condition.shape();
        if (got.length != 2 || got[1] != frame.inputLength() || got[0] < 1) {
            throw new IllegalArgumentException("condition must have shape [batch, " + frame.inputLength() + "], got "
                    + Arrays.toString(got));
        }
        return generateMlp((MlpGeneratorSpec) card.architecture().generator(), condition, Math.toIntExact(got[0]),
                seed, frame);
    }

    /** The vector path: affine normalisations run inside the kernel, any other transform around it. */
    private INDArray generateMlp(MlpGeneratorSpec m, INDArray condition, int batch, long seed, RowFrame frame) {
        FeatureTransform in = card.normalization().condition();
        FeatureTransform out = card.normalization().target();
        MlpInference.Affine inAffine = affine(in, m.conditionDim());
        MlpInference.Affine outAffine = affine(out, m.outputDim());
        INDArray c = inAffine != null || in instanceof FeatureTransform.Identity ? condition : in.apply(condition);
        float[] y = MlpInference.of(graph, m, inAffine, outAffine)
                .run(FloatArrays.copyOf(c), Networks.noise(m, batch, seed), batch, frame);
        INDArray result = FloatArrays.of(y, SampleSet.batchShape(batch, card.targetShape()));
        return outAffine != null || out instanceof FeatureTransform.Identity ? result : out.invert(result);
    }

    private static MlpInference.Affine affine(FeatureTransform t, int features) {
        if (t instanceof FeatureTransform.Affine a && (a.shift().length == 1 || a.shift().length == features)) {
            return MlpInference.Affine.of(a.shift(), a.scale(), features);
        }
        return null;
    }

    @Override
    public int preferredBatchSize() {
        return card.architecture().generator() instanceof org.realitycheck.core.nn.UNetSpec ? 32 : 4096;
    }

    /** Checks {@code [b, ...conditionShape]} and returns b. */
    static int checkCondition(ModelCard card, INDArray condition) {
        long[] expected = card.conditionShape();
        long[] got = condition.shape();
        if (got.length != expected.length + 1 || !Arrays.equals(Arrays.copyOfRange(got, 1, got.length), expected)
                || got[0] < 1) {
            throw new IllegalArgumentException("condition must have shape [batch, " + Arrays.toString(expected)
                    .replaceAll("[\\[\\]]", "") + "], got " + Arrays.toString(got));
        }
        return Math.toIntExact(got[0]);
    }
}
