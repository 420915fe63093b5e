package org.realitycheck.core;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The only view validation has of a model. It maps a batch of conditions to a batch of outputs, in
 * physical units on both sides (normalisation is the generator's own business). The noise is drawn
 * from {@code seed}, so the same batch and seed give the same output.
 */
public interface Generator extends AutoCloseable {
    /**
     * @param condition shape {@code [batch, ...conditionShape]}, float
     * @param seed seed for the generator's noise
     * @return shape {@code [batch, ...targetShape]}, float
     */
    INDArray generate(INDArray condition, long seed);

    /** @return the model card: domain, architecture, training ranges, provenance */
    ModelCard card();

    /** @return a batch size that runs efficiently on this machine */
    default int preferredBatchSize() {
        return 64;
    }

    /**
     * Runs the generator over a whole set in batches; batch {@code k} uses seed {@code seed + k},
     * so outputs depend on {@link #preferredBatchSize()} as well as on the seed.
     *
     * @return one flattened output per sample, in order
     */
    default List<float[]> generateAll(SampleSet set, long seed) {
        return inBatches(set, seed, preferredBatchSize(), (from, to, s) -> generate(set.conditions(from, to), s));
    }

    /**
     * The batching of {@link #generateAll}, for a generator that overrides it to see each batch's samples
     * (not only their conditions): batch {@code k} covers samples {@code [k·batch, min(n, (k+1)·batch))} and
     * gets seed {@code seed + k}.
     *
     * @param step makes the outputs of one batch, shape {@code [to − from, ...targetShape]}
     * @return one flattened output per sample, in order
     */
    static List<float[]> inBatches(SampleSet set, long seed, int batch, BatchStep step) {
        List<float[]> out = new ArrayList<>(set.size());
        int k = 0;
        for (int from = 0; from < set.size(); from += batch, k++) {
            int to = Math.min(set.size(), from + batch);
            INDArray y = step.run(from, to, seed + k);
            float[][] rows = y.reshape('c', to - from, set.targetLength()).toFloatMatrix();
            for (float[] r : rows) {
                out.add(r);
            }
        }
        return out;
    }

    /** One batch of {@link #inBatches}. */
    @FunctionalInterface
    interface BatchStep {
        /** @return the outputs of samples {@code [from, to)}, with the batch's seed */
        INDArray run(int from, int to, long seed);
    }

    @Override
    default void close() {
    }
}
