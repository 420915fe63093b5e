package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ClassifierTestTest {

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** n points of d unit Gaussians, the first feature shifted by {@code shift} and scaled by {@code scale}. */
    private static double[][] sample(int n, int d, double shift, double scale, SplittableRandom r) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = gauss(r);
            }
            x[i][0] = x[i][0] * scale + shift;
        }
        return x;
    }

    @Test
    void identicalDistributionsCoverHalfAtTheStatedLevel() {
        // 20 independent runs; a 95% interval misses 0.5 in Binomial(20, 0.05) runs: P(misses >= 5) = 0.26%
        int misses = 0;
        for (int run = 0; run < 20; run++) {
            SplittableRandom r = new SplittableRandom(1000 + run);
            ClassifierTest.Result res = ClassifierTest.auc(sample(600, 3, 0, 1, r), sample(600, 3, 0, 1, r), run);
            assertThat(res.trainSize()).isEqualTo(600);
            assertThat(res.testSize()).isEqualTo(600);
            assertThat(res.auc()).isCloseTo(0.5, within(0.1));
            if (!res.ci().contains(0.5)) {
                misses++;
            }
        }
        assertThat(misses).isLessThanOrEqualTo(4);
    }

    @Test
    void shiftedMeanMatchesClosedForm() {
        // unit Gaussians with mean difference Δ: the optimal (linear) score has AUC = Φ(Δ/√2)
        double delta = 1.0;
        double expected = new NormalDistribution().cumulativeProbability(delta / Math.sqrt(2));
        int covered = 0;
        for (int run = 0; run < 5; run++) {
            SplittableRandom r = new SplittableRandom(77 + run);
            ClassifierTest.Result res = ClassifierTest.auc(sample(2000, 3, 0, 1, r), sample(2000, 3, delta, 1, r), run);
            assertThat(res.auc()).isGreaterThan(0.7);
            assertThat(res.ci().low()).isGreaterThan(0.5);
            if (res.ci().contains(expected)) {
                covered++;
            }
        }
        // P(covered <= 2 | coverage 0.95) < 0.2%
        assertThat(covered).isGreaterThanOrEqualTo(3);
    }

    @Test
    void seesWidthDifferencesOnlyThroughSquaredFeatures() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] a = sample(2000, 1, 0, 1, r);
        double[][] b = sample(2000, 1, 0, 1.5, r);
        ClassifierTest.Result linear = ClassifierTest.auc(a, b, 1);
        assertThat(linear.ci().contains(0.5) || linear.auc() < 0.56).isTrue();
        double[][] a2 = new double[a.length][];
        double[][] b2 = new double[b.length][];
        for (int i = 0; i < a.length; i++) {
            a2[i] = new double[] {a[i][0], a[i][0] * a[i][0]};
            b2[i] = new double[] {b[i][0], b[i][0] * b[i][0]};
        }
        assertThat(ClassifierTest.auc(a2, b2, 1).ci().low()).isGreaterThan(0.55);
    }

    @Test
    void deterministicFromSeed() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] a = sample(300, 2, 0, 1, r);
        double[][] b = sample(250, 2, 0.3, 1, r);
        ClassifierTest.Result r1 = ClassifierTest.auc(a, b, 9);
        assertThat(ClassifierTest.auc(a, b, 9)).isEqualTo(r1);
        assertThat(r1.trainSize()).isEqualTo(250);
        assertThat(r1.testSize()).isEqualTo(250);
    }

    @Test
    void hanleyMcNeilAtHalfIsTheMannWhitneyNullVariance() {
        Interval ci = ClassifierTest.hanleyMcNeil(0.5, 100, 80, 0.95);
        double se = Math.sqrt((100 + 80 + 1) / (12.0 * 100 * 80));
        assertThat(ci.high() - 0.5).isCloseTo(1.959963984540054 * se, within(1e-12));
    }

    @Test
    void rejectsBadArguments() {
        double[][] small = {{1}, {2}, {3}};
        double[][] ok = {{1}, {2}, {3}, {4}};
        assertThatThrownBy(() -> ClassifierTest.auc(small, ok, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must have at least 4");
        assertThatThrownBy(() -> ClassifierTest.auc(ok, new double[][] {{1, 2}, {1, 2}, {1, 2}, {1, 2}}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same dimension");
        assertThatThrownBy(() -> ClassifierTest.auc(ok, ok, 1, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
    }
}
