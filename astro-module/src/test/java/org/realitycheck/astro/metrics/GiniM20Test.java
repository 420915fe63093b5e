package org.realitycheck.astro.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Gini and M20 against closed forms (the references are derived in the comments, not measured). */
class GiniM20Test {
    @Test
    void giniIsZeroForEqualPixelsAndOneForASinglePixel() {
        assertThat(GiniM20.gini(new double[] {3, 3, 3, 3, 3})).isCloseTo(0, within(1e-12));
        assertThat(GiniM20.gini(new double[] {0, 0, 0, 0, 7})).isCloseTo(1, within(1e-12));
        // two values a < b: G = (b - a)/(a + b) by eq. 6 with n = 2
        assertThat(GiniM20.gini(new double[] {1, 3})).isCloseTo(0.5, within(1e-12));
    }

    /** A circular Gaussian, sampled 16x16 per pixel. */
    private static float[] gaussian(int s, double sigma) {
        float[] img = new float[s * s];
        for (int py = 0; py < s; py++) {
            for (int px = 0; px < s; px++) {
                double acc = 0;
                for (int j = 0; j < 16; j++) {
                    for (int i = 0; i < 16; i++) {
                        double dx = px + (i + 0.5) / 16 - s / 2.0;
                        double dy = py + (j + 0.5) / 16 - s / 2.0;
                        acc += Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                    }
                }
                img[py * s + px] = (float) (acc / 256);
            }
        }
        return img;
    }

    /**
     * Gini of a Gaussian cut at I0·e^(-a): over the area inside, x = r²/2σ² is uniform on [0, a] and the
     * value is e^(-x); G = E|X - Y| / (2 E X) = (a - 2 + (a + 2) e^(-a)) / (a (1 - e^(-a))). At a = 2: 0.31304.
     */
    @Test
    void giniOfATruncatedGaussianMatchesTheClosedForm() {
        int s = 64;
        double sigma = 6;
        float[] img = gaussian(s, sigma);
        double a = 2;
        double peak = img[s / 2 * s + s / 2];
        java.util.List<Double> in = new java.util.ArrayList<>();
        for (int py = 0; py < s; py++) {
            for (int px = 0; px < s; px++) {
                double dx = px + 0.5 - s / 2.0;
                double dy = py + 0.5 - s / 2.0;
                if ((dx * dx + dy * dy) / (2 * sigma * sigma) <= a) {
                    in.add((double) img[py * s + px]);
                }
            }
        }
        double expected = (a - 2 + (a + 2) * Math.exp(-a)) / (a * (1 - Math.exp(-a)));
        assertThat(expected).isCloseTo(0.31304, within(1e-5));
        double g = GiniM20.gini(in.stream().mapToDouble(Double::doubleValue).toArray());
        // pixelisation of the boundary and of the peak: a few hundred pixels, margin 0.02
        assertThat(g).isCloseTo(expected, within(0.02));
    }

    /**
     * M20 of a circular Gaussian: M_tot = F·2σ²; the brightest 20% of the light lies within r20² = -2σ² ln 0.8,
     * whose second moment is F·[2σ² - 0.8(r20² + 2σ²)]; so M20 = log10(1 - 0.8(1 - ln 0.8)) = -1.6679.
     */
    @Test
    void m20OfAGaussianMatchesTheClosedForm() {
        int s = 64;
        float[] img = gaussian(s, 4);
        boolean[] all = new boolean[s * s];
        java.util.Arrays.fill(all, true);
        double expected = Math.log10(1 - 0.8 * (1 - Math.log(0.8)));
        assertThat(expected).isCloseTo(-1.6679, within(1e-4));
        assertThat(GiniM20.m20(img, s, all)).isCloseTo(expected, within(0.05));
    }

    /** A point-like source is more concentrated than a broad one: Gini up, M20 down; a second nucleus raises M20. */
    @Test
    void theSegmentedMeasureOrdersConcentrationAndDoubleNuclei() {
        GiniM20.Result broad = GiniM20.measure(gaussian(64, 6), 64);
        float[] sersicLike = gaussian(64, 6);
        float[] core = gaussian(64, 1);
        for (int i = 0; i < core.length; i++) {
            sersicLike[i] += 3 * core[i];
        }
        GiniM20.Result peaked = GiniM20.measure(sersicLike, 64);
        assertThat(peaked.gini()).isGreaterThan(broad.gini() + 0.02);
        assertThat(peaked.m20()).isLessThan(broad.m20() - 0.1);
        float[] pair = gaussian(64, 3);
        float[] other = gaussian(64, 3);
        float[] shifted = new float[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x + 14 < 64; x++) {
                shifted[y * 64 + x + 14] = other[y * 64 + x];
            }
        }
        for (int i = 0; i < pair.length; i++) {
            pair[i] += shifted[i];
        }
        GiniM20.Result merger = GiniM20.measure(pair, 64);
        assertThat(merger.m20()).isGreaterThan(-1.0);
        assertThat(merger.merger()).isTrue();
        assertThat(GiniM20.measure(new float[64 * 64], 64).gini()).isNaN();
    }
}
