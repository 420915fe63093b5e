package org.realitycheck.astro.metrics;

/**
 * Simple photometry on one {@code h × w} band, in counts and pixels. Pixel {@code (i, j)} has its
 * centre at {@code (i + 0.5, j + 0.5)}; apertures include the pixels whose centre lies inside.
 */
public final class Photometry {
    private Photometry() {
    }

    /** @return the sum of all pixels (the total flux; noise averages out) */
    public static double totalFlux(float[] img, int offset, int h, int w) {
        double s = 0;
        for (int i = 0; i < h * w; i++) {
            s += img[offset + i];
        }
        return s;
    }

    /** @return the sum of the pixels whose centre lies within {@code r} of {@code (cx, cy)} */
    public static double apertureFlux(float[] img, int offset, int h, int w, double cx, double cy, double r) {
        double s = 0;
        double r2 = r * r;
        int y0 = Math.max(0, (int) Math.floor(cy - r - 1));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + r + 1));
        int x0 = Math.max(0, (int) Math.floor(cx - r - 1));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + r + 1));
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                if (dx * dx + dy * dy <= r2) {
                    s += img[offset + y * w + x];
                }
            }
        }
        return s;
    }

    /**
     * The flux-weighted centroid of the positive pixels (negative noise pixels would pull the weights
     * towards zero and beyond).
     *
     * @return {@code {x, y}} in pixels; the image centre when no pixel is positive
     */
    public static double[] centroid(float[] img, int offset, int h, int w) {
        double s = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = img[offset + y * w + x];
                if (v > 0) {
                    s += v;
                    sx += v * (x + 0.5);
                    sy += v * (y + 0.5);
                }
            }
        }
        return s > 0 ? new double[] {sx / s, sy / s} : new double[] {w / 2.0, h / 2.0};
    }

    /**
     * The circular half-light radius: the radius around {@code (cx, cy)} that encloses half of
     * {@code total}, from the growth curve of the pixel fluxes sorted by centre distance, linearly
     * interpolated between pixels.
     *
     * @param total the flux the half refers to, {@code > 0}
     * @param rMax pixels beyond this radius are ignored
     * @return the radius in pixels, or NaN when the enclosed flux never reaches {@code total/2}
     */
    public static double halfLightRadius(float[] img, int offset, int h, int w, double cx, double cy, double total,
            double rMax) {
        if (!(total > 0)) {
            return Double.NaN;
        }
        int n = 0;
        long[] keys = new long[h * w];
        double[] dist = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d <= rMax) {
                    dist[y * w + x] = d;
                    // sort by distance, keep the pixel index in the low bits
                    keys[n++] = (Double.doubleToLongBits(d) & ~0xFFFFFL) | (y * w + x);
                }
            }
        }
        java.util.Arrays.sort(keys, 0, n);
        double half = total / 2;
        double cum = 0;
        double prevR = 0;
        for (int k = 0; k < n; k++) {
            int idx = (int) (keys[k] & 0xFFFFFL);
            double r = dist[idx];
            double v = img[offset + idx];
            if (cum + v >= half && v > 0) {
                return prevR + (r - prevR) * (half - cum) / v;
            }
            cum += v;
            prevR = r;
        }
        return Double.NaN;
    }
}
