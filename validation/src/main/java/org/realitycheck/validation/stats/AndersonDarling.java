package org.realitycheck.validation.stats;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The k-sample Anderson–Darling test of Scholz &amp; Stephens, JASA 82 (1987) 918, as in
 * {@code scipy.stats.anderson_ksamp(samples, variant='midrank')}.
 *
 * <p>Statistic: the midrank {@code A²_akN} of their eq. 7 (ties handled by midranks),
 * standardised as {@code T = (A²_akN - (k-1)) / σ_N} with the finite-sample variance {@code σ_N²}
 * of their eq. 4; this standardised {@code T} is what scipy returns as the statistic.
 *
 * <p>p-value: scipy's approximation. {@code log p} is fitted by a least-squares quadratic in the
 * critical values {@code b0 + b1/√m + b2/m} ({@code m = k-1}, Table 2 of Scholz &amp; Stephens) at
 * significance levels 0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001 and evaluated at {@code T}.
 * <b>Like scipy, the p-value is capped to [0.001, 0.25]</b>: {@code T} below the smallest critical
 * value gives exactly 0.25 (meaning "p &gt;= 0.25"), above the largest gives exactly 0.001
 * (meaning "p &lt;= 0.001"). Use {@link Permutation} when a finer p-value is needed.
 */
public final class AndersonDarling {

    /** The p-value reported when the true p-value is at least this (scipy's cap). */
    public static final double P_CAP_HIGH = 0.25;
    /** The p-value reported when the true p-value is at most this (scipy's floor). */
    public static final double P_CAP_LOW = 0.001;

    private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
    private static final double[] SIG = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};

    private AndersonDarling() {
    }

    /**
     * k-sample Anderson–Darling test that all samples come from the same (unspecified) distribution.
     *
     * @param samples at least two samples, each with at least one finite value, never null; at least
     *                4 values in total and at least 2 distinct values; not modified
     * @return the standardised statistic {@code T} and its p-value, capped to [0.001, 0.25]
     * @throws IllegalArgumentException on fewer than 2 samples, an empty or non-finite sample,
     *                                  fewer than 4 values in total or a single distinct value
     */
    public static TestResult kSample(double[]... samples) {
        if (samples == null || samples.length < 2) {
            throw new IllegalArgumentException("samples must hold at least 2 samples, got "
                    + (samples == null ? 0 : samples.length));
        }
        int k = samples.length;
        int bigN = 0;
        double[][] sorted = new double[k][];
        for (int i = 0; i < k; i++) {
            Args.finite("samples[" + i + "]", samples[i], 1);
            sorted[i] = Args.sortedCopy(samples[i]);
            bigN += sorted[i].length;
        }
        if (bigN < 4) {
            throw new IllegalArgumentException("samples must hold at least 4 values in total, got " + bigN);
        }
        double[] z = new double[bigN];
        int pos = 0;
        for (double[] s : sorted) {
            System.arraycopy(s, 0, z, pos, s.length);
            pos += s.length;
        }
        Arrays.sort(z);
        double[] zStar = unique(z);
        if (zStar.length < 2) {
            throw new IllegalArgumentException("samples must hold at least 2 distinct values");
        }
        double a2 = midrankA2(sorted, z, zStar, bigN);

        double n = bigN;
        double h = 0.0;
        for (double[] s : sorted) {
            h += 1.0 / s.length;
        }
        double bigH = h;
        // hs_cs = cumsum(1/(N-1), 1/(N-2), ..., 1/2); h = hs_cs[-1] + 1; g = sum(hs_cs / (2..N-1))
        double cs = 0.0;
        double g = 0.0;
        int idx = 0;
        for (int j = bigN - 1; j >= 2; j--) {
            cs += 1.0 / j;
            g += cs / (idx + 2);
            idx++;
        }
        double hh = cs + 1.0;
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * bigH;
        double b = (2 * g - 4) * k * k + 8 * hh * k + (2 * g - 14 * hh - 4) * bigH - 8 * hh + 4 * g - 6;
        double c = (6 * hh + 2 * g - 2) * k * k + (4 * hh - 4 * g + 6) * k + (2 * hh - 6) * bigH + 4 * hh;
        double d = (2 * hh + 6) * k * k - 4 * hh * k;
        double sigmaSq = (a * n * n * n + b * n * n + c * n + d) / ((n - 1.0) * (n - 2.0) * (n - 3.0));
        int m = k - 1;
        double t = (a2 - m) / Math.sqrt(sigmaSq);
        return new TestResult(t, pValue(t, m));
    }

    /** scipy's p-value interpolation for the standardised statistic with {@code m = k-1}. */
    static double pValue(double t, int m) {
        double[] crit = new double[SIG.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < crit.length; i++) {
            crit[i] = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
            min = Math.min(min, crit[i]);
            max = Math.max(max, crit[i]);
        }
        if (t < min) {
            return P_CAP_HIGH;
        }
        if (t > max) {
            return P_CAP_LOW;
        }
        // least-squares quadratic fit of log(sig) against the critical values (numpy.polyfit deg 2)
        double[][] v = new double[crit.length][3];
        double[] y = new double[crit.length];
        for (int i = 0; i < crit.length; i++) {
            v[i][0] = crit[i] * crit[i];
            v[i][1] = crit[i];
            v[i][2] = 1.0;
            y[i] = Math.log(SIG[i]);
        }
        RealVector coef = new QRDecomposition(new Array2DRowRealMatrix(v, false)).getSolver()
                .solve(new ArrayRealVector(y, false));
        double logP = (coef.getEntry(0) * t + coef.getEntry(1)) * t + coef.getEntry(2);
        return Math.exp(logP);
    }

    /** A²_akN, eq. 7 of Scholz &amp; Stephens (scipy's {@code _anderson_ksamp_midrank}). */
    private static double midrankA2(double[][] sorted, double[] z, double[] zStar, int bigN) {
        int nz = zStar.length;
        double[] lj = new double[nz];
        double[] bj = new double[nz];
        for (int j = 0; j < nz; j++) {
            int left = Roc.lowerBound(z, zStar[j]);
            int right = Roc.upperBound(z, zStar[j]);
            lj[j] = right - left;
            bj[j] = left + lj[j] / 2.0;
        }
        double n = bigN;
        double a2 = 0.0;
        for (double[] s : sorted) {
            double ni = s.length;
            double inner = 0.0;
            for (int j = 0; j < nz; j++) {
                int right = Roc.upperBound(s, zStar[j]);
                int left = Roc.lowerBound(s, zStar[j]);
                double mij = right - (right - left) / 2.0;
                double num = n * mij - bj[j] * ni;
                inner += lj[j] / n * num * num / (bj[j] * (n - bj[j]) - n * lj[j] / 4.0);
            }
            a2 += inner / ni;
        }
        return a2 * (n - 1.0) / n;
    }

    private static double[] unique(double[] sorted) {
        double[] u = new double[sorted.length];
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                u[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(u, m);
    }
}
