package org.realitycheck.validation.stats;

/**
 * Robust location and width estimators for residual and pull distributions.
 *
 * <p>Quantiles use numpy's default ({@code method='linear'}, Hyndman &amp; Fan type 7):
 * for sorted {@code x[0..n-1]} and {@code h = (n-1) q}, {@code Q(q) = x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋])}.
 * References: {@code numpy.quantile}, {@code scipy.stats.median_abs_deviation(scale='normal')}.
 */
public final class RobustWidth {

    /**
     * {@code 1/Φ⁻¹(3/4)}: makes the MAD a consistent estimator of σ for a Gaussian. Same value as
     * scipy's {@code 1.0 / special.ndtri(0.75)}.
     */
    public static final double MAD_TO_SIGMA = 1.482602218505602;

    /** {@code Φ(-1)}: lower end of the central 68.27% interval. */
    public static final double LOWER_68 = 0.15865525393145707;
    /** {@code Φ(+1)}: upper end of the central 68.27% interval. */
    public static final double UPPER_68 = 0.8413447460685429;

    private RobustWidth() {
    }

    /**
     * The numpy-linear quantile.
     *
     * @param x finite values, at least one, never null; not modified
     * @param q the probability, in [0, 1]
     * @return {@code Q(q)}; {@code q=0} gives the minimum, {@code q=1} the maximum
     */
    public static double quantile(double[] x, double q) {
        Args.finite("x", x, 1);
        checkQ(q);
        return quantileSorted(Args.sortedCopy(x), q);
    }

    /** The median (numpy: mean of the two middle values for even n). */
    public static double median(double[] x) {
        return quantile(x, 0.5);
    }

    /**
     * Normal-consistent median absolute deviation {@code 1.482602… · median(|x - median(x)|)}.
     *
     * @param x finite values, at least one, never null
     * @return the MAD width, {@code >= 0}; 0 for a single value
     */
    public static double mad(double[] x) {
        Args.finite("x", x, 1);
        double[] s = Args.sortedCopy(x);
        double med = quantileSorted(s, 0.5);
        double[] dev = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            dev[i] = Math.abs(s[i] - med);
        }
        java.util.Arrays.sort(dev);
        return MAD_TO_SIGMA * quantileSorted(dev, 0.5);
    }

    /**
     * Half the distance between the {@code Φ(-1)=15.866%} and {@code Φ(1)=84.134%} numpy-linear
     * quantiles; equals σ for a Gaussian.
     *
     * @param x finite values, at least one, never null
     * @return the half-width, {@code >= 0}
     */
    public static double central68(double[] x) {
        Args.finite("x", x, 1);
        double[] s = Args.sortedCopy(x);
        return 0.5 * (quantileSorted(s, UPPER_68) - quantileSorted(s, LOWER_68));
    }

    static void checkQ(double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
    }

    /** numpy linear quantile of an already sorted, non-empty array (numpy's lerp form). */
    static double quantileSorted(double[] s, double q) {
        int n = s.length;
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return s[n - 1];
        }
        double t = h - lo;
        double a = s[lo];
        double b = s[lo + 1];
        double diff = b - a;
        // numpy _lerp: a + diff*t, or b - diff*(1-t) for t >= 0.5 (monotone and exact at ends)
        return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
    }
}
