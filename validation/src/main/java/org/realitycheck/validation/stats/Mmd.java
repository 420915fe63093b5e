package org.realitycheck.validation.stats;

/**
 * Unbiased estimate of the squared maximum mean discrepancy (Gretton et al., JMLR 13 (2012) 723,
 * Lemma 6):
 * {@code MMD²_u = 1/(m(m-1)) Σ_{i≠j} k(x_i,x_j) + 1/(n(n-1)) Σ_{i≠j} k(y_i,y_j) - 2/(mn) Σ_{i,j} k(x_i,y_j)}.
 * Can be slightly negative when the distributions agree. With {@link Kernel#polynomial} this is
 * the kernel physics distance (KPD) of JetNet (Kansal et al. 2023, arXiv:2211.10295), computed there
 * on batches and averaged; this class computes one batch in O((m+n)² d).
 */
public final class Mmd {

    private Mmd() {
    }

    /**
     * @param x      first sample, rows are points, at least 2 rows, all finite, never null; not modified
     * @param y      second sample, at least 2 rows, same dimension, never null; not modified
     * @param kernel the kernel, never null
     * @return the unbiased MMD²
     */
    public static double unbiased(double[][] x, double[][] y, Kernel kernel) {
        int dx = Args.matrix("x", x, 2);
        int dy = Args.matrix("y", y, 2);
        if (dx != dy) {
            throw new IllegalArgumentException("x and y must have the same dimension, got " + dx + " and " + dy);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        int m = x.length;
        int n = y.length;
        double kxx = 0.0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                kxx += kernel.apply(x[i], x[j]);
            }
        }
        double kyy = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                kyy += kernel.apply(y[i], y[j]);
            }
        }
        double kxy = 0.0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                kxy += kernel.apply(x[i], y[j]);
            }
        }
        // the off-diagonal sums are symmetric: each pair counted twice
        return 2.0 * kxx / ((double) m * (m - 1)) + 2.0 * kyy / ((double) n * (n - 1)) - 2.0 * kxy / ((double) m * n);
    }

    /** A symmetric positive-definite kernel on points of one dimension. */
    @FunctionalInterface
    public interface Kernel {

        /** {@code k(a, b)}; a and b have the same length and are not modified. */
        double apply(double[] a, double[] b);

        /**
         * The JetNet KPD kernel {@code k(a,b) = (a·b/d + 1)^4} (Kansal et al. 2023, after
         * Bińkowski et al. 2018's KID kernel {@code (a·b/d + 1)^3}).
         *
         * @param dim the dimension {@code d >= 1}; points of another length are rejected
         */
        static Kernel polynomial(int dim) {
            if (dim < 1) {
                throw new IllegalArgumentException("dim must be >= 1, got " + dim);
            }
            return (a, b) -> {
                if (a.length != dim || b.length != dim) {
                    throw new IllegalArgumentException("points must have dimension " + dim + ", got "
                            + a.length + " and " + b.length);
                }
                double dot = 0.0;
                for (int i = 0; i < dim; i++) {
                    dot += a[i] * b[i];
                }
                double t = dot / dim + 1.0;
                double t2 = t * t;
                return t2 * t2;
            };
        }

        /**
         * The Gaussian kernel {@code k(a,b) = exp(-|a-b|² / (2 h²))}.
         *
         * @param bandwidth {@code h > 0}, finite, in the units of the data
         */
        static Kernel gaussian(double bandwidth) {
            if (!(bandwidth > 0.0) || Double.isInfinite(bandwidth)) {
                throw new IllegalArgumentException("bandwidth must be finite and > 0, got " + bandwidth);
            }
            double scale = 1.0 / (2.0 * bandwidth * bandwidth);
            return (a, b) -> {
                if (a.length != b.length) {
                    throw new IllegalArgumentException("points must have the same dimension, got "
                            + a.length + " and " + b.length);
                }
                double s = 0.0;
                for (int i = 0; i < a.length; i++) {
                    double d = a[i] - b[i];
                    s += d * d;
                }
                return Math.exp(-s * scale);
            };
        }
    }
}
