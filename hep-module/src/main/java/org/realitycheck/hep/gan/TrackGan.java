package org.realitycheck.hep.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.ModelCard;
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
 * the direction, the impact parameters and the dip from the rotated hits. {@link #rotate} makes the
 * training set ({@code HepRecipe.trainingSet}); {@link #wrap} ({@code HepRecipe.adapt}, applied by
 * {@code Models.load}) returns generators that take and return physical, unrotated values; the raw
 * artifact's generator ({@code ModelArtifact.load}) expects rotated conditions and must not be used
 * for hep models directly. Training goes through gan-core's {@code DomainTrainer}, like every domain's.
 *
 * <p><b>Normalisation.</b> Per-feature standardisation (the {@code TrainingRecipe} default,
 * {@code FeatureTransform.Affine.standardize}) of the rotated conditions and of the targets. q/p_T is regressed linearly: it is what the hits
 * measure (the sagitta is linear in it), it spans only ±2 GeV⁻¹ and its error is roughly constant,
 * whereas p_T spans 0.5–100 GeV with an error growing as p_T².
 *
 * <p><b>Precision.</b> The issue asked for GAN − truth widths within 3× the fit's for q/p_T and φ0,
 * i.e. ~0.1% of q/p_T's spread. In the rotated frame the hit offsets are nearly linear in q/p_T and z in
 * cot θ, so the difficulty is optimisation precision, not expressiveness: hence the linear skip path, the
 * learning rate annealed to zero, the large rate and the large batches of the recipe
 * ({@link org.realitycheck.hep.TrackTraining}). The measurements behind it (GAN/fit widths per
 * configuration, 4k to 100k training tracks) are in docs/hep-gan.md.
 */
public final class TrackGan {
    private TrackGan() {
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

    /** Physical-units view of a rotated-frame generator. */
    private static final class RotatingGenerator implements Generator {
        private final Generator inner;

        RotatingGenerator(Generator inner) {
            this.inner = inner;
        }

        @Override
        public INDArray generate(INDArray condition, long seed) {
            int batch = Math.toIntExact(condition.size(0));
            int len = Math.toIntExact(condition.length() / batch);
            int layers = len / 4;
            float[] c = FloatArrays.copyOf(condition);
            double[] alpha = new double[batch];
            // rows are independent: chunks of 1,024 in parallel (atan2, sin, cos cost ~0.1 µs a track)
            int chunks = (batch + 1023) / 1024;
            IntStream stream = IntStream.range(0, chunks);
            (chunks > 1 ? stream.parallel() : stream).forEach(k -> {
                for (int b = k * 1024; b < Math.min(batch, (k + 1) * 1024); b++) {
                    alpha[b] = referenceAzimuth(c, b * len, layers);
                    rotateHits(c, b * len, layers, alpha[b]);
                }
            });
            INDArray y = inner.generate(FloatArrays.of(c, condition.shape()), seed);
            float[] out = FloatArrays.copyOf(y);
            int tl = out.length / batch;
            for (int b = 0; b < batch; b++) {
                out[b * tl + 1] = (float) TrackParameters.wrapAngle(out[b * tl + 1] + alpha[b]);
            }
            return FloatArrays.of(out, y.shape());
        }

        @Override
        public ModelCard card() {
            return inner.card();
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
