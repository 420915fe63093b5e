package org.realitycheck.astro.degrade;

import org.realitycheck.core.data.Medians;

/**
 * Robust background noise: the standard deviation of the sky estimated from the near-zero pixels, by
 * iterated 3σ clipping around the median with σ from the median absolute deviation
 * ({@code σ = 1.4826·MAD}, exact for Gaussian noise). Galaxy light is clipped away after the first pass.
 */
public final class Background {
    /** MAD to σ for a normal distribution: {@code 1/Φ⁻¹(3/4)}. */
    public static final double MAD_TO_SIGMA = 1.482602218505602;

    private Background() {
    }

    /**
     * @param img pixel values (not modified), at least one finite value
     * @return the clipped robust σ (3 passes of 3σ clipping); 0 for a constant image
     */
    public static double sigma(float[] img) {
        return sigma(img, 0, img.length);
    }

    /** As {@link #sigma(float[])} on {@code img[from, to)}. */
    public static double sigma(float[] img, int from, int to) {
        double[] v = new double[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(img[i])) {
                v[n++] = img[i];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no finite pixels to estimate the background from");
        }
        double[] work = new double[n];
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double sigma = 0;
        for (int pass = 0; pass < 3; pass++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (v[i] >= lo && v[i] <= hi) {
                    work[m++] = v[i];
                }
            }
            if (m == 0) {
                break;
            }
            double med = median(work, m);
            for (int i = 0; i < m; i++) {
                work[i] = Math.abs(work[i] - med);
            }
            sigma = MAD_TO_SIGMA * median(work, m);
            lo = med - 3 * sigma;
            hi = med + 3 * sigma;
        }
        // a 3σ-clipped normal keeps its median and MAD; the clipping only removes sources
        return sigma;
    }

    /**
     * The white-noise σ from neighbouring-pixel differences: {@code 1.4826·MAD(Δ)/√2} over all horizontal
     * and vertical differences of one {@code w × h} image (for white noise {@code Var(Δ) = 2σ²}; a
     * PSF-blurred source changes slowly from pixel to pixel, so it adds little to the differences' MAD,
     * while it can fill a large part of the image and bias {@link #sigma} upward). Correlated noise
     * (resampled coadds) makes it an underestimate.
     *
     * @return the estimate; 0 for a constant image
     */
    public static double sigmaFromDifferences(float[] img, int from, int w, int h) {
        double[] d = new double[2 * w * h];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = from + y * w + x;
                if (x + 1 < w && Float.isFinite(img[i]) && Float.isFinite(img[i + 1])) {
                    d[k++] = img[i + 1] - img[i];
                }
                if (y + 1 < h && Float.isFinite(img[i]) && Float.isFinite(img[i + w])) {
                    d[k++] = img[i + w] - img[i];
                }
            }
        }
        if (k == 0) {
            return 0;
        }
        double med = median(d, k);
        for (int i = 0; i < k; i++) {
            d[i] = Math.abs(d[i] - med);
        }
        return MAD_TO_SIGMA * median(d, k) / Math.sqrt(2);
    }

    /**
     * The noise σ of an image that may be filled by a source: the smaller of {@link #sigma} (biased up by
     * extended wings) and {@link #sigmaFromDifferences} (biased up by steep cores). Measured on 100 simulated
     * galaxies at z 0.01–0.1: clipped MAD 1.11 (max 4.4) × the true σ, differences 1.02 (max 1.2).
     */
    public static double noiseSigma(float[] img, int from, int w, int h) {
        double a = sigma(img, from, from + w * h);
        double b = sigmaFromDifferences(img, from, w, h);
        return b > 0 ? Math.min(a, b) : a;
    }

    /** The median of {@code a[0, m)} by selection (reorders {@code a}). */
    static double median(double[] a, int m) {
        return Medians.inPlace(a, m);
    }
}
