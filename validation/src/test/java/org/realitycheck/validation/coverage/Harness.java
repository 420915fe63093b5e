package org.realitycheck.validation.coverage;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.realitycheck.validation.stats.BootstrapIntervals;
import org.realitycheck.validation.stats.ClassifierTest;
import org.realitycheck.validation.stats.Interval;
import org.realitycheck.validation.stats.OrderStatistics;

/**
 * Repeats an interval method on fresh seeded data and counts how often the interval holds the truth.
 * Trial {@code t} of a measurement uses {@code new SplittableRandom(seed + t)} for its data and an
 * independent stream for its bootstrap, so any trial can be rerun alone.
 */
final class Harness {
    static final double LEVEL = 0.95;

    /** The interval methods under test. */
    enum Method {
        /** Percentile bootstrap (the checks' method today). */
        PERCENTILE,
        /** BCa with the jackknife acceleration. */
        BCA,
        /** Bootstrap-t with the plug-in standard error of a mean (means and proportion differences). */
        STUDENTIZED,
        /** Student-t interval (means). */
        T,
        /** Exact order-statistic interval (medians). */
        ORDER_EXACT,
        /** Interpolated order-statistic interval (medians). */
        ORDER_INTERPOLATED,
        /** Hanley–McNeil normal interval (AUC). */
        HANLEY_MCNEIL,
        /** Newcombe's paired score interval (differences of paired proportions). */
        NEWCOMBE
    }

    /** Coverage of one method on one scenario at one size. */
    record Result(Scenario scenario, int n, Method method, int trials, int covered, int undefined) {
        double rate() {
            return (double) covered / trials;
        }

