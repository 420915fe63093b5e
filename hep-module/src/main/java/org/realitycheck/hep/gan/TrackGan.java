package org.realitycheck.hep.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.ForwardingGenerator;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.nn.RowFrame;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * The track GAN: an MLP generator maps a track's hits ⊕ noise to its five parameters, an MLP
 * discriminator judges (hits, parameters) pairs, trained with gan-core's GAN trainer on the
 * conventional fit's parameters ({@link org.realitycheck.hep.HepRecipe#withFitTargets}).
 *
 * <p><b>Rotated frame.</b> The problem is symmetric under rotations about the beam axis, and an
 * MLP cannot learn atan2 over the full circle to the fit's 0.1-mrad precision in a short training.
 * The generator therefore works in the frame where the innermost hit lies on the +x axis: the hits
 * are rotated by −α (α the azimuth of the innermost hit; the mask and z are unchanged), the network
 * predicts φ0 − α (q/p_T, d0, z0 and cot θ do not change under the rotation), and α is added back.
 * The rotation is fixed preprocessing, not learned: the network still has to compute the curvature,
 * the direction, the impact parameters and the dip from the rotated hits. {@link #seeded} makes the
 * training set ({@code HepRecipe.trainingSet}); {@link #wrap} ({@code HepRecipe.adapt}, applied by
 * {@code Models.load}) returns generators that take and return physical, unrotated values; the raw
 * artifact's generator ({@code ModelArtifact.load}) expects the network's frame and must not be used
 * for hep models directly. Training goes through gan-core's {@code DomainTrainer}, like every domain's.
 *
 * <p><b>Seeded frame.</b> Models trained since the low-p_T work do not see the rotated coordinates but
 * a three-point helix seed, every hit's residual from it and the mask ({@link TrackSeed}), fixed
 * preprocessing after the rotation. Both frames keep working: a card's {@value #NOTE_FRAME} note says which
 * one its network takes ({@link #seededNote}, written by {@code HepRecipe.record}), and a card without the note (every
 * card from before the seed, the ONNX example's) gets the rotation only, as before, when its condition has
 * 4L values. The card's {@code conditionShape} is the network's; the physical-units generator's card
 * reports the hit vector's shape, which is what it takes.
 *
 * <p><b>Normalisation.</b> Per-feature standardisation (the {@code TrainingRecipe} default,
 * {@code FeatureTransform.Affine.standardize})
 * of the (seeded) conditions and of the targets. q/p_T is regressed linearly: it is what the hits
 * measure (the sagitta is linear in it), it spans only ±2 GeV⁻¹ and its error is roughly constant,
 * whereas p_T spans 0.5–100 GeV with an error growing as p_T².
 *
 * <p><b>Precision.</b> The aim is GAN − truth widths within 3× the fit's for q/p_T and φ0, i.e. ~0.1% of
 * q/p_T's spread. In the rotated frame the hit offsets are nearly linear in q/p_T and z in cot θ, so the
 * difficulty is optimisation precision, not expressiveness: hence the linear skip path, the learning rate
 * annealed to zero, the large rate and the large batches of the recipe
 * ({@link org.realitycheck.hep.TrackTraining}). Below 1 GeV the offsets are no longer linear in q/p_T; the
 * seeded frame is what brings every p_T bin within the 3×. The measurements behind both (GAN/fit widths
 * per configuration and per p_T bin) are in docs/hep-gan.md.
 */
public final class TrackGan {
    private TrackGan() {
    }

    /** {@link ModelCard#notes()} key: the fixed preprocessing a hep model's network expects. */
    public static final String NOTE_FRAME = "frame";
    private static final String SEEDED = "seeded";
    private static final String ROTATED = "rotated";

    /**
     * The {@value #NOTE_FRAME} note of a model trained on {@link #seeded} conditions (every hep model trained
     * since the seed; {@code HepRecipe.record} writes it).
     *
     * @param card the card of a model trained on seeded conditions
     * @return the note's text, starting with {@code seeded}
     * @throws IllegalArgumentException when the card's condition length is no seeded condition's
     */
    public static String seededNote(ModelCard card) {
        long len = conditionLength(card);
        int layers = TrackSeed.layersOfSeeded(len);
        if (layers < 0) {
            throw new IllegalArgumentException("a seeded hep model takes 3L + 5 condition values, the card says " + len);
        }
        return SEEDED + ": hits rotated by -alpha (alpha the azimuth of the innermost hit), then replaced by a "
                + "three-point helix seed, every hit's residual from it and the mask (org.realitycheck.hep.gan."
                + "TrackSeed: " + len + " values for " + layers + " layers); phi0 predicted relative to alpha; the "
                + "physical-units generator takes the hit vector of " + 4 * layers + " values";
    }

    /**
     * The frame a hep model's network works in: what its card's {@value #NOTE_FRAME} note says ({@code seeded}
     * or {@code rotated}), and without a note (cards from before the seed, the ONNX example's) the rotated
     * hits when the condition length is 4L, else the seeded condition when it is 3L + 5.
     *
     * @return the number of layers for a seeded network, −1 for a network on the rotated hit vector
     * @throws IllegalArgumentException when the note or the condition length fits neither frame
     */
    static int seededLayers(ModelCard card) {
        long len = conditionLength(card);
        String note = card.notes().get(NOTE_FRAME);
        boolean seeded;
        if (note != null) {
            seeded = note.startsWith(SEEDED);
            if (!seeded && !note.startsWith(ROTATED)) {
                throw new IllegalArgumentException("card note '" + NOTE_FRAME + "' names no known frame (" + SEEDED
                        + ", " + ROTATED + "): " + note);
            }
        } else {
            seeded = len % 4 != 0;
        }
        int layers = seeded ? TrackSeed.layersOfSeeded(len) : (len % 4 == 0 && len > 0 ? -1 : -2);
        if (layers == -2 || (seeded && layers < 0)) {
            throw new IllegalArgumentException("a hep model takes the rotated hit vector (4L values) or the seeded "
                    + "condition (3L + 5), the card says " + len + (note == null ? "" : " with frame note: " + note));
        }
        return layers;
    }

    private static long conditionLength(ModelCard card) {
        long n = 1;
        for (long d : card.conditionShape()) {
            n *= d;
        }
        return n;
    }

    /**
     * The samples in the seeded frame ({@link TrackSeed}): {@link #rotate rotated}, then each condition
     * replaced by the seed, the residuals and the mask; condition shape {@code [3L + 5]}.
     */
    public static SampleSet seeded(SampleSet set) {
        SampleSet rotated = rotate(set);
        int len = rotated.conditionLength();
        int layers = len / 4;
        int seededLength = TrackSeed.length(layers);
        List<Sample> out = new ArrayList<>(rotated.size());
        for (Sample s : rotated) {
            float[] c = new float[seededLength];
            TrackSeed.write(s.condition(), 0, layers, c, 0);
            out.add(new Sample(s.id(), s.kind(), c, s.target().orElse(null), s.covariates()));
        }
        return new SampleSet(out, new long[] {seededLength}, rotated.targetShape());
    }

    /** Wraps a generator that works in the rotated frame (e.g. one loaded by other means). */
    public static Generator wrap(Generator rotatedFrameGenerator) {
        return new RotatingGenerator(Objects.requireNonNull(rotatedFrameGenerator, "rotatedFrameGenerator"));
    }

    /**
     * @return the azimuth α of the innermost hit of a {@link HitVector}, rad; 0 when there is no hit
     */
    public static double referenceAzimuth(float[] condition, int offset, int layers) {
        for (int i = 0; i < layers; i++) {
            if (condition[offset + 3 * layers + i] > 0.5f) {
                return Math.atan2(condition[offset + 3 * i + 1], condition[offset + 3 * i]);
            }
        }
        return 0;
    }

    /** Rotates the hits in {@code c[offset … offset + 4·layers)} by −α in place. */
    static void rotateHits(float[] c, int offset, int layers, double alpha) {
        double ca = Math.cos(alpha);
        double sa = Math.sin(alpha);
        for (int i = 0; i < layers; i++) {
            int k = offset + 3 * i;
            double x = c[k];
            double y = c[k + 1];
            c[k] = (float) (x * ca + y * sa);
            c[k + 1] = (float) (-x * sa + y * ca);
        }
    }

    /** The samples in the rotated frame: hits rotated by −α, target φ0 replaced by φ0 − α. */
    public static SampleSet rotate(SampleSet set) {
        List<Sample> out = new ArrayList<>(set.size());
        for (Sample s : set) {
            float[] c = s.condition();
            int layers = HitVector.layers(c);
            double alpha = referenceAzimuth(c, 0, layers);
            rotateHits(c, 0, layers, alpha);
            float[] t = s.target().map(v -> {
                v[1] = (float) TrackParameters.wrapAngle(v[1] - alpha);
                return v;
            }).orElse(null);
            out.add(new Sample(s.id(), s.kind(), c, t, s.covariates()));
        }
        return new SampleSet(out, set.conditionShape(), set.targetShape());
    }

    /**
     * System property: {@code false} runs the rotation and the seed in passes of their own before the network
     * instead of inside the MLP kernel's tiles (for A/B measurements; the outputs are the same).
     */
    static final String FUSED_PROPERTY = "realitycheck.hep.fused-frame";
    private static final boolean FUSED = !"false".equals(System.getProperty(FUSED_PROPERTY));

    /** Physical-units view of a rotated-frame generator. */
    static final class RotatingGenerator extends ForwardingGenerator {
        /** Layers of a seeded network's condition, or −1 for a network on the rotated hits alone. */
        private final int seededLayers;
        private final ModelCard card;

        RotatingGenerator(Generator inner) {
            super(inner);
            ModelCard c = inner.card();
            this.seededLayers = TrackGan.seededLayers(c);
            this.card = seededLayers < 0 ? c : withConditionShape(c, new long[] {4L * seededLayers});
        }

        /** The card with the physical condition shape, the hit vector this generator takes. */
        private static ModelCard withConditionShape(ModelCard c, long[] shape) {
            return new ModelCard(c.schemaVersion(), c.domain(), c.architecture(), c.training(), c.seed(),
                    c.trainingDataSha256(), c.trainingSamples(), shape, c.targetShape(), c.covariateRanges(),
                    c.normalization(), c.provenance(), c.trainingSeconds(), c.steps(), c.finalLosses(), c.notes());
        }

        @Override
        public INDArray generate(INDArray condition, long seed) {
            return generate(condition, seed, FUSED);
        }

        /** @param fused true to run the rotation and the seed inside the generator's kernel when it can */
        INDArray generate(INDArray condition, long seed, boolean fused) {
            int batch = Math.toIntExact(condition.size(0));
            int len = Math.toIntExact(condition.length() / batch);
            int layers = len / 4;
            if (seededLayers >= 0 && (len != 4 * seededLayers || condition.rank() != 2)) {
                throw new IllegalArgumentException("condition must have shape [batch, " + 4 * seededLayers + "], got "
                        + java.util.Arrays.toString(condition.shape()));
            }
            if (fused && condition.rank() == 2 && len % 4 == 0 && inner instanceof RowFrame.Host h && h.fusesFrames()) {
                return h.generate(condition, seed, new Frame(layers, seededLayers >= 0));
            }
            float[] c = FloatArrays.copyOf(condition);
            int outLen = seededLayers < 0 ? len : TrackSeed.length(layers);
            float[] net = seededLayers < 0 ? c : new float[batch * outLen];
            double[] alpha = new double[batch];
            // rows are independent: chunks of 1,024 in parallel (atan2, sin, cos cost ~0.1 µs a track, the
            // seed ~1 µs)
            int chunks = (batch + 1023) / 1024;
            IntStream stream = IntStream.range(0, chunks);
            (chunks > 1 ? stream.parallel() : stream).forEach(k -> {
                for (int b = k * 1024; b < Math.min(batch, (k + 1) * 1024); b++) {
                    alpha[b] = referenceAzimuth(c, b * len, layers);
                    rotateHits(c, b * len, layers, alpha[b]);
                    if (net != c) {
                        TrackSeed.write(c, b * len, layers, net, b * outLen);
                    }
                }
            });
            long[] shape = seededLayers < 0 ? condition.shape() : new long[] {batch, outLen};
            INDArray y = inner.generate(FloatArrays.of(net, shape), seed);
            float[] out = FloatArrays.copyOf(y);
            int tl = out.length / batch;
            for (int b = 0; b < batch; b++) {
                out[b * tl + 1] = (float) TrackParameters.wrapAngle(out[b * tl + 1] + alpha[b]);
            }
            return FloatArrays.of(out, y.shape());
        }

        @Override
        public ModelCard card() {
            return card;
        }

        /**
         * The same preprocessing row by row, for generators that run it inside their kernel: the hits rotated by
         * −α, then seeded ({@link TrackSeed}) or passed on rotated; α kept, and added back to φ0.
         */
        private record Frame(int layers, boolean seeded) implements RowFrame {
            @Override
            public int inputLength() {
                return 4 * layers;
            }

            @Override
            public int networkLength() {
                return seeded ? TrackSeed.length(layers) : 4 * layers;
            }

            @Override
            public int stateLength() {
                return 1;
            }

            @Override
            public void toNetwork(float[] row, float[] net, int netOffset, double[] state, int stateOffset) {
                double alpha = referenceAzimuth(row, 0, layers);
                state[stateOffset] = alpha;
                rotateHits(row, 0, layers, alpha);
                if (seeded) {
                    TrackSeed.write(row, 0, layers, net, netOffset);
                } else {
                    System.arraycopy(row, 0, net, netOffset, row.length);
                }
            }

            @Override
            public void fromNetwork(float[] out, int outOffset, double[] state, int stateOffset) {
                out[outOffset + 1] = (float) TrackParameters.wrapAngle(out[outOffset + 1] + state[stateOffset]);
            }
        }
    }
}
