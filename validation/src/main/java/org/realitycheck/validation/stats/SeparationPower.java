package org.realitycheck.validation.stats;

/**
 * Separation power {@code S = ½ Σ_i (h_i - g_i)² / (h_i + g_i)} between two unit-normalised
 * histograms {@code h}, {@code g} on a common binning (bins with {@code h_i + g_i = 0} contribute 0).
 * S is 0 for identical and 1 for non-overlapping histograms. Source: CaloChallenge,
 * Krause et al., arXiv:2410.21611 (their eq. for the "separation power", a triangular discriminator).
 */
public final class SeparationPower {

    private SeparationPower() {
    }

    /**
     * S of two samples histogrammed with {@code bins} equal bins over their pooled
     * {@code [min, max]} (numpy binning, max included in the last bin).
     *
     * @param a    first sample, at least one finite value, never null
     * @param b    second sample, at least one finite value, never null
     * @param bins number of bins, {@code >= 1}
     * @return S in [0, 1]; 0 if every value of both samples is the same number
     */
    public static double of(double[] a, double[] b, int bins) {
        Args.finite("a", a, 1);
        Args.finite("b", b, 1);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] s : new double[][] {a, b}) {
            for (double v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max) {
            return 0.0;
        }
        return of(Histogram.of(min, max, bins).addAll(a), Histogram.of(min, max, bins).addAll(b));
    }

    /**
     * S of two histograms; each is normalised over its in-range entries (underflow, overflow and NaN
     * are ignored).
     *
     * @throws IllegalArgumentException if the binnings differ or a histogram has no in-range entry
     */
    public static double of(Histogram h, Histogram g) {
        if (h == null || g == null) {
            throw new IllegalArgumentException("h and g must not be null");
        }
        if (!h.sameBinning(g)) {
            throw new IllegalArgumentException("h and g must have the same binning: " + h + " vs " + g);
        }
        if (h.inRange() == 0 || g.inRange() == 0) {
            throw new IllegalArgumentException("h and g must each have in-range entries, got "
                    + h.inRange() + " and " + g.inRange());
        }
        double[] p = h.normalized();
        double[] q = g.normalized();
        double s = 0.0;
        for (int i = 0; i < p.length; i++) {
            double sum = p[i] + q[i];
            if (sum > 0) {
                double d = p[i] - q[i];
                s += d * d / sum;
            }
        }
        return 0.5 * s;
    }
}
