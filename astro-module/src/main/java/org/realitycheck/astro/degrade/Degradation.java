package org.realitycheck.astro.degrade;

import java.util.Objects;
import java.util.SplittableRandom;

import org.apache.commons.math3.special.Gamma;

/**
 * Degrades a truth image the way the instrument (or the GalaxyGAN recipe) would: circular convolution
 * with the PSF, optional down-sampling by block averaging (kept on the full grid), and noise.
 *
 * <p>{@link NoiseModel#GALAXYGAN} (Schawinski et al. 2017, §2): {@code original = truth + N(0, σ_orig²)};
 * {@code blurred = P ⊛ original}; σ_blurred is the native noise after the blur — {@code σ_orig·‖P‖₂}
 * exactly when σ_orig is given, else estimated from the near-zero pixels of the blurred image
 * ({@link Background#sigma}) as in the paper; white noise of variance {@code max(0, (sig·σ_orig)² − σ_blurred²)} is
 * added. The noise map is then the constant {@code sig·σ_orig}.
 *
 * <p>{@link NoiseModel#POISSON}: {@code d = Poisson(gain·(P⊛truth + sky))/gain − sky + N(0, rn²)}; the
 * noise map is {@code σ² = (max(P⊛truth, 0) + sky)/gain + rn²}.
 *
 * @param psf the PSF, never null
 * @param noise the noise model, never null
 * @param sig GalaxyGAN background multiplier ({@code >= 1}; default 1.2)
 * @param sigmaOrig native background σ of the original image in counts ({@code >= 0}; NaN = estimate it
 *     from the image)
 * @param sky sky level in counts for the Poisson model ({@code >= 0})
 * @param gain electrons per count for the Poisson model ({@code > 0})
 * @param readNoise Gaussian read noise in counts for the Poisson model ({@code >= 0})
 * @param downsample block side of the down-sampling, {@code >= 1} (1 = none)
 */
