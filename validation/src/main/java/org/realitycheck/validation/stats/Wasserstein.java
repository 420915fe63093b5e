package org.realitycheck.validation.stats;

/**
 * Wasserstein-1 (earth mover's) distance between two one-dimensional empirical distributions,
 * {@code W1 = ∫ |F_a(x) - F_b(x)| dx}, evaluated exactly on the merged sorted support as in
 * {@code scipy.stats.wasserstein_distance} (unit weights). Used per feature in JetNet
 * (Kansal et al. 2023, arXiv:2211.10295).
 */
public final class Wasserstein {

    private Wasserstein() {
    }

    /**
     * @param a first sample, at least one finite value, never null; not modified
     * @param b second sample, at least one finite value, never null; not modified
     * @return W1 in the units of the data, {@code >= 0}; 0 iff the empirical distributions are equal
     */
    public static double w1(double[] a, double[] b) {
        Args.finite("a", a, 1);
        Args.finite("b", b, 1);
        double[] u = Args.sortedCopy(a);
        double[] v = Args.sortedCopy(b);
        double[] all = new double[u.length + v.length];
        System.arraycopy(u, 0, all, 0, u.length);
        System.arraycopy(v, 0, all, u.length, v.length);
        java.util.Arrays.sort(all);
        double sum = 0.0;
        int iu = 0;
        int iv = 0;
        for (int k = 0; k < all.length - 1; k++) {
            double x = all[k];
            while (iu < u.length && u[iu] <= x) {
                iu++;
            }
            while (iv < v.length && v[iv] <= x) {
                iv++;
            }
            double delta = all[k + 1] - x;
            sum += Math.abs((double) iu / u.length - (double) iv / v.length) * delta;
        }
        return sum;
    }
}
