package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WassersteinTest {

    @Test
    void matchesScipyWassersteinDistance() {
        for (JsonNode c : Reference.get("wasserstein")) {
            double w = Wasserstein.w1(Reference.doubles(c.get("a")), Reference.doubles(c.get("b")));
            assertThat(w).isCloseTo(c.get("w1").asDouble(), within(1e-12));
        }
    }

    @Test
    void shiftGivesTheShiftAndIsSymmetric() {
        double[] a = {0, 1, 2, 5};
        double[] b = {0.5, 1.5, 2.5, 5.5};
        assertThat(Wasserstein.w1(a, b)).isCloseTo(0.5, within(1e-15));
        assertThat(Wasserstein.w1(b, a)).isEqualTo(Wasserstein.w1(a, b));
        assertThat(Wasserstein.w1(new double[] {3}, new double[] {3})).isZero();
    }

    @Test
    void rejectsEmptyAndNan() {
        assertThatThrownBy(() -> Wasserstein.w1(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a must have at least 1");
        assertThatThrownBy(() -> Wasserstein.w1(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b must be finite");
    }
}
