package org.realitycheck.astro.deconv;

import org.realitycheck.astro.degrade.Convolver;
import org.realitycheck.astro.degrade.Optics;
import org.realitycheck.astro.degrade.Otf;
import org.realitycheck.astro.degrade.Pooling;

/**
 * The linear part of the measurement, {@code A = B ∘ P}: circular convolution with the PSF, then the
 * block average B of the down-sampling (identity without it), per band; and its adjoint
 * {@code Aᵀ = Pᵀ ∘ B}. Richardson–Lucy, Wiener and the forward-model check all use this one operator.
 */
public final class ForwardOperator {
    private ForwardOperator() {
    }

    /**
     * {@code out = A·in} (or {@code Aᵀ·in}) for one band.
     *
     * @param in {@code size²} values from {@code off}
     * @param out {@code size²} values written from {@code outOff}; may alias {@code in}
     */
    static void apply(Instrument ins, double[] in, int off, double[] out, int outOff, boolean adjoint) {
        int s = ins.size();
        Convolver conv = Optics.convolver(s, s);
        Otf otf = Optics.otf(ins.psf(), s, s);
        if (adjoint) {
            if (in != out || off != outOff) {
                System.arraycopy(in, off, out, outOff, s * s);
            }
            Pooling.blockAverage(out, outOff, s, s, ins.downsample());
            conv.apply(out, outOff, otf, true, out, outOff);
        } else {
            conv.apply(in, off, otf, false, out, outOff);
            Pooling.blockAverage(out, outOff, s, s, ins.downsample());
        }
    }

    /** {@code A} (or {@code Aᵀ}) on two images of one band at once, in place ({@link Convolver#applyPair}). */
    static void applyPair(Instrument ins, double[] a, double[] b, boolean adjoint) {
        int s = ins.size();
        Convolver conv = Optics.convolver(s, s);
        Otf otf = Optics.otf(ins.psf(), s, s);
        if (adjoint) {
            Pooling.blockAverage(a, 0, s, s, ins.downsample());
            Pooling.blockAverage(b, 0, s, s, ins.downsample());
            conv.applyPair(a, b, otf, true);
        } else {
            conv.applyPair(a, b, otf, false);
            Pooling.blockAverage(a, 0, s, s, ins.downsample());
            Pooling.blockAverage(b, 0, s, s, ins.downsample());
        }
    }

    /**
     * The noise-free measurement predicted from an image: {@code A·image} for every band.
     *
     * @param image {@code bands·size²} values, counts
     * @return a new array of the same length
     */
    public static float[] forward(float[] image, Instrument ins) {
        int n = ins.size() * ins.size();
        if (image.length != ins.bands() * n) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected " + ins.bands() * n);
        }
        double[] buf = new double[n];
        float[] out = new float[image.length];
        for (int b = 0; b < ins.bands(); b++) {
            for (int i = 0; i < n; i++) {
                buf[i] = image[b * n + i];
            }
            apply(ins, buf, 0, buf, 0, false);
            for (int i = 0; i < n; i++) {
                out[b * n + i] = (float) buf[i];
            }
        }
        return out;
    }

    /**
     * {@code χ² = Σ ((d − A·x)/σ)²} over independent measured pixels (one per down-sampling block),
     * with the constant background σ as the noise map.
     *
     * @param image the restored image x
     * @param measured the measurement d
     * @return {@code {χ², ndf}}
     */
    public static double[] chi2(float[] image, float[] measured, Instrument ins) {
        float[] pred = forward(image, ins);
        int s = ins.size();
        int f = ins.downsample();
        double inv = 1 / (ins.skySigma() * ins.skySigma());
        double chi2 = 0;
        int ndf = 0;
        for (int b = 0; b < ins.bands(); b++) {
            for (int y = 0; y < s; y += f) {
                for (int x = 0; x < s; x += f) {
                    int i = b * s * s + y * s + x;
                    double d = measured[i] - pred[i];
                    chi2 += d * d * inv;
                    ndf++;
                }
            }
        }
        return new double[] {chi2, ndf};
    }
}
