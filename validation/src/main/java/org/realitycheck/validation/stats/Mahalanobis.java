package org.realitycheck.validation.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * Mahalanobis distance {@code D(x) = sqrt((x-μ)ᵀ Σ⁻¹ (x-μ))} to a reference sample, with μ the sample
 * mean and Σ the unbiased sample covariance (commons-math3 {@link Covariance}, {@code n-1}), solved by
 * Cholesky. If Σ is not numerically positive definite (constant features, fewer rows than features,
 * collinear features) a ridge {@code λ I} is added, starting at {@code 1e-9 · trace(Σ)/d} (or 1e-9 if
 * the trace is 0) and growing ×10 until Cholesky succeeds; {@link #ridge()} reports it. An input-space
 * out-of-distribution score (DESIGN: {@code ood.covariate}). Immutable.
 */
public final class Mahalanobis {

    private final double[] mean;
    private final DecompositionSolver solver;
    private final double ridge;

    private Mahalanobis(double[] mean, DecompositionSolver solver, double ridge) {
        this.mean = mean;
        this.solver = solver;
        this.ridge = ridge;
    }

    /**
     * @param reference the reference sample, rows are points, at least 2 rows, all finite, never null;
     *                  not modified
     */
    public static Mahalanobis fit(double[][] reference) {
        int d = Args.matrix("reference", reference, 2);
        int n = reference.length;
        double[] mean = new double[d];
        for (double[] row : reference) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        RealMatrix cov = new Covariance(new Array2DRowRealMatrix(reference, true), true).getCovarianceMatrix();
        double trace = cov.getTrace();
        double maxDiag = 0.0;
        for (int j = 0; j < d; j++) {
            maxDiag = Math.max(maxDiag, cov.getEntry(j, j));
        }
        double ridge = 0.0;
        double step = trace > 0 ? 1e-9 * trace / d : 1e-9;
        for (int attempt = 0; attempt < 40; attempt++) {
            RealMatrix c = cov.copy();
            for (int j = 0; j < d; j++) {
                c.addToEntry(j, j, ridge);
            }
            try {
                // positivity threshold relative to the scale of the data, not commons' absolute 1e-10
                double positivity = 1e-13 * Math.max(maxDiag + ridge, Double.MIN_NORMAL);
                DecompositionSolver s = new CholeskyDecomposition(c, 1e-12, positivity).getSolver();
                return new Mahalanobis(mean, s, ridge);
            } catch (NonPositiveDefiniteMatrixException e) {
                ridge = ridge == 0.0 ? step : ridge * 10;
            }
        }
        throw new IllegalArgumentException("reference covariance could not be regularised (ridge up to " + ridge + ")");
    }

    /**
     * @param x a point of the reference's dimension, finite, never null; not modified
     * @return the distance, {@code >= 0}, in units of standard deviations
     */
    public double distance(double[] x) {
        Args.finite("x", x, 1);
        if (x.length != mean.length) {
            throw new IllegalArgumentException("x must have dimension " + mean.length + ", got " + x.length);
        }
        double[] diff = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            diff[j] = x[j] - mean[j];
        }
        ArrayRealVector v = new ArrayRealVector(diff, false);
        return Math.sqrt(Math.max(0.0, v.dotProduct(solver.solve(v))));
    }

    /** The reference mean (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The ridge added to the covariance diagonal; 0 when the covariance was positive definite. */
    public double ridge() {
        return ridge;
    }

    /** The dimension of the points. */
    public int dimension() {
        return mean.length;
    }
}
