package org.realitycheck.astro.deconv;

import org.realitycheck.astro.degrade.Background;
import org.realitycheck.astro.degrade.Fft2;
import org.realitycheck.astro.degrade.Optics;
import org.realitycheck.astro.degrade.Otf;

/**
 * Wiener deconvolution (Wiener 1949; e.g. Gonzalez &amp; Woods, Digital Image Processing, §5.8):
 * {@code X̂(k) = H*(k)·D(k) / (|H(k)|² + K)} on the periodic grid (power-of-two FFTs, commons-math3),
 * with a constant noise-to-signal ratio {@code K = σ²/max(⟨d²⟩ − σ², 10⁻³σ²)}: σ is the background
 * noise estimated from the near-zero pixels of the image itself ({@link Background#sigma}), and
 * {@code ⟨d²⟩ − σ²} the signal power per pixel (by Parseval this is the ratio of the white-noise power
 * to the mean signal power per frequency). The zero frequency is passed unchanged ({@code X̂(0) = D(0)})
 * so that the total flux is preserved. Down-sampling, if any, is ignored (Wiener needs a diagonal
 * operator).
 *
 * @param nsr a fixed noise-to-signal ratio {@code K >= 0}, or NaN to estimate it per image (default)
 */
public record Wiener(double nsr) implements Deconvolver {
    public Wiener {
        if (!(nsr >= 0) && !Double.isNaN(nsr)) {
            throw new IllegalArgumentException("nsr must be >= 0 or NaN, got " + nsr);
        }
    }

    /** K estimated per image. */
    public static Wiener defaults() {
        return new Wiener(Double.NaN);
    }

    @Override
    public String name() {
        return "wiener";
    }

    @Override
    public float[] deconvolve(float[] measured, Instrument ins) {
        int s = ins.size();
        int n = s * s;
        Otf otf = Optics.otf(ins.psf(), s, s);
        Fft2 fft = new Fft2(s, s);
        double[] re = new double[n];
        double[] im = new double[n];
        float[] out = new float[measured.length];
        for (int b = 0; b < ins.bands(); b++) {
            int o = b * n;
            double k = nsr;
            if (Double.isNaN(k)) {
                double sigma = Background.sigma(measured, o, o + n);
                double p = 0;
                for (int i = 0; i < n; i++) {
                    p += (double) measured[o + i] * measured[o + i];
                }
                double sig2 = sigma * sigma;
                k = sig2 / Math.max(p / n - sig2, 1e-3 * sig2 + 1e-30);
            }
            for (int i = 0; i < n; i++) {
                re[i] = measured[o + i];
                im[i] = 0;
            }
            fft.forward(re, im);
            for (int i = 1; i < n; i++) {
                double hr = otf.re(i);
                double hi = otf.im(i);
                double den = hr * hr + hi * hi + k;
                double a = re[i];
                double c = im[i];
                // (hr − i·hi)(a + i·c) / den
                re[i] = (hr * a + hi * c) / den;
                im[i] = (hr * c - hi * a) / den;
            }
            fft.inverse(re, im);
            for (int i = 0; i < n; i++) {
                out[o + i] = (float) re[i];
            }
        }
        return out;
    }
}