public record Degradation(Psf psf, NoiseModel noise, double sig, double sigmaOrig, double sky, double gain,
        double readNoise, int downsample) {
    /** Default GalaxyGAN σ multiplier. */
    public static final double DEFAULT_SIG = 1.2;

    public Degradation {
        Objects.requireNonNull(psf, "psf");
        Objects.requireNonNull(noise, "noise");
        if (!(sig >= 1)) {
            throw new IllegalArgumentException("sig must be >= 1, got " + sig);
        }
        if (!(sigmaOrig >= 0) && !Double.isNaN(sigmaOrig)) {
            throw new IllegalArgumentException("sigmaOrig must be >= 0 or NaN, got " + sigmaOrig);
        }
        if (!(sky >= 0) || !(gain > 0) || !(readNoise >= 0)) {
            throw new IllegalArgumentException("need sky >= 0, gain > 0, readNoise >= 0; got " + sky + ", " + gain + ", " + readNoise);
        }
        if (downsample < 1) {
            throw new IllegalArgumentException("downsample must be >= 1, got " + downsample);
        }
    }

    /** The GalaxyGAN recipe with the given PSF, {@code sig} and native σ. */
    public static Degradation galaxyGan(Psf psf, double sig, double sigmaOrig) {
        return new Degradation(psf, NoiseModel.GALAXYGAN, sig, sigmaOrig, 0, 1, 0, 1);
    }

    /** Plain Poisson + Gaussian read noise. */
    public static Degradation poisson(Psf psf, double sky, double gain, double readNoise) {
        return new Degradation(psf, NoiseModel.POISSON, 1, Double.NaN, sky, gain, readNoise, 1);
    }

    /** @return this degradation with a down-sampling block {@code f} */
    public Degradation withDownsample(int f) {
        return new Degradation(psf, noise, sig, sigmaOrig, sky, gain, readNoise, f);
    }

    /**
     * The final background σ in counts: {@code sig·σ_orig} (GalaxyGAN) or {@code √(sky/gain + rn²)}
     * (Poisson). NaN for GalaxyGAN when σ_orig is to be estimated.
     */
    public double backgroundSigma() {
        return noise == NoiseModel.GALAXYGAN ? sig * sigmaOrig : Math.sqrt(sky / gain + readNoise * readNoise);
    }

    /**
     * The noise-free part: {@code blockAverage(P ⊛ image)}, on the periodic grid.
     *
     * @param image {@code h × w} values (powers of two), not modified
     * @return a new array
     */
    public double[] blur(float[] image, int h, int w) {
        double[] d = new double[h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = image[i];
        }
        Optics.convolver(h, w).apply(d, 0, Optics.otf(psf, h, w), false, d, 0);
        Pooling.blockAverage(d, 0, h, w, downsample);
        return d;
    }

    /**
     * Degrades one band.
     *
     * @param truth the truth image, {@code h × w} row-major, counts; not modified
     * @param rnd the random source for the noise
     * @return the degraded image and its background σ
     */
    public Result apply(float[] truth, int h, int w, SplittableRandom rnd) {
        if (truth.length != h * w) {
            throw new IllegalArgumentException("truth has " + truth.length + " values, expected " + h + "x" + w);
        }
        float[] out = new float[h * w];
        if (noise == NoiseModel.GALAXYGAN) {
            double s0 = Double.isNaN(sigmaOrig) ? Background.sigma(truth) : sigmaOrig;
            double[] orig = new double[h * w];
            for (int i = 0; i < orig.length; i++) {
                orig[i] = truth[i] + s0 * rnd.nextGaussian();
            }
            Optics.convolver(h, w).apply(orig, 0, Optics.otf(psf, h, w), false, orig, 0);
            Pooling.blockAverage(orig, 0, h, w, downsample);
            for (int i = 0; i < orig.length; i++) {
                out[i] = (float) orig[i];
            }
            // σ of the blurred native noise: exactly σ_orig·‖row of A‖₂ when σ_orig is known (galaxy light
            // would bias an estimate from the image); estimated from the near-zero pixels otherwise
            double sb = Double.isNaN(sigmaOrig) ? Background.sigma(out) : s0 * rowNorm(h, w);
            double target = sig * s0;
            double add = Math.sqrt(Math.max(0, target * target - sb * sb));
            addBlockNoise(out, h, w, add, rnd);
            return new Result(out, target);
        }
        double[] b = blur(truth, h, w);
        int f = downsample;
        for (int y = 0; y < h; y += f) {
            for (int x = 0; x < w; x += f) {
                // one detector pixel per block: its mean is what the down-sampled detector measured
                double lam = Math.max(0, (b[y * w + x] + sky) * gain * f * f);
                double v = poisson(lam, rnd) / (gain * f * f) - sky + readNoise / f * rnd.nextGaussian();
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < f; i++) {
                        out[(y + j) * w + x + i] = (float) v;
                    }
                }
            }
        }
        return new Result(out, backgroundSigma());
    }

    /**
     * Degrades an image that was <em>observed</em> (a real high-resolution cut-out, which carries its own
     * noise), the way GalaxyGAN degraded SDSS images (Schawinski et al. 2017, §2): {@code blurred = P ⊛ image}
     * (with the down-sampling, if any), then white noise of variance {@code max(0, (sig·σ_orig)² − σ_blurred²)}
     * with {@code σ_blurred = σ_orig·‖P‖₂}, the native noise after the blur. Unlike {@link #apply}, no native
     * noise is added: the image has it already. Only the GalaxyGAN noise model applies.
     *
     * @param image the observed image, {@code h × w} row-major, counts; not modified
     * @param sigmaNative its native background σ in counts ({@code > 0}), e.g. {@link Background#noiseSigma}
     * @param rnd the random source for the added noise
     * @return the degraded image and its background σ, {@code sig·σ_native}
     */
    public Result applyObserved(float[] image, int h, int w, double sigmaNative, SplittableRandom rnd) {
        if (image.length != h * w) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected " + h + "x" + w);
        }
        if (noise != NoiseModel.GALAXYGAN) {
            throw new IllegalArgumentException("an observed image is degraded by the GalaxyGAN recipe only, not " + noise);
        }
        if (!(sigmaNative > 0) || !Double.isFinite(sigmaNative)) {
            throw new IllegalArgumentException("sigmaNative must be finite and > 0, got " + sigmaNative);
        }
        double[] b = blur(image, h, w);
        float[] out = new float[h * w];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) b[i];
        }
        double sb = sigmaNative * rowNorm(h, w);
        double target = sig * sigmaNative;
        addBlockNoise(out, h, w, Math.sqrt(Math.max(0, target * target - sb * sb)), rnd);
        return new Result(out, target);
    }

    /** ‖row of A‖₂ for A = blockAverage ∘ P: the noise gain of the blur (rows of A are all alike). */
    private double rowNorm(int h, int w) {
        double[] t = new double[h * w];
        t[0] = 1;
        Pooling.blockAverage(t, 0, h, w, downsample);
        Optics.convolver(h, w).apply(t, 0, Optics.otf(psf, h, w), true, t, 0);
        double s = 0;
        for (double v : t) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private void addBlockNoise(float[] img, int h, int w, double sigma, SplittableRandom rnd) {
        int f = downsample;
        // one draw per block: the down-sampled detector pixel, replicated over the block
        double s = sigma;
        for (int y = 0; y < h; y += f) {
            for (int x = 0; x < w; x += f) {
                double n = s * rnd.nextGaussian();
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < f; i++) {
                        img[(y + j) * w + x + i] += (float) n;
                    }
                }
            }
        }
    }

    /**
     * A Poisson variate: multiplication method (Knuth) below λ = 10, otherwise Hörmann's transformed
     * rejection PTRS (Hörmann 1993, Insurance: Math. Econ. 12, 39), exact for every λ.
     */
    static long poisson(double lam, SplittableRandom rnd) {
        if (lam <= 0) {
            return 0;
        }
        if (lam < 10) {
            double l = Math.exp(-lam);
            long k = 0;
            double p = rnd.nextDouble();
            while (p > l) {
                k++;
                p *= rnd.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rnd.nextDouble() - 0.5;
            double v = rnd.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - Gamma.logGamma(k + 1.0)) {
                return k;
            }
        }
    }

    /**
     * @param image the degraded image, counts
     * @param noiseSigma its background σ, counts
     */
    public record Result(float[] image, double noiseSigma) {
        public Result {
            Objects.requireNonNull(image, "image");
        }
    }
}
