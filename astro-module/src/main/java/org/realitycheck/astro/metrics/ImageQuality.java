package org.realitycheck.astro.metrics;

/**
 * Full-reference image quality.
 *
 * <p><b>PSNR</b> {@code = 10·log10(R²/MSE)} in dB, with the data range {@code R} passed explicitly.
 * The astro convention ({@link #psnr(float[], float[])}) is {@code R = max(truth) − min(truth)} of the
 * truth image, in counts. (Schawinski et al. 2017 used R = 255 on 8-bit stretched images; their dB
 * values are not comparable with ours.)
 *
 * <p><b>SSIM</b> (Wang, Bovik, Sheikh &amp; Simoncelli 2004, IEEE TIP 13, 600):
 * {@code SSIM = ((2μxμy + C1)(2σxy + C2)) / ((μx² + μy² + C1)(σx² + σy² + C2))}, {@code C1 = (K1·R)²},
 * {@code C2 = (K2·R)²}, K1 = 0.01, K2 = 0.03, with local statistics from a Gaussian window of
 * σ = 1.5 pixels truncated at 3.5σ (an 11×11 window) and population (not sample) covariances; the mean
 * is taken over the pixels whose whole window lies inside the image. This is what scikit-image's
 * {@code structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False)} computes.
 */
public final class ImageQuality {
    /** SSIM constant K1 (Wang et al. 2004). */
    public static final double K1 = 0.01;
    /** SSIM constant K2 (Wang et al. 2004). */
    public static final double K2 = 0.03;
    /** SSIM Gaussian window σ, pixels (Wang et al. 2004). */
    public static final double SSIM_SIGMA = 1.5;

    private ImageQuality() {
    }

    /** @return the mean squared error */
    public static double mse(float[] truth, float[] est) {
        check(truth, est);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = (double) est[i] - truth[i];
            s += d * d;
        }
        return s / truth.length;
    }

    /**
     * @param dataRange R, {@code > 0}
     * @return PSNR in dB; +∞ when the images are equal
     */
    public static double psnr(float[] truth, float[] est, double dataRange) {
        if (!(dataRange > 0)) {
            throw new IllegalArgumentException("dataRange must be > 0, got " + dataRange);
        }
        return 10 * Math.log10(dataRange * dataRange / mse(truth, est));
    }

    /** PSNR with {@code R = max(truth) − min(truth)} (1 for a constant truth). */
    public static double psnr(float[] truth, float[] est) {
        return psnr(truth, est, range(truth));
    }

    /** @return {@code max − min}, or 1 when that is 0 */
    public static double range(float[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi > lo ? hi - lo : 1.0;
    }

    /**
     * Mean SSIM of two {@code h × w} images.
     *
     * @param dataRange R, {@code > 0}
     */
    public static double ssim(float[] x, float[] y, int h, int w, double dataRange) {
        check(x, y);
        if (x.length != h * w) {
            throw new IllegalArgumentException("images have " + x.length + " values, expected " + h + "x" + w);
        }
        int rad = (int) (3.5 * SSIM_SIGMA + 0.5);
        if (h <= 2 * rad || w <= 2 * rad) {
            throw new IllegalArgumentException("SSIM needs images larger than " + (2 * rad + 1) + " pixels a side");
        }
        double[] k = new double[2 * rad + 1];
        double ks = 0;
        for (int i = -rad; i <= rad; i++) {
            k[i + rad] = Math.exp(-0.5 * i * i / (SSIM_SIGMA * SSIM_SIGMA));
            ks += k[i + rad];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= ks;
        }
        double[][] maps = new double[5][h * w];
        for (int i = 0; i < h * w; i++) {
            double a = x[i];
            double b = y[i];
            maps[0][i] = a;
            maps[1][i] = b;
            maps[2][i] = a * a;
            maps[3][i] = b * b;
            maps[4][i] = a * b;
        }
        double[] tmp = new double[h * w];
        for (double[] m : maps) {
            // separable filter, valid region only: rows first, then columns
            for (int r = 0; r < h; r++) {
                for (int c = rad; c < w - rad; c++) {
                    double s = 0;
                    for (int t = -rad; t <= rad; t++) {
                        s += k[t + rad] * m[r * w + c + t];
                    }
                    tmp[r * w + c] = s;
                }
            }
            for (int r = rad; r < h - rad; r++) {
                for (int c = rad; c < w - rad; c++) {
                    double s = 0;
                    for (int t = -rad; t <= rad; t++) {
                        s += k[t + rad] * tmp[(r + t) * w + c];
                    }
                    m[r * w + c] = s;
                }
            }
        }
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        double sum = 0;
        int n = 0;
        for (int r = rad; r < h - rad; r++) {
            for (int c = rad; c < w - rad; c++) {
                int i = r * w + c;
                double mx = maps[0][i];
                double my = maps[1][i];
                double vx = maps[2][i] - mx * mx;
                double vy = maps[3][i] - my * my;
                double vxy = maps[4][i] - mx * my;
                sum += ((2 * mx * my + c1) * (2 * vxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                n++;
            }
        }
        return sum / n;
    }

    private static void check(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("images must have the same non-zero length, got " + a.length + " and " + b.length);
        }
    }
}
