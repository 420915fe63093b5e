package org.realitycheck.calo.gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.calo.sim.Calorimeter;
import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FloatArrays;

/**
 * The frame a calo GAN works in, fixed pre- and post-processing around the network (CaloGAN, Paganini
 * et al. 2018, likewise conditions on the energy and ends in a ReLU):
 * <ul>
 *   <li>condition {@code [present, ln(E/GeV), θ]}: {@code present} is 0 for no particle (then ln E is
 *       given as 0), 1 otherwise; the network sees energy on a log scale, as the shower's shape depends on
 *       ln E;</li>
 *   <li>target y = √(e/s) per cell, with s the incident energy in MeV (100 MeV without a particle): cell
 *       fractions of the energy, square-rooted so that the faint outer cells are not lost next to the core
 *       (standardised per cell, the recipe's default normalisation);</li>
 *   <li>output e = s·max(0, y)², then the calorimeter's readout (cells at or below its zero-suppression
 *       threshold read 0): a negative network output is an empty cell, and every cell is ≥ 0.</li>
 * </ul>
 * A linear frame (y = e/s, one scale for all cells, e = s·max(0, y)) was tried and dropped: the noise of
 * the ~300 nearly empty cells, rectified, adds up to a response bias of 8 times the full simulation's
 * spread (docs/calo.md).
 * {@link #toFrame} makes the training set; {@link #wrap} turns a loaded network back into a generator
 * in physical units; the card's {@value #NOTE} note records the frame.
 */
public final class ShowerFrame {
    /** The card note naming the frame. */
    public static final String NOTE = "frame";
    /** The note's value for this frame. */
    public static final String SQRT_FRACTION = "sqrt-fraction: condition (present, ln E/GeV, theta); target "
            + "sqrt(cell/E), E = 100 MeV without a particle; output E*relu(y)^2, read out above the threshold";
    /** The frame's condition length. */
    public static final int CONDITION = 3;
    /** The scale of a readout without a particle, MeV. */
    static final double EMPTY_SCALE_MEV = 100;

    private ShowerFrame() {
    }

    /** @return the frame's condition for a physical one, {@code [E (MeV), θ]} */
    static void condition(float[] physical, int from, float[] out, int to) {
        double e = physical[from] / 1000.0;
        out[to] = e > 0 ? 1f : 0f;
        out[to + 1] = e > 0 ? (float) Math.log(e) : 0f;
        out[to + 2] = physical[from + 1];
    }

    /** @return the scale s (MeV) of a photon of {@code energyMev} */
    static double scale(double energyMev) {
        return energyMev > 0 ? energyMev : EMPTY_SCALE_MEV;
    }

    /**
     * A set in the frame: conditions and targets transformed, ids, kinds and covariates kept (but an
     * empty readout's {@code energy} covariate is dropped, so a model's training range is the photons').
     */
    public static SampleSet toFrame(SampleSet set) {
        List<Sample> out = new ArrayList<>(set.size());
        for (Sample s : set) {
            float[] c = s.condition();
            float[] f = new float[CONDITION];
            condition(c, 0, f, 0);
            float[] t = s.target().orElseThrow(() -> new IllegalArgumentException("sample " + s.id() + " has no target"));
            double sc = scale(c[0]);
            float[] y = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = (float) Math.sqrt(Math.max(0, t[i]) / sc);
            }
            Map<String, Double> cov = new LinkedHashMap<>(s.covariates());
            if (c[0] == 0) {
                cov.remove("energy");
            }
            out.add(new Sample(s.id(), s.kind(), f, y, cov));
        }
        return new SampleSet(out, new long[] {CONDITION}, set.targetShape());
    }

    /**
     * @param raw a network trained in this frame
     * @param calo the calorimeter whose readout the output goes through
     * @return a generator taking {@code [E (MeV), θ]} and returning cell energies (MeV)
     */
    public static Generator wrap(Generator raw, Calorimeter calo) {
        return new Physical(Objects.requireNonNull(raw, "raw"), Objects.requireNonNull(calo, "calo"));
    }

    private static final class Physical implements Generator {
        private final Generator inner;
        private final double threshold;

        Physical(Generator inner, Calorimeter calo) {
            this.inner = inner;
            this.threshold = calo.threshold();
        }

        /** The inner card with the physical condition shape, which this generator takes. */
        @Override
        public ModelCard card() {
            ModelCard c = inner.card();
            return new ModelCard(c.schemaVersion(), c.domain(), c.architecture(), c.training(), c.seed(),
                    c.trainingDataSha256(), c.trainingSamples(), new long[] {ShowerSet.CONDITION}, c.targetShape(),
                    c.covariateRanges(), c.normalization(), c.provenance(), c.trainingSeconds(), c.steps(),
                    c.finalLosses(), c.notes());
        }

        @Override
        public INDArray generate(INDArray condition, long seed) {
            int batch = Math.toIntExact(condition.size(0));
            if (condition.rank() != 2 || condition.size(1) != ShowerSet.CONDITION) {
                throw new IllegalArgumentException("condition must have shape [batch, 2] (E in MeV, theta), got "
                        + java.util.Arrays.toString(condition.shape()));
            }
            float[] c = FloatArrays.copyOf(condition);
            float[] f = new float[batch * CONDITION];
            for (int b = 0; b < batch; b++) {
                ShowerFrame.condition(c, b * 2, f, b * CONDITION);
            }
            INDArray y = inner.generate(FloatArrays.of(f, batch, CONDITION), seed);
            float[] out = FloatArrays.copyOf(y);
            int len = out.length / batch;
            for (int b = 0; b < batch; b++) {
                double sc = scale(c[b * 2]);
                for (int i = b * len; i < (b + 1) * len; i++) {
                    double v = Math.max(0, out[i]);
                    double e = sc * v * v;
                    out[i] = e > threshold ? (float) e : 0f;
                }
            }
            return FloatArrays.of(out, y.shape());
        }

        @Override
        public int preferredBatchSize() {
            return inner.preferredBatchSize();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
