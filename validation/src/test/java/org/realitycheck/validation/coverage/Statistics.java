package org.realitycheck.validation.coverage;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.realitycheck.validation.stats.Roc;
import org.realitycheck.validation.stats.RobustWidth;

/** The scenarios: each statistic a check reports, on data whose true value is known in closed form. */
final class Statistics {
    static final NormalDistribution STD = new NormalDistribution(null, 0, 1, 1e-12);

    private Statistics() {
    }

    static double[] pick(double[] x, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double[] normal(SplittableRandom r, int n, double sigma) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * gauss(r);
        }
        return x;
    }

    static double[] exponential(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -Math.log(1 - r.nextDouble());
        }
        return x;
    }

    static double gauss(SplittableRandom r) {
        return STD.inverseCumulativeProbability(Math.max(1e-300, r.nextDouble()));
    }

    /** MAD of Exp(1) (about its median ln 2): the d with F(ln2 + d) - F(ln2 - d) = 1/2, by bisection. */
    static double exponentialMad() {
        double m = Math.log(2);
        double lo = 0;
        double hi = 5;
        for (int i = 0; i < 200; i++) {
            double d = 0.5 * (lo + hi);
            double p = (1 - Math.exp(-(m + d))) - (m - d > 0 ? 1 - Math.exp(-(m - d)) : 0);
            if (p < 0.5) {
                lo = d;
            } else {
                hi = d;
            }
        }
        return 0.5 * (lo + hi);
    }

    static Scenario mean(String dist) {
        boolean exp = dist.equals("exponential");
        return new Scenario("mean", dist, exp ? 1 : 0, 1,
                (r, n) -> new double[][] {exp ? exponential(r, n) : normal(r, n, 1)},
                (d, idx, h) -> mean(pick(d[0], idx)));
    }

    static Scenario median(String dist) {
        boolean exp = dist.equals("exponential");
        return new Scenario("median", dist, exp ? Math.log(2) : 0, 1,
                (r, n) -> new double[][] {exp ? exponential(r, n) : normal(r, n, 1)},
                (d, idx, h) -> RobustWidth.median(pick(d[0], idx)));
    }

    static Scenario width(String dist) {
        boolean exp = dist.equals("exponential");
        return new Scenario("MAD width", dist, exp ? RobustWidth.MAD_TO_SIGMA * exponentialMad() : 1, 1,
                (r, n) -> new double[][] {exp ? exponential(r, n) : normal(r, n, 1)},
                (d, idx, h) -> RobustWidth.mad(pick(d[0], idx)));
    }

    /** Model and conventional residuals of the same samples: bivariate normal, rho 0.5, widths 1.2 and 1. */
    static Scenario widthRatio() {
        return widthRatio(1.2);
    }

    /** As {@link #widthRatio()}, with the model's width {@code ratio} times the conventional one. */
    static Scenario widthRatio(double ratio) {
        return new Scenario("width ratio (paired)", "bivariate normal rho=0.5", ratio, 1, (r, n) -> {
            double[] m = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                double z1 = gauss(r);
                double z2 = gauss(r);
                c[i] = z1;
                m[i] = ratio * (0.5 * z1 + Math.sqrt(0.75) * z2);
            }
            return new double[][] {m, c};
        }, (d, idx, h) -> RobustWidth.mad(pick(d[0], idx)) / RobustWidth.mad(pick(d[1], idx)));
    }

    /**
     * Degradation: the width outside the training range over the width inside it, two independent
     * samples (normal, widths 1.5 and 1).
     */
    static Scenario degradation() {
        return new Scenario("degradation ratio (two samples)", "normal 1.5 vs 1", 1.5, 2, (r, n) -> {
            double[] x = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                x[i] = (i < n ? 1.5 : 1.0) * gauss(r);
            }
            return new double[][] {x};
        }, (d, idx, h) -> {
            return RobustWidth.mad(pick(d[0], Arrays.copyOfRange(idx, 0, h)))
                    / RobustWidth.mad(pick(d[0], Arrays.copyOfRange(idx, h, idx.length)));
        });
    }

    /**
     * Recovery fractions of the model (p = 0.8) and the conventional method (p = 0.7) on the same objects,
     * correlated through a shared uniform half of the time; the difference is 0.1.
     */
    static Scenario recoveryDifference() {
        return new Scenario("recovery-fraction difference (paired)", "Bernoulli 0.8 vs 0.7", 0.1, 1, (r, n) -> {
            double[] m = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                double v = r.nextBoolean() ? u : r.nextDouble();
                m[i] = u < 0.8 ? 1 : 0;
                c[i] = v < 0.7 ? 1 : 0;
            }
            return new double[][] {m, c};
        }, (d, idx, h) -> mean(pick(d[0], idx)) - mean(pick(d[1], idx)));
    }

    /**
     * A classifier's AUC excess over 0.5 for scores of generated (shifted by 0.5) and true samples, unit
     * normal: AUC = Φ(0.5/√2), excess = AUC - 0.5.
     */
    static Scenario aucExcess() {
        return new Scenario("AUC excess", "normal shift 0.5", STD.cumulativeProbability(0.5 / Math.sqrt(2)) - 0.5, 2,
                (r, n) -> {
                    double[] x = new double[2 * n];
                    for (int i = 0; i < 2 * n; i++) {
                        x[i] = gauss(r) + (i < n ? 0.5 : 0);
                    }
                    return new double[][] {x};
                }, (d, idx, h) -> {
                    return Roc.auc(pick(d[0], Arrays.copyOfRange(idx, 0, h)), pick(d[0], Arrays.copyOfRange(idx, h,
                            idx.length))) - 0.5;
                });
    }
}
