package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final ToDoubleFunction<double[]> MEAN = x -> {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    };

    private static double[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller
            x[i] = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return x;
    }

    @Test
    void sameSeedGivesIdenticalIntervalDifferentSeedIsClose() {
        double[] x = gaussian(300, 1);
        Interval a = Bootstrap.ci(x, MEAN, 2000, 0.95, 42);
        Interval b = Bootstrap.ci(x, MEAN, 2000, 0.95, 42);
        Interval c = Bootstrap.ci(x, MEAN, 2000, 0.95, 43);
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        // Monte-Carlo spread of a 2.5% percentile with B=2000 is ~0.05 standard errors of the mean
        double se = 1 / Math.sqrt(300);
        assertThat(c.low()).isCloseTo(a.low(), within(0.25 * se));
        assertThat(c.high()).isCloseTo(a.high(), within(0.25 * se));
    }

    @Test
    void meanIntervalMatchesNormalTheory() {
        // closed form: mean ± z_{0.975} s/sqrt(n); the percentile bootstrap agrees to O(1/sqrt(B)) + O(1/n)
        double[] x = gaussian(400, 7);
        double m = MEAN.applyAsDouble(x);
        double s = Math.sqrt(Moments.of(x).variance() * (x.length - 1) / x.length);
        double half = 1.959963984540054 * s / Math.sqrt(x.length);
        Interval ci = Bootstrap.ci(x, MEAN, 4000, 0.95, 3);
        assertThat(ci.low()).isCloseTo(m - half, within(0.1 * half));
        assertThat(ci.high()).isCloseTo(m + half, within(0.1 * half));
        assertThat(ci.contains(m)).isTrue();
    }

    @Test
    void indexVersionResamplesPairsTogether() {
        double[] x = gaussian(200, 11);
        double[] y = x.clone();
        // a paired difference of identical arrays is exactly 0 on every resample
        Interval ci = Bootstrap.ci(x.length, idx -> {
            double s = 0;
            for (int i : idx) {
                s += x[i] - y[i];
            }
            return s;
        }, 500, 0.9, 5);
        assertThat(ci.low()).isZero();
        assertThat(ci.high()).isZero();
        // and the index version draws the same resamples as the array version
        Interval viaIdx = Bootstrap.ci(x.length, idx -> {
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            return s / idx.length;
        }, 500, 0.9, 5);
        assertThat(viaIdx).isEqualTo(Bootstrap.ci(x, MEAN, 500, 0.9, 5));
    }

    @Test
    void rejectsBadArguments() {
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> Bootstrap.ci(x, MEAN, 1, 0.95, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
        assertThatThrownBy(() -> Bootstrap.ci(x, MEAN, 100, 0.0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
        assertThatThrownBy(() -> Bootstrap.ci(new double[0], MEAN, 100, 0.9, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> Bootstrap.ci(x, v -> Double.NaN, 100, 0.9, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Bootstrap.ci(0, idx -> 0.0, 100, 0.9, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 1");
    }
}
