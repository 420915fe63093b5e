package org.realitycheck.core.train;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.realitycheck.core.TrainingConfig;

/**
 * Learning rate constant, then decaying linearly to zero: pix2pix's schedule (Isola et al. 2017, §4;
 * {@code lr_policy = linear} in their code), applied per update rather than per epoch. For update
 * {@code t} (0-based) of {@code total}, with the decay over the last {@code decay} updates:
 * {@code lr(t) = base · min(1, (total − t) / decay)}, so the last update has {@code base / decay}.
 *
 * <p>Why: with a constant rate Adam's steps keep a floor of about {@code base} per parameter, and a
 * regression under L1 stops improving at a noise level set by that floor; annealing the rate to zero
 * removes it (Robbins &amp; Monro 1951; the usual reason for step decay in supervised training).
 *
 * <p>ND4J's updaters call {@link #valueAt} with the graph's own iteration counter, which SameDiff
 * stores with the updater state, so a resumed checkpoint continues the schedule where it stopped.
 * Jackson-serialisable (ND4J's shaded Jackson) because SameDiff saves the updater configuration.
 */
public final class LinearDecaySchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    private final double base;
    private final long total;
    private final long decay;

    /**
     * @param base the constant learning rate, {@code > 0}
     * @param total number of updates of the run, {@code >= 1}
     * @param decay number of final updates over which the rate falls to zero, in {@code [1, total]}
     */
    public LinearDecaySchedule(@JsonProperty("base") double base, @JsonProperty("total") long total,
            @JsonProperty("decay") long decay) {
        if (!(base > 0) || total < 1 || decay < 1 || decay > total) {
            throw new IllegalArgumentException("need base > 0, total >= 1, 1 <= decay <= total; got " + base + ", "
                    + total + ", " + decay);
        }
        this.base = base;
        this.total = total;
        this.decay = decay;
    }

    /**
     * The schedule of one network for a {@link TrainingConfig}; {@code null} when the rate is constant
     * ({@code decayEpochs = 0}).
     *
     * @param batchesPerEpoch iterations (batches) per epoch, {@code >= 1}
     * @param updateEvery the network is updated on every {@code updateEvery}-th iteration, counted over the run
     */
    static LinearDecaySchedule of(TrainingConfig config, long batchesPerEpoch, int updateEvery) {
        if (config.decayEpochs() == 0) {
            return null;
        }
        long total = Math.max(1, batchesPerEpoch * config.epochs() / updateEvery);
        long decay = Math.max(1, Math.min(total, batchesPerEpoch * config.decayEpochs() / updateEvery));
        return new LinearDecaySchedule(config.learningRate(), total, decay);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return base * Math.max(0, Math.min(1.0, (double) (total - iteration) / decay));
    }

    @JsonProperty("base")
    public double base() {
        return base;
    }

    @JsonProperty("total")
    public long total() {
        return total;
    }

    @JsonProperty("decay")
    public long decay() {
        return decay;
    }

    @Override
    public ISchedule clone() {
        return new LinearDecaySchedule(base, total, decay);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearDecaySchedule s && Double.compare(s.base, base) == 0 && s.total == total
                && s.decay == decay;
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(base) * 31 + Long.hashCode(total)) * 31 + Long.hashCode(decay);
    }

    @Override
    public String toString() {
        return "LinearDecaySchedule[base=" + base + ", total=" + total + ", decay=" + decay + "]";
    }
}
