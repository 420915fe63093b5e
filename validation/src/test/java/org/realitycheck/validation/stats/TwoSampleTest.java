package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TwoSampleTest {

    @Test
    void matchesScipyKs2samp() {
        for (JsonNode c : Reference.get("ks")) {
            double[] a = Reference.doubles(c.get("a"));
            double[] b = Reference.doubles(c.get("b"));
            TestResult r = TwoSample.ks(a, b);
            String name = c.get("name").asText();
            assertThat(r.statistic()).as(name).isCloseTo(c.get("statistic").asDouble(), within(1e-12));
            // exact path counting in doubles vs scipy's: agree to ~1e-10 relative
            double p = c.get("pvalue").asDouble();
            assertThat(r.pValue()).as(name).isCloseTo(p, within(1e-9 + 1e-8 * p));
        }
    }

    @Test
    void largeSampleLimitLawIsCloseToScipyAuto() {
        // documented gap between the Kolmogorov limit law (used for n*m >= 10^4) and scipy's exact 'auto'
        for (JsonNode c : Reference.get("ks")) {
            if (c.has("pvalue_scipy_auto")) {
                TestResult r = TwoSample.ks(Reference.doubles(c.get("a")), Reference.doubles(c.get("b")));
                double auto = c.get("pvalue_scipy_auto").asDouble();
                assertThat(r.pValue()).isCloseTo(auto, within(0.1 * auto + 0.01));
            }
        }
    }

    @Test
    void identicalSamplesGiveZeroAndPOne() {
        double[] a = {1, 2, 3, 4, 5};
        TestResult r = TwoSample.ks(a, a.clone());
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void doesNotModifyInputs() {
        double[] a = {3, 1, 2};
        double[] b = {9, 7, 8};
        TwoSample.ks(a, b);
        assertThat(a).containsExactly(3, 1, 2);
        assertThat(b).containsExactly(9, 7, 8);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> TwoSample.ks(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
        assertThatThrownBy(() -> TwoSample.ks(new double[] {1, 2}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b must be finite");
        assertThatThrownBy(() -> TwoSample.ks(null, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
