package org.realitycheck.astro.formulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.astro.deconv.Instrument;
import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.astro.degrade.Convolver;
import org.realitycheck.astro.degrade.Otf;
import org.realitycheck.astro.degrade.Psf;
import org.realitycheck.astro.degrade.Stretch;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.ForwardingGenerator;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.data.Normalization;

/**
 * The residual-to-Richardson–Lucy formulation of the astro GAN. The generator sees the Richardson–Lucy
 * restoration {@code R} of the degraded image ({@link RichardsonLucy#defaults()}: stopped by the
 * discrepancy principle, with the sample's own instrument, exactly as validation runs the conventional
 * method), through the domain's asinh stretch, and predicts a correction {@code c}; the restored image is
 * <pre>  x = R + Δ − P ⊛ Δ,   Δ = δ·sinh(β·c)</pre>
 * with {@code P} the sample's PSF, δ = {@value #DELTA} counts and β = {@value #BETA}. So {@code c = 0}
 * gives {@code R} exactly, and the learned part only has to beat Richardson–Lucy: remove the noise it
 * leaves, sharpen what it under-resolves. The training target is {@code c = asinh((truth − R)/δ)/β}: the
 * L1 term weighs the difference linearly in counts below δ and logarithmically above, so that neither the
 * bright cores (as in counts) nor the faint outskirts (as in the stretch) dominate it.
 *
 * <p><b>Why {@code − P ⊛ Δ}.</b> The L1 term makes each pixel's correction median-unbiased, not
 * mean-unbiased, and a small negative median over many faint pixels adds up: without the term, a model
 * restored better than Richardson–Lucy in PSNR but lost a sizeable part of faint galaxies' aperture flux
 * (the measurements are in docs/astro-gan.md). Richardson–Lucy's flux is the measured flux (it conserves
 * it, and its re-blurred image explains the data to the noise), so the correction is only allowed what the
 * PSF hides: its part that the PSF would pass is removed at inference. Total flux and the light on empty
 * fields are then Richardson–Lucy's exactly (the removed part has the correction's whole sum).
 *
 * <p>This is fixed processing of the model, recorded in its card ({@link AstroFormulation#NOTE_KEY}
 * {@code = }{@link #NOTE}) and applied by {@link #wrap} wherever the astro domain adapts a loaded
 * generator, so that every user of the model sees degraded images in and restored images out, in counts.
 */
public final class RlResidual {
    /** The identifier recorded in the card, before a colon and the description. */
    public static final String ID = "astro.residual-rl/1";
    /** The card's {@link AstroFormulation#NOTE_KEY} note: the identifier, then what it means. */
    public static final String NOTE = ID + ": the generator's input is the Richardson-Lucy restoration R of the "
            + "degraded image (RichardsonLucy.defaults(): first iterate with chi2/ndf <= 1, at most "
            + RichardsonLucy.MAX_ITERATIONS + " iterations, with the sample's own instrument), stretched as the "
            + "condition normalisation says; its output is a correction c, and the restored image is "
            + "R + D - P * D with D = 0.5 sinh(6 c) counts and P * the convolution with the sample's PSF. "
            + "The astro domain applies this on loading.";

    /**
     * Softening δ of the correction's scale, counts: below it the correction is linear in counts. 0.5 is
     * about 8σ of the default sky noise (0.06), so the noise RL leaves and the faint structure are weighed
     * linearly, the cores' large differences logarithmically.
     */
    public static final double DELTA = 0.5;
    /**
     * Divisor β: {@code asinh(Δ/δ)/β} reaches the tanh output's ±1 at |Δ| = δ·sinh(β) ≈ 100 counts, beyond
     * the largest truth − RL difference of the training galaxies (their brightest truth pixels reach ~140).
     */
    public static final double BETA = 6;
    private static final RichardsonLucy RL = RichardsonLucy.defaults();

    private RlResidual() {
    }

    /**
     * {@code Δ − P ⊛ Δ} per band, {@code P} the instrument's PSF (normalised, periodic): what the correction
     * adds at scales the PSF blurs away. Its sum over the image is 0, so the restored image has exactly the
     * Richardson–Lucy flux (which conserves the measured flux), and on scales much larger than the PSF (an
     * aperture of 8 pixels) it moves almost no flux.
     *
     * @param delta the correction in counts, {@code bands × size × size}
     * @param ins the sample's instrument
     * @return a new array
     */
    public static float[] highPass(float[] delta, Instrument ins) {
        int n = ins.size();
        Psf k = ins.psf();
        int side = Math.min(n - 1, 2 * (int) Math.ceil(3 * k.fwhmPix()) + 1);
        Otf otf = Otf.of(k.stamp(side, 1, true), side, n, n);
        Convolver conv = new Convolver(n, n);
        float[] out = new float[delta.length];
        for (int b = 0; b < delta.length / (n * n); b++) {
            conv.apply(delta, b * n * n, otf, false, out, b * n * n);
        }
        for (int i = 0; i < delta.length; i++) {
            out[i] = delta[i] - out[i];
        }
        return out;
    }

    /** @return {@code Δ = δ·sinh(β·c)}: the generator's output {@code c} in counts, before {@link #highPass} */
    public static float[] counts(float[] correction) {
        float[] d = new float[correction.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (DELTA * Math.sinh(BETA * correction[i]));
        }
        return d;
    }

