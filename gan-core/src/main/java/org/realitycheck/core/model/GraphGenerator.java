package org.realitycheck.core.model;

import java.util.Arrays;
import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.Networks;

/** A {@link Generator} over our SameDiff generator graph; dropout off (see {@link GanModel#generator()}). */
record GraphGenerator(SameDiff graph, ModelCard card) implements Generator {

    @Override
    public INDArray generate(INDArray condition, long seed) {
        int batch = checkCondition(card, condition);
        INDArray c = card.normalization().condition().apply(condition.castTo(DataType.FLOAT)).castTo(DataType.FLOAT);
        Map<String, INDArray> feed = Networks.generatorInputs(card.architecture().generator(), batch, seed, false);
        feed.put(Networks.CONDITION, c.reshape('c', SampleSet.batchShape(batch,
                Networks.conditionShape(card.architecture().generator()))));
        INDArray y = graph.outputSingle(feed, Networks.OUTPUT);
        y = y.reshape('c', SampleSet.batchShape(batch, card.targetShape()));
        return card.normalization().target().invert(y).castTo(DataType.FLOAT);
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
