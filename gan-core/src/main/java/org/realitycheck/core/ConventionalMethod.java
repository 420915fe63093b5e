package org.realitycheck.core;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The conventional computation a GAN is compared with: deconvolution for images, the helix fit
 * for tracks. It maps one sample's condition to an estimate of the target, in physical units.
 * Implementations are stateless and thread-safe, so {@link #estimateAll} may run in parallel.
 */
public interface ConventionalMethod {
    /** @return a short name for reports, e.g. {@code richardson-lucy} */
    String name();

    /**
     * @return one sentence for reports: what the method computes and how it was tuned or stopped (e.g.
     *     the stopping rule of an iterative deconvolution); the default is {@link #name()}
     */
    default String describe() {
        return name();
    }

    /**
     * @param sample the input; only its condition (and domain metadata carried in covariates that
     *     describe the instrument, never the truth) may be used
     * @return the estimate, never null; {@code valid=false} when the method rejects the input
     */
    Estimate estimate(Sample sample);

    /** Estimates every sample, in order, using all cores. */
    default List<Estimate> estimateAll(SampleSet set) {
        Estimate[] out = new Estimate[set.size()];
        IntStream.range(0, set.size()).parallel().forEach(i -> out[i] = estimate(set.get(i)));
        return new ArrayList<>(List.of(out));
    }
}