    /**
     * @param rl the Richardson–Lucy restoration, counts
     * @param correction the generator's output, same length
     * @param ins the sample's instrument (its PSF)
     * @return {@code rl + highPass(counts(correction))}, counts; {@code rl} itself where the correction is 0
     */
    public static float[] restore(float[] rl, float[] correction, Instrument ins) {
        if (rl.length != correction.length) {
            throw new IllegalArgumentException("rl has " + rl.length + " values, correction " + correction.length);
        }
        float[] d = highPass(counts(correction), ins);
        for (int i = 0; i < rl.length; i++) {
            d[i] += rl[i];
        }
        return d;
    }

    /** @return the training target for {@code truth} given {@code rl}: {@code asinh((truth − rl)/δ)/β}, the inverse of {@link #counts} */
    public static float[] correction(float[] truth, float[] rl) {
        if (rl.length != truth.length) {
            throw new IllegalArgumentException("rl has " + rl.length + " values, truth " + truth.length);
        }
        float[] out = new float[rl.length];
        for (int i = 0; i < rl.length; i++) {
            double v = (truth[i] - (double) rl[i]) / DELTA;
            out[i] = (float) (Math.log(v + Math.sqrt(v * v + 1)) / BETA);
        }
        return out;
    }

    /**
     * @param set degraded images (conditions) with their covariates (the instrument)
     * @return the Richardson–Lucy restoration of every condition, in order
     */
    public static List<float[]> richardsonLucy(SampleSet set) {
        List<Estimate> est = RL.estimateAll(set);
        List<float[]> out = new ArrayList<>(est.size());
        for (Estimate e : est) {
            out.add(e.value());
        }
        return out;
    }

    /**
     * The training set of this formulation: each sample's condition replaced by its Richardson–Lucy
     * restoration (counts) and its target by {@link #correction}; ids, kinds and covariates kept.
     *
     * @param data labelled samples, every one with a target
     * @throws IllegalArgumentException when a sample has no target
     */
    public static SampleSet trainingSet(SampleSet data) {
        List<float[]> rl = richardsonLucy(data);
        List<Sample> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            Sample s = data.get(i);
            float[] t = s.target().orElseThrow(() -> new IllegalArgumentException("sample " + s.id() + " has no target"));
            out.add(new Sample(s.id(), s.kind(), rl.get(i), correction(t, rl.get(i)), s.covariates(), s.metadata()));
        }
        return new SampleSet(out, data.conditionShape(), data.targetShape());
    }

    /** @return {@code stretch} (the domain's) on the Richardson–Lucy input, nothing on the correction (already in network scale) */
    public static Normalization normalization(Stretch stretch) {
        return new Normalization(stretch.toTransform(), new FeatureTransform.Identity());
    }

    /** @return {@code raw}, a generator trained on {@link #trainingSet}, as one that maps degraded images to restored ones */
    public static Generator wrap(Generator raw) {
        return new Wrapped(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * Degraded images in, restored images out. {@link #generateAll} runs Richardson–Lucy with each
     * sample's instrument (its covariates); {@link #generate} has the conditions alone and so assumes the
     * simulator's default instrument with the noise measured from each image ({@link
     * org.realitycheck.astro.deconv.Instrument#of}).
     */
    private static final class Wrapped extends ForwardingGenerator {
        Wrapped(Generator inner) {
            super(inner);
        }

        @Override
        public INDArray generate(INDArray condition, long seed) {
            int batch = Math.toIntExact(condition.size(0));
            float[] c = FloatArrays.copyOf(condition);
            int len = c.length / Math.max(1, batch);
            List<Sample> samples = new ArrayList<>(batch);
            for (int b = 0; b < batch; b++) {
                samples.add(new Sample("b" + b, "galaxy", java.util.Arrays.copyOfRange(c, b * len, (b + 1) * len), null,
                        Map.of()));
            }
            long[] shape = java.util.Arrays.copyOfRange(condition.shape(), 1, condition.rank());
            return run(new SampleSet(samples, shape, shape), seed, condition.shape());
        }

        @Override
        public List<float[]> generateAll(SampleSet set, long seed) {
            // each batch's samples, not only their conditions: Richardson–Lucy needs their instruments
            return Generator.inBatches(set, seed, preferredBatchSize(),
                    (from, to, s) -> run(set.slice(from, to), s, SampleSet.batchShape(to - from, set.conditionShape())));
        }

        /** Richardson–Lucy on {@code set}, the inner generator on that, then the correction applied. */
        private INDArray run(SampleSet set, long seed, long[] shape) {
            List<float[]> rl = richardsonLucy(set);
            int len = set.conditionLength();
            float[] in = new float[set.size() * len];
            for (int i = 0; i < rl.size(); i++) {
                System.arraycopy(rl.get(i), 0, in, i * len, len);
            }
            INDArray y = inner.generate(FloatArrays.of(in, shape), seed);
            float[] corr = FloatArrays.copyOf(y);
            int tl = corr.length / set.size();
            float[] out = new float[corr.length];
            for (int i = 0; i < set.size(); i++) {
                float[] ci = java.util.Arrays.copyOfRange(corr, i * tl, (i + 1) * tl);
                System.arraycopy(restore(rl.get(i), ci, Instrument.of(set.get(i))), 0, out, i * tl, tl);
            }
            return FloatArrays.of(out, y.shape());
        }

    }
}
