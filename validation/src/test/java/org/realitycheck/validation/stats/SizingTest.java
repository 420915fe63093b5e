package org.realitycheck.validation.stats;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link Sizing}: the closed form, and by simulation that the size it gives decides with the probability asked
 * (a mean with a t interval: the decision rule of the Judge on a statistic with known per-sample sd).
 */
class SizingTest {
    @Test
    void closedForm() {
        // ((1.959964 + 1.644854) * 2 / 0.5)^2 = 207.87 -> 208
        assertThat(Sizing.samplesToDecide(2, 0.5, 0.95, 0.95)).isEqualTo(208);
        assertThat(Sizing.probabilityToDecide(2, 0.5, 208, 0.95)).isCloseTo(0.95, within(0.001));
        assertThat(Sizing.probabilityToDecide(1, 0.0, 100, 0.95)).isCloseTo(0.025, within(1e-9));
        assertThat(Sizing.perSampleSd(1.959964, 100, 0.95)).isCloseTo(10, within(1e-5));
        assertThat(Sizing.samplesToDecide(1, 0, 0.95, 0.95)).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Sizing.samplesToDecide(0, 1, 0.95, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A bias threshold {@code upper: 0.3} (in units of the per-sample sd 1): a conventional method with bias 0
     * must PASS and a model with bias 0.6 must FAIL, each with probability 0.95 at the planned size. 2000 runs
     * each: the Monte-Carlo error of a rate near 0.95 is 0.005, so the check is against 0.935.
     */
    @Test
    void thePlannedSizePassesTheMethodAndFailsTheEffectInSimulation() {
        double bound = 0.3;
        int nPass = Sizing.samplesToDecide(1, bound - 0.0, 0.95, 0.95);
        int nFail = Sizing.samplesToDecide(1, 0.6 - bound, 0.95, 0.95);
        int n = Math.max(nPass, nFail);
        assertThat(n).isEqualTo(145);
        int runs = 2000;
        int pass = 0;
        int fail = 0;
        SplittableRandom r = new SplittableRandom(11);
        for (int run = 0; run < runs; run++) {
            pass += upperOf(r, n, 0.0) < bound ? 1 : 0;
            fail += lowerOf(r, n, 0.6) > bound ? 1 : 0;
        }
        assertThat(pass / (double) runs).isGreaterThan(0.935);
        assertThat(fail / (double) runs).isGreaterThan(0.935);
        // and at a third of the size the effect is missed far more often
        int miss = 0;
        for (int run = 0; run < runs; run++) {
            miss += lowerOf(r, n / 3, 0.6) > bound ? 0 : 1;
        }
        assertThat(miss / (double) runs).isGreaterThan(0.3);
    }

    private static double[] sample(SplittableRandom r, int n, double mu) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mu + gauss(r);
        }
        return x;
    }

    private static double gauss(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    private static double[] meanAndHalf(SplittableRandom r, int n, double mu) {
        double[] x = sample(r, n, mu);
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= n;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double t = new org.apache.commons.math3.distribution.TDistribution(null, n - 1, 1e-12).inverseCumulativeProbability(0.975);
        return new double[] {m, t * Math.sqrt(ss / (n - 1) / n)};
    }

    private static double upperOf(SplittableRandom r, int n, double mu) {
        double[] mh = meanAndHalf(r, n, mu);
        return mh[0] + mh[1];
    }

    private static double lowerOf(SplittableRandom r, int n, double mu) {
        double[] mh = meanAndHalf(r, n, mu);
        return mh[0] - mh[1];
    }
}
