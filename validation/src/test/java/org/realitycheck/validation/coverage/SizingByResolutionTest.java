package org.realitycheck.validation.coverage;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.realitycheck.validation.coverage.Harness.Method;
import org.realitycheck.validation.stats.Interval;
import org.realitycheck.validation.stats.Sizing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sizing of a resolution threshold, {@code resolution_ratio <= 1.3}, meant to catch a model with 1.5 times
 * the method's resolution, verified by simulation with the interval method the checks should use (BCa):
 * a pilot at 200 samples gives the per-sample sd as {@code realitycheck plan} reads it, {@link Sizing} gives
 * the count, and at that count a model as good as the method (ratio 1) PASSes and the 1.5x model FAILs, each
 * with probability about 0.95 or more. Behind {@code -Pcoverage}: the planned count is about 1600 paired samples and
 * BCa's jackknife acceleration is quadratic in it (18 minutes for 150 trials on 2 loaded cores).
 */
@EnabledIfSystemProperty(named = "realitycheck.coverage", matches = "full")
class SizingByResolutionTest {
    private static final double BOUND = 1.3;

    @Test
    void planForOnePointFiveTimesTheResolution() {
        boolean full = "full".equals(System.getProperty("realitycheck.coverage"));
        int trials = full ? Integer.getInteger("coverage.sizing.trials", 150) : 150;
        int pilotN = 200;
        // pilot: the mean half-widths of the good model's interval over a few seeds (as a plan's one run, averaged)
        double up = 0;
        double down = 0;
        int pilots = 10;
        for (int k = 0; k < pilots; k++) {
            Scenario good = Statistics.widthRatio(1.0);
            SplittableRandom r = new SplittableRandom(1000 + k);
            double[][] d = good.draw().data(r, pilotN);
            Interval ci = Harness.interval(good, d, pilotN, Method.BCA, 499, r.split(), 0.95);
            double v = good.stat().of(d, Harness.identity(pilotN), pilotN);
            up += (ci.high() - v) / pilots;
            down += (v - ci.low()) / pilots;
        }
        int nPass = Sizing.samplesToDecide(Sizing.perSampleSd(up, pilotN, 0.95), BOUND - 1.0, 0.95, 0.95);
        int nFail = Sizing.samplesToDecide(Sizing.perSampleSd(down, pilotN, 0.95) * 1.5, 1.5 - BOUND, 0.95, 0.95);
        int n = Math.max(nPass, nFail);
        int pass = 0;
        int fail = 0;
        for (int t = 0; t < trials; t++) {
            Scenario good = Statistics.widthRatio(1.0);
            SplittableRandom r = new SplittableRandom(50_000 + t);
            double[][] d = good.draw().data(r, n);
            pass += Harness.interval(good, d, n, Method.BCA, 499, r.split(), 0.95).high() < BOUND ? 1 : 0;
            Scenario bad = Statistics.widthRatio(1.5);
            double[][] e = bad.draw().data(r, n);
            fail += Harness.interval(bad, e, n, Method.BCA, 499, r.split(), 0.95).low() > BOUND ? 1 : 0;
        }
        double se = Math.sqrt(0.95 * 0.05 / trials);
        String what = "n = " + n + " (PASS " + nPass + ", FAIL " + nFail + "): PASS " + pass + ", FAIL " + fail + " of " + trials;
        System.out.println("sizing, resolution_ratio <= 1.3 against 1.5x: " + what);
        assertThat(pass / (double) trials).as(what).isGreaterThan(0.95 - 3 * se);
        assertThat(fail / (double) trials).as(what).isGreaterThan(0.95 - 3 * se);
    }
}