        /** @return the Monte-Carlo standard error of the rate */
        double error() {
            double p = rate();
            return Math.sqrt(p * (1 - p) / trials);
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %s | %.3f ± %.3f | %d | %d |", scenario.statistic(),
                    scenario.distribution(), n, method.name().toLowerCase(Locale.ROOT).replace('_', ' '), rate(),
                    error(), trials, undefined);
        }
    }

    private Harness() {
    }

    static Result coverage(Scenario s, int n, Method method, int trials, int resamples, long seed) {
        int covered = 0;
        int undefined = 0;
        for (int t = 0; t < trials; t++) {
            SplittableRandom data = new SplittableRandom(seed + t);
            double[][] d = s.draw().data(data, n);
            Interval ci = interval(s, d, n, method, resamples, data.split(), LEVEL);
            if (ci.equals(BootstrapIntervals.UNDEFINED)) {
                undefined++;
            }
            covered += ci.contains(s.truth()) ? 1 : 0;
        }
        return new Result(s, n, method, trials, covered, undefined);
    }

    static Interval interval(Scenario s, double[][] d, int n, Method method, int resamples, SplittableRandom rng,
            double level) {
        int rows = s.groups() * n;
        int[] all = identity(rows);
        double est = s.stat().of(d, all, n);
        switch (method) {
            case T: {
                double[] x = d[0];
                double sd = Math.sqrt(variance(x));
                double tq = new org.apache.commons.math3.distribution.TDistribution(null, n - 1, 1e-12)
                        .inverseCumulativeProbability(0.5 + level / 2);
                return new Interval(est - tq * sd / Math.sqrt(n), est + tq * sd / Math.sqrt(n));
            }
            case ORDER_EXACT:
                return OrderStatistics.exact(d[0], 0.5, level);
            case ORDER_INTERPOLATED:
                return OrderStatistics.interpolated(d[0], 0.5, level);
            case NEWCOMBE: {
                int[] k = new int[4];
                for (int i = 0; i < n; i++) {
                    k[(d[0][i] > 0 ? 0 : 2) + (d[1][i] > 0 ? 0 : 1)]++;
                }
                return org.realitycheck.validation.stats.PairedProportions.newcombe(k[0], k[1], k[2], k[3], level);
            }
            case HANLEY_MCNEIL:
                return shift(ClassifierTest.hanleyMcNeil(est + 0.5, n, n, level), -0.5);
            default:
                break;
        }
        double[] rep = new double[resamples];
        double[] tRep = new double[resamples];
        double se = method == Method.STUDENTIZED ? seOfMean(s, d, all) : Double.NaN;
        int[] idx = new int[rows];
        for (int b = 0; b < resamples; b++) {
            for (int g = 0; g < s.groups(); g++) {
                for (int i = 0; i < n; i++) {
                    idx[g * n + i] = g * n + rng.nextInt(n);
                }
            }
            rep[b] = s.stat().of(d, idx, n);
            if (method == Method.STUDENTIZED) {
                double seb = seOfMean(s, d, idx);
                tRep[b] = seb > 0 ? (rep[b] - est) / seb : rep[b] == est ? 0 : Math.signum(rep[b] - est) * 1e9;
            }
        }
        if (!Double.isFinite(est)) {
            return BootstrapIntervals.UNDEFINED;
        }
        switch (method) {
            case PERCENTILE:
                return BootstrapIntervals.percentile(rep, level);
            case BCA:
                return BootstrapIntervals.bca(rep, est, jackknifeAcceleration(s, d, rows), level);
            case STUDENTIZED:
                return se > 0 ? BootstrapIntervals.studentized(est, se, tRep, level) : new Interval(est, est);
            default:
                throw new IllegalArgumentException(method.name());
        }
    }

    private static Interval shift(Interval i, double by) {
        return new Interval(i.low() + by, i.high() + by);
    }

    /** Plug-in standard error of a mean or of a paired difference of means (column 0 minus column 1). */
    private static double seOfMean(Scenario s, double[][] d, int[] idx) {
        double[] x = Statistics.pick(d[0], idx);
        if (d.length > 1) {
            double[] y = Statistics.pick(d[1], idx);
            for (int i = 0; i < x.length; i++) {
                x[i] -= y[i];
            }
        }
        return Math.sqrt(variance(x) / x.length);
    }

    private static double variance(double[] x) {
        double m = Statistics.mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return ss / (x.length - 1);
    }

    /** BCa acceleration from leave-one-out values (within each group). */
    private static double jackknifeAcceleration(Scenario s, double[][] d, int rows) {
        double[] jack = new double[rows];
        int k = 0;
        int n = rows / s.groups();
        for (int leave = 0; leave < rows; leave++) {
            int[] idx = new int[rows - 1];
            int m = 0;
            for (int i = 0; i < rows; i++) {
                if (i != leave) {
                    idx[m++] = i;
                }
            }
            double v = s.stat().of(d, idx, s.groups() == 2 && leave < n ? n - 1 : n);
            if (Double.isFinite(v)) {
                jack[k++] = v;
            }
        }
        if (k < 2) {
            return 0;
        }
        double[] j = Arrays.copyOf(jack, k);
        double mean = Statistics.mean(j);
        double[] u = new double[k];
        for (int i = 0; i < k; i++) {
            u[i] = (k - 1) * (mean - j[i]);
        }
        return BootstrapIntervals.acceleration(u);
    }

    /**
     * Worst of {@code bins} bins, each drawn from {@code s} with the same true value: the interval of the
     * largest value is taken as {@code [max_k lo_k, max_k hi_k]} from the bins' intervals at {@code binLevel};
     * it covers the largest true value whenever every bin covers. {@code binLevel} 1 - 0.05/bins is the
     * Bonferroni level that keeps the miss rate of the worst-of-bins statement at most 5%.
     */
    static Result worstOfBins(Scenario s, int bins, int n, Method method, double binLevel, int trials, int resamples,
            long seed) {
        int covered = 0;
        int undefined = 0;
        for (int t = 0; t < trials; t++) {
            SplittableRandom data = new SplittableRandom(seed + t);
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            boolean undef = false;
            for (int b = 0; b < bins; b++) {
                double[][] d = s.draw().data(data, n);
                Interval ci = interval(s, d, n, method, resamples, data.split(), binLevel);
                undef |= ci.equals(BootstrapIntervals.UNDEFINED);
                lo = Math.max(lo, ci.low());
                hi = Math.max(hi, ci.high());
            }
            undefined += undef ? 1 : 0;
            covered += lo <= s.truth() && s.truth() <= hi ? 1 : 0;
        }
        Scenario named = new Scenario("worst of " + bins + " bins of " + s.statistic() + " at level "
                + String.format(Locale.ROOT, "%.4f", binLevel), s.distribution(), s.truth(), s.groups(), s.draw(), s.stat());
        return new Result(named, n, method, trials, covered, undefined);
    }

    static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
