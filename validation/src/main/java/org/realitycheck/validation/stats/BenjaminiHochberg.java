package org.realitycheck.validation.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg false-discovery-rate control (Benjamini &amp; Hochberg, JRSS B 57 (1995) 289).
 *
 * <p>Adjusted p-values: with {@code p_(1) <= ... <= p_(m)},
 * {@code p̃_(i) = min_{j >= i} min(1, m p_(j) / j)}, returned in input order; identical to
 * {@code scipy.stats.false_discovery_control(p, method='bh')}. Rejecting {@code p̃_i <= q} controls the
 * FDR at {@code q} for independent or positively dependent tests.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * @param p p-values in [0, 1], at least one, never null; not modified
     * @return the adjusted p-values, in the order of {@code p}
     */
    public static double[] adjust(double[] p) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("p must hold at least one p-value");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
                throw new IllegalArgumentException("p must be in [0, 1], got " + p[i] + " at index " + i);
            }
        }
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adj = new double[m];
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            int i = order[r];
            running = Math.min(running, p[i] * m / (r + 1));
            adj[i] = running;
        }
        return adj;
    }

    /**
     * @param p p-values in [0, 1], never null
     * @param q the false-discovery rate, in (0, 1)
     * @return for each test, whether it is rejected ({@code adjusted <= q})
     */
    public static boolean[] rejected(double[] p, double q) {
        if (!(q > 0.0 && q < 1.0)) {
            throw new IllegalArgumentException("q must be in (0, 1), got " + q);
        }
        double[] adj = adjust(p);
        boolean[] out = new boolean[adj.length];
        for (int i = 0; i < adj.length; i++) {
            out[i] = adj[i] <= q;
        }
        return out;
    }
}
