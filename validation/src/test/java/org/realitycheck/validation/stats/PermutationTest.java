package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class PermutationTest {

    private static final BiFunction<double[], double[], Double> ABS_MEAN_DIFF = (a, b) -> {
        double sa = 0;
        for (double v : a) {
            sa += v;
        }
        double sb = 0;
        for (double v : b) {
            sb += v;
        }
        return Math.abs(sa / a.length - sb / b.length);
    };

    @Test
    void agreesWithScipysExactPermutationPValueWithinMonteCarloError() {
        JsonNode c = Reference.get("permutation");
        double[] a = Reference.doubles(c.get("a"));
        double[] b = Reference.doubles(c.get("b"));
        int perms = 20000;
        TestResult r = Permutation.test(a, b, ABS_MEAN_DIFF, perms, 2024);
        assertThat(r.statistic()).isCloseTo(c.get("statistic").asDouble(), within(1e-14));
        double exact = c.get("pvalue_exact").asDouble();
        assertThat(exact).isEqualTo(c.get("pvalue_enumerated").asDouble());
        // binomial Monte-Carlo error; 4.5 sigma (two-sided alpha ~ 7e-6)
        double sd = Math.sqrt(exact * (1 - exact) / perms);
        assertThat(r.pValue()).isCloseTo(exact, within(4.5 * sd + 1.0 / perms));
    }

    @Test
    void reproducibleFromSeed() {
        double[] a = {0.1, 0.5, 0.9, 1.3, 0.2, 0.8};
        double[] b = {0.6, 1.1, 1.4, 0.9, 1.7};
        TestResult r1 = Permutation.test(a, b, ABS_MEAN_DIFF, 2000, 7);
        TestResult r2 = Permutation.test(a, b, ABS_MEAN_DIFF, 2000, 7);
        TestResult r3 = Permutation.test(a, b, ABS_MEAN_DIFF, 2000, 8);
        assertThat(r2).isEqualTo(r1);
        assertThat(r3.pValue()).isNotEqualTo(r1.pValue()).isCloseTo(r1.pValue(), within(0.05));
        assertThat(a).containsExactly(0.1, 0.5, 0.9, 1.3, 0.2, 0.8);
    }

    @Test
    void pValueIsNeverZeroAndIdenticalSamplesGiveOne() {
        double[] a = {0, 0, 0};
        double[] b = {100, 100, 100};
        assertThat(Permutation.test(a, b, ABS_MEAN_DIFF, 99, 1).pValue()).isGreaterThanOrEqualTo(0.01);
        assertThat(Permutation.test(new double[] {2, 2}, new double[] {2, 2}, ABS_MEAN_DIFF, 50, 1).pValue())
                .isEqualTo(1.0);
    }

    @Test
    void rejectsBadArguments() {
        double[] a = {1, 2};
        assertThatThrownBy(() -> Permutation.test(a, a, ABS_MEAN_DIFF, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permutations");
        assertThatThrownBy(() -> Permutation.test(a, new double[0], ABS_MEAN_DIFF, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b");
        assertThatThrownBy(() -> Permutation.test(a, a, (x, y) -> null, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statistic returned null");
    }
}
