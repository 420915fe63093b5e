package org.realitycheck.hep.observables;

import java.util.Arrays;

/**
 * Location and width of a set of residuals or pulls (HEP conventions, docs/science.md): mean with its
 * standard error, standard deviation, and the robust width MAD·1.4826 (equal to σ for a Gaussian).
 *
 * @param n number of finite values used, {@code >= 0}
 * @param mean arithmetic mean (NaN when n = 0)
 * @param meanError standard error of the mean, std/√n
 * @param std sample standard deviation
 * @param robustWidth median absolute deviation × 1.4826
 * @param median the median
 */
public record Summary(int n, double mean, double meanError, double std, double robustWidth, double median) {
    /** MAD → σ for a Gaussian: 1/Φ⁻¹(3/4). */
    public static final double MAD_TO_SIGMA = 1.4826;

    public Summary {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }

    /** Summarises the finite values of {@code values} (NaN and infinities are skipped). */
    public static Summary of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = v.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        Arrays.sort(v);
        double median = median(v);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(v[i] - median);
        }
        Arrays.sort(dev);
        return new Summary(n, mean, std / Math.sqrt(n), std, MAD_TO_SIGMA * median(dev), median);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
