package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SeparationPowerTest {

    @Test
    void matchesNumpy() {
        for (JsonNode c : Reference.get("separation")) {
            double s = SeparationPower.of(Reference.doubles(c.get("a")), Reference.doubles(c.get("b")),
                    c.get("bins").asInt());
            assertThat(s).isCloseTo(c.get("S").asDouble(), within(1e-13));
        }
    }

    @Test
    void zeroForIdenticalOneForDisjoint() {
        double[] a = {1, 2, 3, 4};
        assertThat(SeparationPower.of(a, a.clone(), 4)).isZero();
        assertThat(SeparationPower.of(new double[] {0, 0.1}, new double[] {0.9, 1}, 2)).isEqualTo(1.0);
        assertThat(SeparationPower.of(new double[] {2}, new double[] {2, 2}, 5)).isZero();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SeparationPower.of(new double[] {1}, new double[] {2}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins");
        assertThatThrownBy(() -> SeparationPower.of(Histogram.of(0, 1, 2), Histogram.of(0, 1, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same binning");
        assertThatThrownBy(() -> SeparationPower.of(Histogram.of(0, 1, 2).add(0.5), Histogram.of(0, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in-range");
    }
}
