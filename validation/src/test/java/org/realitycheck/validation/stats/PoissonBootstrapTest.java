package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link PoissonBootstrap}: Poisson(1) weights from (seed, index, replicate) alone, a mergeable mean whose split
 * and merged state gives the whole's interval, and the nominal coverage of a Gaussian mean (by simulation).
 */
class PoissonBootstrapTest {
    @Test
    void weightsArePoissonOneAndAFunctionOfSeedIndexAndReplicate() {
        long n = 200_000;
        double sum = 0;
        double sq = 0;
        int zeros = 0;
        for (long i = 0; i < n; i++) {
            int w = PoissonBootstrap.weight(7, i, 3);
            sum += w;
            sq += (double) w * w;
            zeros += w == 0 ? 1 : 0;
        }
        double mean = sum / n;
        // Poisson(1): mean 1, variance 1, P(0) = 1/e; 200,000 draws put each within ~0.01 (5 sigma)
        assertThat(mean).isCloseTo(1, within(0.012));
        assertThat(sq / n - mean * mean).isCloseTo(1, within(0.02));
        assertThat((double) zeros / n).isCloseTo(Math.exp(-1), within(0.006));
        assertThat(PoissonBootstrap.weight(7, 12345, 3)).isEqualTo(PoissonBootstrap.weight(7, 12345, 3));
        int differ = 0;
        for (long i = 0; i < 1000; i++) {
            differ += PoissonBootstrap.weight(7, i, 3) != PoissonBootstrap.weight(8, i, 3) ? 1 : 0;
        }
        assertThat(differ).as("another seed draws other weights").isGreaterThan(400);
    }

    @Test
    void aSplitAndMergedMeanGivesTheWholesIntervalWithinRounding() {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + rnd.nextGaussian();
        }
        PoissonBootstrap.Mean whole = new PoissonBootstrap.Mean(42, 300);
        for (int i = 0; i < x.length; i++) {
            whole.add(i, x[i]);
        }
        // seven parts, each seeing its samples backwards, merged right to left
        PoissonBootstrap.Mean[] parts = new PoissonBootstrap.Mean[7];
        for (int p = 0; p < 7; p++) {
            parts[p] = new PoissonBootstrap.Mean(42, 300);
        }
        for (int i = x.length - 1; i >= 0; i--) {
            parts[(i * 3) % 7].add(i, x[i]);
        }
        for (int p = 5; p >= 0; p--) {
            parts[6].merge(parts[p]);
        }
        Interval a = whole.interval(0.95);
        Interval b = parts[6].interval(0.95);
        assertThat(parts[6].count()).isEqualTo(whole.count());
        assertThat(b.low()).isCloseTo(a.low(), within(1e-12 * Math.abs(a.low())));
        assertThat(b.high()).isCloseTo(a.high(), within(1e-12 * Math.abs(a.high())));
        assertThat(parts[6].value()).isCloseTo(whole.value(), within(1e-12 * whole.value()));

        // the index form draws the same replicates: same interval for the mean
        long[] index = new long[x.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Interval c = PoissonBootstrap.ci(index, pos -> {
            double s = 0;
            for (int j : pos) {
                s += x[j];
            }
            return s / pos.length;
        }, 300, 0.95, 42);
        assertThat(c.low()).isCloseTo(a.low(), within(1e-9));
        assertThat(c.high()).isCloseTo(a.high(), within(1e-9));
    }

    @Test
    void theIntervalOfAGaussianMeanCoversAtAboutItsLevel() {
        SplittableRandom rnd = new SplittableRandom(3);
        int trials = 400;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            PoissonBootstrap.Mean m = new PoissonBootstrap.Mean(t, 200);
            for (int i = 0; i < 100; i++) {
                m.add(i, rnd.nextGaussian());
            }
            Interval ci = m.interval(0.95);
            covered += ci.low() <= 0 && 0 <= ci.high() ? 1 : 0;
        }
        // nominal 95%; a percentile bootstrap at n = 100 covers 93-95%; 400 trials give +-2.2% (2 sigma)
        assertThat((double) covered / trials).isBetween(0.89, 0.985);
    }
}
