package org.realitycheck.astro.degrade;

import java.util.Arrays;

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
        for (int pass = 0; pass < 4; pass++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (v[i] >= lo && v[i] <= hi) {
                    work[m++] = v[i];
                }
            }
            if (m == 0) {
                break;
            }
            Arrays.sort(work, 0, m);
            double med = median(work, m);
            for (int i = 0; i < m; i++) {
                work[i] = Math.abs(work[i] - med);
            }
            Arrays.sort(work, 0, m);
            sigma = MAD_TO_SIGMA * median(work, m);
            lo = med - 3 * sigma;
            hi = med + 3 * sigma;
        }
        // a 3σ-clipped normal has its MAD unchanged; the clipping only removes sources
        return sigma;
    }

    private static double median(double[] sorted, int m) {
        return (m % 2 == 1) ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
    }
}
