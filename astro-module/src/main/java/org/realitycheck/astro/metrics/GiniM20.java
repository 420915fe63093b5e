package org.realitycheck.astro.metrics;

import java.util.Arrays;

/**
 * The Gini coefficient and M20 of a galaxy image (Lotz, Primack &amp; Madau 2004, AJ 128, 163, §3), the
 * non-parametric morphology whose plane separates spheroids, disks and mergers.
 *
 * <ul>
 *   <li><b>Gini</b> of the {@code n} segmented pixel values sorted ascending, |X|₁ ≤ … ≤ |X|ₙ:
 *       {@code G = Σᵢ (2i − n − 1)|Xᵢ| / (mean|X|·n·(n − 1))} (LPM04 eq. 6): 0 when all pixels are equal, 1 when
 *       one pixel holds all the light.</li>
 *   <li><b>M20</b>: {@code M_tot = Σ fᵢ·rᵢ²} about the centre that minimises it (the flux-weighted centroid of the
 *       segmented pixels); the brightest pixels are summed down until they hold 20% of the flux, and
 *       {@code M20 = log10(Σ Mᵢ / M_tot)} over those (LPM04 eq. 7–8).</li>
 *   <li><b>Segmentation</b> (LPM04 §3.1): the Petrosian radius {@code r_p} is where the mean surface brightness
 *       in the annulus 0.8r to 1.2r is η = 0.2 times the mean within r, about the brightest pixel within 2 pixels of
 *       the stamp's centre (r bounded by the stamp); the galaxy's pixels are those at or above the annulus' mean
 *       surface brightness at {@code r_p} and connected to that pixel, so that neighbours and stars in the stamp
 *       are left out as a deblended segmentation map would. (LPM04 smooth the image by r_p/5 first, which matters for noisy
 *       images; these statistics are taken on noise-free truth images and the caller may smooth.)</li>
 * </ul>
 * The classification lines of Lotz et al. 2008 (ApJ 672, 177, §3): mergers lie above
 * {@code G = −0.14·M20 + 0.33}; among the rest, E/S0/Sa lie above {@code G = 0.14·M20 + 0.80}, Sb–Irr below.
 */
public final class GiniM20 {
    /** Petrosian ratio η of the segmentation (LPM04). */
    public static final double ETA = 0.2;

    private GiniM20() {
    }

    /** @param gini G in [0, 1] @param m20 M20 (log10, ≤ 0) @param pixels segmented pixels */
    public record Result(double gini, double m20, int pixels) {
        /** @return true above the merger line of Lotz et al. 2008 */
        public boolean merger() {
            return gini > -0.14 * m20 + 0.33;
        }

        /** @return true for E/S0/Sa in Lotz et al. 2008 (not a merger, above the early-type line) */
        public boolean earlyType() {
            return !merger() && gini > 0.14 * m20 + 0.80;
        }
    }

