package org.realitycheck.validation.stats;

import java.util.Arrays;

/**
 * ROC area and curve for scores of positives (e.g. generated) against negatives (e.g. reference).
 *
 * <p>AUC is the Mann–Whitney estimate {@code P(S_pos > S_neg) + ½ P(S_pos = S_neg)}, i.e.
 * {@code U/(n_pos n_neg)} with ties counted ½; it equals {@code scipy.stats.mannwhitneyu(pos, neg)
 * .statistic / (n_pos n_neg)} and sklearn's {@code roc_auc_score}. Reference: Hanley &amp; McNeil,
 * Radiology 143 (1982) 29.
 */
public final class Roc {

    /** The most points {@link #curve} returns. */
    public static final int MAX_POINTS = 200;

    private Roc() {
    }

    /**
     * @param positiveScores scores of the positive class, at least one finite value, never null
     * @param negativeScores scores of the negative class, at least one finite value, never null
     * @return AUC in [0, 1]; 0.5 means the scores do not separate the classes
     */
    public static double auc(double[] positiveScores, double[] negativeScores) {
        Args.finite("positiveScores", positiveScores, 1);
        Args.finite("negativeScores", negativeScores, 1);
        double[] neg = Args.sortedCopy(negativeScores);
        // twiceU counts 2 per pair pos > neg and 1 per tie, so it is exact in a long
        long twiceU = 0;
        for (double p : positiveScores) {
            int below = lowerBound(neg, p);
            int notAbove = upperBound(neg, p);
            twiceU += 2L * below + (notAbove - below);
        }
        return twiceU / (2.0 * positiveScores.length * (double) negativeScores.length);
    }

    /**
     * The ROC curve: one point per distinct score threshold {@code t} (descending),
     * {@code tpr = #{pos >= t}/n_pos}, {@code fpr = #{neg >= t}/n_neg}, starting at (0, 0) and ending
     * at (1, 1). When there are more than {@link #MAX_POINTS} points, the curve is thinned to
     * {@code MAX_POINTS} points at evenly spaced indices {@code round(i (m-1)/(MAX_POINTS-1))}
     * (deterministic; first and last points kept), which is enough for a report plot.
     */
    public static Curve curve(double[] positiveScores, double[] negativeScores) {
        Args.finite("positiveScores", positiveScores, 1);
        Args.finite("negativeScores", negativeScores, 1);
        double[] pos = Args.sortedCopy(positiveScores);
        double[] neg = Args.sortedCopy(negativeScores);
        double[] all = new double[pos.length + neg.length];
        System.arraycopy(pos, 0, all, 0, pos.length);
        System.arraycopy(neg, 0, all, pos.length, neg.length);
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                distinct++;
            }
        }
        double[] fpr = new double[distinct + 1];
        double[] tpr = new double[distinct + 1];
        int k = 1;
        for (int i = all.length - 1; i >= 0; i--) {
            if (i == all.length - 1 || all[i] != all[i + 1]) {
                double t = all[i];
                tpr[k] = (double) (pos.length - lowerBound(pos, t)) / pos.length;
                fpr[k] = (double) (neg.length - lowerBound(neg, t)) / neg.length;
                k++;
            }
        }
        int m = fpr.length;
        if (m <= MAX_POINTS) {
            return new Curve(fpr, tpr);
        }
        double[] f = new double[MAX_POINTS];
        double[] t = new double[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            int j = (int) Math.round((double) i * (m - 1) / (MAX_POINTS - 1));
            f[i] = fpr[j];
            t[i] = tpr[j];
        }
        return new Curve(f, t);
    }

    /** First index with {@code s[i] >= v} in a sorted array. */
    static int lowerBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index with {@code s[i] > v} in a sorted array. */
    static int upperBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Points of a ROC curve, non-decreasing in both coordinates, from (0, 0) to (1, 1).
     *
     * @param fpr false-positive rates, never null (copied)
     * @param tpr true-positive rates, same length, never null (copied)
     */
    public record Curve(double[] fpr, double[] tpr) {

        public Curve {
            if (fpr == null || tpr == null) {
                throw new IllegalArgumentException("fpr and tpr must not be null");
            }
            if (fpr.length != tpr.length || fpr.length < 2) {
                throw new IllegalArgumentException("fpr and tpr must have the same length >= 2, got "
                        + fpr.length + " and " + tpr.length);
            }
            fpr = fpr.clone();
            tpr = tpr.clone();
        }

        /** False-positive rates (a copy). */
        @Override
        public double[] fpr() {
            return fpr.clone();
        }

        /** True-positive rates (a copy). */
        @Override
        public double[] tpr() {
            return tpr.clone();
        }

        /** Number of points. */
        public int size() {
            return fpr.length;
        }

        /** Trapezoidal area under the points (equals the Mann–Whitney AUC when not thinned). */
        public double area() {
            double a = 0.0;
            for (int i = 1; i < fpr.length; i++) {
                a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2.0;
            }
            return a;
        }
    }
}
