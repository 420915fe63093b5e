package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {

    private static final double[] QS = {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1.0};

    @Test
    void exactBelowCapacityMatchesNumpy() {
        JsonNode c = Reference.get("sketch_exact");
        double[] x = Reference.doubles(c.get("x"));
        double[] q = Reference.doubles(c.get("q"));
        double[] expected = Reference.doubles(c.get("quantile"));
        QuantileSketch s = QuantileSketch.create().addAll(x);
        assertThat(s.rankErrorBound()).isZero();
        for (int i = 0; i < q.length; i++) {
            assertThat(s.quantile(q[i])).isCloseTo(expected[i], within(1e-13 * Math.abs(expected[i])));
        }
    }

    private static double[] data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // heavy-ish tail: exponential of a uniform
            x[i] = Math.exp(3 * r.nextDouble()) + r.nextDouble();
        }
        return x;
    }

    /** Asserts q·n lies within the rank error bound of [#{x < v}, #{x <= v}]. */
    private static void assertWithinBound(QuantileSketch s, double[] sorted) {
        long e = s.rankErrorBound();
        for (double q : QS) {
            double v = s.quantile(q);
            int below = Roc.lowerBound(sorted, v);
            int notAbove = Roc.upperBound(sorted, v);
            double target = q * sorted.length;
            assertThat(target).as("q=" + q).isBetween(below - e - 1.0, notAbove + e + 1.0);
        }
    }

    @Test
    void compactedSketchStaysWithinItsRankErrorBound() {
        int n = 200_000;
        int k = 256;
        double[] x = data(n, 1);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        QuantileSketch s = QuantileSketch.create(k).addAll(x);
        assertThat(s.rankErrorBound()).isPositive();
        // documented worst case: E/n <= L/(k-1), L <= ceil(log2(n/(k-1))) + 1
        int levels = (int) Math.ceil(Math.log((double) n / (k - 1)) / Math.log(2)) + 1;
        assertThat(s.normalizedRankError()).isLessThanOrEqualTo((double) levels / (k - 1));
        assertThat(s.retained()).isLessThan(k * (levels + 1));
        assertWithinBound(s, sorted);
        assertThat(s.quantile(0)).isEqualTo(sorted[0]);
        assertThat(s.quantile(1)).isEqualTo(sorted[n - 1]);
    }

    @Test
    void splitAndMergeStaysWithinTheBound() {
        int n = 150_000;
        double[] x = data(n, 2);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        QuantileSketch merged = QuantileSketch.create(256);
        for (int shard = 0; shard < 7; shard++) {
            int from = shard * n / 7;
            int to = (shard + 1) * n / 7;
            merged.merge(QuantileSketch.create(256).addAll(Arrays.copyOfRange(x, from, to)));
        }
        assertThat(merged.count()).isEqualTo(n);
        assertWithinBound(merged, sorted);
        QuantileSketch whole = QuantileSketch.create(256).addAll(x);
        for (double q : QS) {
            double tol = (merged.rankErrorBound() + whole.rankErrorBound() + 2.0) / n;
            // both estimates sit within their bounds of the true rank, hence within the sum of each other
            double rankMerged = (double) Roc.lowerBound(sorted, merged.quantile(q)) / n;
            double rankWhole = (double) Roc.lowerBound(sorted, whole.quantile(q)) / n;
            assertThat(rankMerged).as("q=" + q).isCloseTo(rankWhole, within(tol + 1e-12));
        }
    }

    @Test
    void deterministic() {
        double[] x = data(50_000, 3);
        QuantileSketch a = QuantileSketch.create(128).addAll(x);
        QuantileSketch b = QuantileSketch.create(128).addAll(x);
        for (double q : QS) {
            assertThat(a.quantile(q)).isEqualTo(b.quantile(q));
        }
        assertThat(a.copy().quantile(0.3)).isEqualTo(a.quantile(0.3));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> QuantileSketch.create(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be >= 8");
        assertThatThrownBy(() -> QuantileSketch.create().quantile(0.5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QuantileSketch.create().add(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> QuantileSketch.create(16).merge(QuantileSketch.create(32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same k");
        assertThatThrownBy(() -> QuantileSketch.create().add(1).quantile(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q must be in [0, 1]");
    }
}
