package org.realitycheck.validation.stats;

/**
 * Summary of pulls {@code (estimate - truth)/σ}: for a correct fit with correct uncertainties the
 * pulls are N(0, 1), so {@code mean ≈ 0}, {@code width ≈ 1} and {@code fractionBeyond3 ≈ 0.0027}.
 *
 * @param n               number of valid pulls, {@code >= 1}
 * @param mean            arithmetic mean of the pulls (finite)
 * @param width           robust width {@link RobustWidth#mad MAD·1.4826} of the pulls, {@code >= 0}
 * @param fractionBeyond3 fraction of pulls with {@code |pull| > 3}, in [0, 1]
 */
public record Pulls(int n, double mean, double width, double fractionBeyond3) {

    public Pulls {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(width >= 0.0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be finite and >= 0, got " + width);
        }
        if (!(fractionBeyond3 >= 0.0 && fractionBeyond3 <= 1.0)) {
            throw new IllegalArgumentException("fractionBeyond3 must be in [0, 1], got " + fractionBeyond3);
        }
    }

    /**
     * Pulls {@code residuals[i]/sigmas[i]}. Entries whose residual or sigma is not finite, or whose
     * sigma is {@code <= 0}, are skipped (see {@link #skipped} for their number).
     *
     * @param residuals estimate − truth, never null
     * @param sigmas    the estimated uncertainties, same length, never null
     * @throws IllegalArgumentException if the lengths differ or no entry is valid
     */
    public static Pulls of(double[] residuals, double[] sigmas) {
        double[] p = pulls(residuals, sigmas);
        if (p.length == 0) {
            throw new IllegalArgumentException("residuals/sigmas have no valid entry (finite residual, finite sigma > 0)"
                    + " among " + residuals.length);
        }
        double sum = 0.0;
        int beyond = 0;
        for (double v : p) {
            sum += v;
            if (Math.abs(v) > 3.0) {
                beyond++;
            }
        }
        return new Pulls(p.length, sum / p.length, RobustWidth.mad(p), (double) beyond / p.length);
    }

    /** Number of entries that {@link #of} skips (non-finite residual or sigma, or sigma {@code <= 0}). */
    public static int skipped(double[] residuals, double[] sigmas) {
        return residuals.length - pulls(residuals, sigmas).length;
    }

    /** The valid pulls in input order. */
    public static double[] pulls(double[] residuals, double[] sigmas) {
        if (residuals == null || sigmas == null) {
            throw new IllegalArgumentException("residuals and sigmas must not be null");
        }
        if (residuals.length != sigmas.length) {
            throw new IllegalArgumentException("residuals and sigmas must have the same length, got "
                    + residuals.length + " and " + sigmas.length);
        }
        double[] out = new double[residuals.length];
        int m = 0;
        for (int i = 0; i < residuals.length; i++) {
            double r = residuals[i];
            double s = sigmas[i];
            if (Double.isFinite(r) && Double.isFinite(s) && s > 0) {
                double v = r / s;
                if (Double.isFinite(v)) {
                    out[m++] = v;
                }
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }
}