    /**
     * Gini of values (their absolute values), LPM04 eq. 6.
     *
     * @param values at least 2 values, not modified
     * @return G, NaN when all are zero
     */
    public static double gini(double[] values) {
        double[] a = new double[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(values[i]);
        }
        Arrays.sort(a);
        int n = a.length;
        double sum = 0;
        double w = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i];
            w += (2.0 * (i + 1) - n - 1) * a[i];
        }
        return sum > 0 && n > 1 ? w / (sum / n * n * (n - 1)) : Double.NaN;
    }

    /**
     * M20 of the pixels {@code mask} selects, LPM04 eq. 7–8, about their flux-weighted centroid.
     *
     * @param img {@code s × s} values, row-major
     * @param mask the pixels of the galaxy
     */
    public static double m20(float[] img, int s, boolean[] mask) {
        double f = 0;
        double fx = 0;
        double fy = 0;
        int n = 0;
        for (int i = 0; i < img.length; i++) {
            if (mask[i] && img[i] > 0) {
                f += img[i];
                fx += img[i] * (i % s + 0.5);
                fy += img[i] * (i / s + 0.5);
                n++;
            }
        }
        if (!(f > 0)) {
            return Double.NaN;
        }
        double cx = fx / f;
        double cy = fy / f;
        double[][] pm = new double[n][];
        int k = 0;
        double mtot = 0;
        for (int i = 0; i < img.length; i++) {
            if (mask[i] && img[i] > 0) {
                double dx = i % s + 0.5 - cx;
                double dy = i / s + 0.5 - cy;
                double m = img[i] * (dx * dx + dy * dy);
                pm[k++] = new double[] {img[i], m};
                mtot += m;
            }
        }
        Arrays.sort(pm, (a, b) -> Double.compare(b[0], a[0]));
        double acc = 0;
        double msum = 0;
        for (double[] p : pm) {
            if (acc >= 0.2 * f) {
                break;
            }
            acc += p[0];
            msum += p[1];
        }
        return Math.log10(msum / mtot);
    }

    /**
     * Gini and M20 of a galaxy stamp with LPM04's Petrosian segmentation: pixels at or above the mean surface
     * brightness at the Petrosian radius (η = {@value #ETA}) about the light-weighted centroid.
     *
     * @param img an {@code s × s} image, background-subtracted, row-major; not modified
     * @return the statistics; NaN when the stamp has no positive light
     */
    public static Result measure(float[] img, int s) {
        double total = 0;
        for (float v : img) {
            total += Math.max(0, v);
        }
        if (!(total > 0)) {
            return new Result(Double.NaN, Double.NaN, 0);
        }
        // the galaxy is the stamp's centred object (a cut-out is centred on it): start from the brightest pixel
        // within 2 pixels of the centre
        int seed = -1;
        for (int y = s / 2 - 2; y < s / 2 + 2; y++) {
            for (int x = s / 2 - 2; x < s / 2 + 2; x++) {
                if (seed < 0 || img[y * s + x] > img[seed]) {
                    seed = y * s + x;
                }
            }
        }
        double threshold = petrosianSurfaceBrightness(img, s, seed % s + 0.5, seed / s + 0.5);
        boolean[] mask = connected(img, s, seed, threshold);
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        double[] vals = new double[n];
        int k = 0;
        for (int i = 0; i < img.length; i++) {
            if (mask[i]) {
                vals[k++] = img[i];
            }
        }
        return new Result(n > 1 ? gini(vals) : Double.NaN, n > 1 ? m20(img, s, mask) : Double.NaN, n);
    }

    /** The 8-connected pixels at or above {@code threshold} reached from {@code seed}: the galaxy without its neighbours. */
    static boolean[] connected(float[] img, int s, int seed, double threshold) {
        boolean[] mask = new boolean[img.length];
        if (!(img[seed] >= threshold)) {
            return mask;
        }
        int[] stack = new int[img.length];
        int top = 0;
        stack[top++] = seed;
        mask[seed] = true;
        while (top > 0) {
            int i = stack[--top];
            int x = i % s;
            int y = i / s;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx < s && ny < s) {
                        int j = ny * s + nx;
                        if (!mask[j] && img[j] >= threshold) {
                            mask[j] = true;
                            stack[top++] = j;
                        }
                    }
                }
            }
        }
        return mask;
    }

    /** The mean surface brightness in the annulus at the Petrosian radius; the stamp's edge bounds r. */
    static double petrosianSurfaceBrightness(float[] img, int s, double cx, double cy) {
        double step = 0.5;
        double rMax = s / 2.0;
        double last = 0;
        for (double r = 1.0; r <= rMax; r += step) {
            double in = 0;
            int nIn = 0;
            double ann = 0;
            int nAnn = 0;
            for (int i = 0; i < img.length; i++) {
                double dx = i % s + 0.5 - cx;
                double dy = i / s + 0.5 - cy;
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d < r) {
                    in += img[i];
                    nIn++;
                }
                if (d >= 0.8 * r && d < 1.2 * r) {
                    ann += img[i];
                    nAnn++;
                }
            }
            if (nIn == 0 || nAnn == 0) {
                continue;
            }
            double mu = ann / nAnn;
            last = mu;
            if (mu / (in / nIn) <= ETA) {
                return mu;
            }
        }
        return last;
    }
}
