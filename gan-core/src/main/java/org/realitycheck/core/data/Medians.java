package org.realitycheck.core.data;

/**
 * The median by selection, in place and without sorting: the hot inner step of robust widths (MAD) in
 * the checks' bootstraps and of the sky-noise estimate of every image. One implementation for both.
 */
public final class Medians {
    private Medians() {
    }

    /**
     * @param a values; its first {@code n} are reordered
     * @param n how many leading values to use, {@code >= 1}
     * @return the median of {@code a[0, n)}, the mean of the middle two for even {@code n}
     */
    public static double inPlace(double[] a, int n) {
        if (n < 1 || n > a.length) {
            throw new IllegalArgumentException("need 1 <= n <= " + a.length + ", got " + n);
        }
        int h = (n - 1) / 2;
        double lo = select(a, 0, n - 1, h);
        if (n % 2 == 1) {
            return lo;
        }
        // after select, a[h+1..n-1] are >= a[h]: the next order statistic is their minimum
        double hi = Double.POSITIVE_INFINITY;
        for (int i = h + 1; i < n; i++) {
            hi = Math.min(hi, a[i]);
        }
        return lo + (hi - lo) * 0.5;
    }

    /** Hoare's selection with median-of-three pivots: the k-th smallest of {@code a[from..to]}. */
    private static double select(double[] a, int from, int to, int k) {
        int l = from;
        int r = to;
        while (r > l) {
            int m = (l + r) >>> 1;
            if (a[m] < a[l]) {
                swap(a, l, m);
            }
            if (a[r] < a[l]) {
                swap(a, l, r);
            }
            if (a[r] < a[m]) {
                swap(a, m, r);
            }
            double pivot = a[m];
            int i = l;
            int j = r;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                r = j;
            } else if (k >= i) {
                l = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
