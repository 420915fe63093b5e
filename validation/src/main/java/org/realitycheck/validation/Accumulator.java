package org.realitycheck.validation;

import java.io.Serializable;

/**
 * The mergeable state of one {@link Check} during one run: it sees each {@link Chunk} of the sets the check
 * {@link Check#plan planned} exactly once, in any order and possibly on different machines, and the
 * partial states are merged before {@link #finish}. It holds only plain data (counts, sums, per-sample
 * scalars keyed by their global index, bounded galleries), never a {@code Domain}, {@code Generator},
 * {@code SampleSet} or {@code INDArray}, so that it serializes: an empty accumulator made on the driver is
 * the zero value a distributed engine ships to its executors, each fills one copy and sends it back.
 *
 * <p>Contract (the check contract kit tests it): for a given seed, finishing the merge of the accumulators
 * of any partition of the chunks, merged in any grouping, gives the same {@link Evidence} as one accumulator
 * that saw every chunk; a check states per metric whether that holds to the last bit or within a tolerance.
 */
public interface Accumulator extends Serializable {
    /** Adds one chunk of one requested set. */
    void add(Chunk chunk);

    /**
     * Adds what {@code other} has seen; {@code other} comes from the same check with the same plan and is not
     * used afterwards.
     */
    void merge(Accumulator other);

    /** @return the evidence from everything seen, computed on the driver */
    Evidence finish(CheckContext ctx);
}
