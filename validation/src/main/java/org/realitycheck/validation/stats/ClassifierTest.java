package org.realitycheck.validation.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Classifier two-sample test (CaloChallenge, Krause et al., arXiv:2410.21611; Lopez-Paz &amp; Oquab,
 * ICLR 2017): if a classifier cannot tell the samples apart on held-out data, AUC ≈ 0.5.
 *
 * <p>Procedure, deterministic given the seed:
 * <ol>
 *   <li>Balance: shuffle each sample with a {@link SplittableRandom}, keep {@code m = min(|x|, |y|)}
 *       rows of each; the first {@code ⌊m/2⌋} rows of each class train, the rest test.</li>
 *   <li>Standardise each feature with the mean and standard deviation of the training half
 *       (a constant feature is only centred).</li>
 *   <li>Fit L2-regularised logistic regression with intercept, minimising
 *       {@code Σ log(1 + e^{-s_i z_i}) + (λ/2)|w|²} with {@code λ = 1} (sklearn's default {@code C = 1};
 *       the intercept is not penalised), by Newton's method (IRLS) with step halving, to a gradient
 *       max-norm below 1e-9 or 100 iterations.</li>
 *   <li>AUC of the linear score on the test half ({@link Roc#auc}, label 1 = {@code y}).</li>
 *   <li>CI: Hanley &amp; McNeil (Radiology 143 (1982) 29) standard error
 *       {@code SE² = [A(1-A) + (n₁-1)(Q₁-A²) + (n₂-1)(Q₂-A²)]/(n₁n₂)}, {@code Q₁ = A/(2-A)},
 *       {@code Q₂ = 2A²/(1+A)}, interval {@code A ± z SE} clipped to [0, 1]. At {@code A = 0.5} this is
 *       exactly the Mann–Whitney null variance {@code (n₁+n₂+1)/(12 n₁ n₂)}. It treats the trained
 *       classifier as fixed (the test half is independent of it).</li>
 * </ol>
 * Logistic regression is a small model: it sees only <em>linear</em> differences in the features
 * (mean shifts, correlations through the given features). Pass squared features (or other
 * non-linear summaries) to make it sensitive to differences in width or shape.
 */
public final class ClassifierTest {

    /** Default confidence level of {@link Result#ci()}. */
    public static final double DEFAULT_LEVEL = 0.95;
    /** L2 penalty λ (sklearn's C = 1). */
    static final double LAMBDA = 1.0;
    private static final int MAX_ITER = 100;

    private ClassifierTest() {
    }

    /**
     * The classifier AUC with a 95% Hanley–McNeil interval.
     *
     * @param x    first sample (label 0), rows are points, at least 4 rows, finite, never null; not modified
     * @param y    second sample (label 1), same dimension, at least 4 rows; not modified
     * @param seed seed of the shuffle
     */
    public static Result auc(double[][] x, double[][] y, long seed) {
        return auc(x, y, seed, DEFAULT_LEVEL);
    }

    /** As {@link #auc(double[][], double[][], long)} with a chosen confidence level in (0, 1). */
    public static Result auc(double[][] x, double[][] y, long seed, double level) {
        int dx = Args.matrix("x", x, 4);
        int dy = Args.matrix("y", y, 4);
        if (dx != dy) {
            throw new IllegalArgumentException("x and y must have the same dimension, got " + dx + " and " + dy);
        }
        Args.level(level);
        int d = dx;
        SplittableRandom rng = new SplittableRandom(seed);
        int[] px = permutation(x.length, rng.split());
        int[] py = permutation(y.length, rng.split());
        int m = Math.min(x.length, y.length);
        int half = m / 2;
        int nTrain = 2 * half;
        int nTestPerClass = m - half;

        // training rows: x first then y
        double[][] train = new double[nTrain][];
        double[] label = new double[nTrain];
        for (int i = 0; i < half; i++) {
            train[i] = x[px[i]];
            train[half + i] = y[py[i]];
            label[half + i] = 1.0;
        }
        double[] mu = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0.0;
            for (double[] r : train) {
                s += r[j];
            }
            mu[j] = s / nTrain;
            double ss = 0.0;
            for (double[] r : train) {
                ss += (r[j] - mu[j]) * (r[j] - mu[j]);
            }
            double v = Math.sqrt(ss / nTrain);
            sd[j] = v > 0 ? v : 1.0;
        }
        double[][] z = new double[nTrain][];
        for (int i = 0; i < nTrain; i++) {
            z[i] = standardise(train[i], mu, sd);
        }
        double[] beta = fit(z, label);

        double[] negScores = new double[nTestPerClass];
        double[] posScores = new double[nTestPerClass];
        for (int i = 0; i < nTestPerClass; i++) {
            negScores[i] = score(beta, standardise(x[px[half + i]], mu, sd));
            posScores[i] = score(beta, standardise(y[py[half + i]], mu, sd));
        }
        double a = Roc.auc(posScores, negScores);
        Interval ci = hanleyMcNeil(a, nTestPerClass, nTestPerClass, level);
        return new Result(a, ci, nTrain, 2 * nTestPerClass);
    }

    /**
     * Hanley–McNeil interval {@code A ± z SE}, clipped to [0, 1].
     *
     * @param auc   the AUC in [0, 1]
     * @param nPos  positives {@code >= 1}
     * @param nNeg  negatives {@code >= 1}
     * @param level confidence level in (0, 1)
     */
    public static Interval hanleyMcNeil(double auc, int nPos, int nNeg, double level) {
        if (!(auc >= 0.0 && auc <= 1.0)) {
            throw new IllegalArgumentException("auc must be in [0, 1], got " + auc);
        }
        if (nPos < 1 || nNeg < 1) {
            throw new IllegalArgumentException("nPos and nNeg must be >= 1, got " + nPos + " and " + nNeg);
        }
        Args.level(level);
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double a2 = auc * auc;
        double var = (auc * (1 - auc) + (nPos - 1) * (q1 - a2) + (nNeg - 1) * (q2 - a2)) / ((double) nPos * nNeg);
        double se = Math.sqrt(Math.max(0.0, var));
        double zq = new org.apache.commons.math3.distribution.NormalDistribution(null, 0.0, 1.0,
                org.apache.commons.math3.distribution.NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                .inverseCumulativeProbability(0.5 + 0.5 * level);
        return new Interval(Math.max(0.0, auc - zq * se), Math.min(1.0, auc + zq * se));
    }

    /** Newton/IRLS for L2 logistic regression; returns {intercept, w_1..w_d}. */
    static double[] fit(double[][] z, double[] label) {
        int n = z.length;
        int p = z[0].length + 1;
        double[] beta = new double[p];
        double obj = objective(z, label, beta);
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            double[] row = new double[p];
            row[0] = 1.0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(z[i], 0, row, 1, p - 1);
                double prob = sigmoid(dot(beta, row));
                double w = prob * (1 - prob);
                double r = prob - label[i];
                for (int a = 0; a < p; a++) {
                    grad[a] += r * row[a];
                    for (int b = 0; b <= a; b++) {
                        hess[a][b] += w * row[a] * row[b];
                    }
                }
            }
            for (int a = 1; a < p; a++) {
                grad[a] += LAMBDA * beta[a];
                hess[a][a] += LAMBDA;
            }
            double gmax = 0.0;
            for (double g : grad) {
                gmax = Math.max(gmax, Math.abs(g));
            }
            if (gmax < 1e-9) {
                break;
            }
            for (int a = 0; a < p; a++) {
                hess[a][a] += 1e-12; // keeps the unpenalised intercept's block positive definite
                for (int b = 0; b < a; b++) {
                    hess[b][a] = hess[a][b];
                }
            }
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(hess, false), 1e-10, 0.0)
                    .getSolver().solve(new ArrayRealVector(grad, false));
            double t = 1.0;
            double[] next = new double[p];
            double nextObj = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] - t * step.getEntry(a);
                }
                nextObj = objective(z, label, next);
                if (nextObj <= obj) {
                    break;
                }
                t /= 2;
            }
            if (!(nextObj <= obj)) {
                break;
            }
            System.arraycopy(next, 0, beta, 0, p);
            obj = nextObj;
        }
        return beta;
    }

    private static double objective(double[][] z, double[] label, double[] beta) {
        double s = 0.0;
        int p = beta.length;
        for (int i = 0; i < z.length; i++) {
            double eta = beta[0];
            for (int a = 1; a < p; a++) {
                eta += beta[a] * z[i][a - 1];
            }
            // log(1 + e^{-eta}) for label 1, log(1 + e^{eta}) for label 0, computed stably
            double m = label[i] > 0.5 ? -eta : eta;
            s += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
        }
        double pen = 0.0;
        for (int a = 1; a < p; a++) {
            pen += beta[a] * beta[a];
        }
        return s + 0.5 * LAMBDA * pen;
    }

    private static double score(double[] beta, double[] zrow) {
        double eta = beta[0];
        for (int a = 1; a < beta.length; a++) {
            eta += beta[a] * zrow[a - 1];
        }
        return eta;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1.0 / (1.0 + Math.exp(-t)) : Math.exp(t) / (1.0 + Math.exp(t));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] standardise(double[] r, double[] mu, double[] sd) {
        double[] o = new double[r.length];
        for (int j = 0; j < r.length; j++) {
            o[j] = (r[j] - mu[j]) / sd[j];
        }
        return o;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * @param auc       held-out AUC in [0, 1]; 0.5 = indistinguishable
     * @param ci        confidence interval for the AUC (Hanley–McNeil), never null
     * @param trainSize training rows (both classes), {@code >= 2}
     * @param testSize  test rows (both classes), {@code >= 2}
     */
    public record Result(double auc, Interval ci, int trainSize, int testSize) {

        public Result {
            if (!(auc >= 0.0 && auc <= 1.0)) {
                throw new IllegalArgumentException("auc must be in [0, 1], got " + auc);
            }
            if (ci == null) {
                throw new IllegalArgumentException("ci must not be null");
            }
            if (trainSize < 2 || testSize < 2) {
                throw new IllegalArgumentException("trainSize and testSize must be >= 2, got "
                        + trainSize + " and " + testSize);
            }
        }
    }
}
