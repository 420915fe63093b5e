package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RobustWidthTest {

    @Test
    void madScaleIsScipys() {
        assertThat(RobustWidth.MAD_TO_SIGMA).isEqualTo(Reference.get("mad_scale").asDouble());
    }

    @Test
    void matchesNumpyAndScipy() {
        for (JsonNode c : Reference.get("robust")) {
            double[] x = Reference.doubles(c.get("x"));
            double[] q = Reference.doubles(c.get("q"));
            double[] expected = Reference.doubles(c.get("quantile"));
            for (int i = 0; i < q.length; i++) {
                assertThat(RobustWidth.quantile(x, q[i])).as("q=" + q[i])
                        .isCloseTo(expected[i], within(1e-13 * (1 + Math.abs(expected[i]))));
            }
            assertThat(RobustWidth.median(x)).isCloseTo(c.get("median").asDouble(), within(1e-13));
            assertThat(RobustWidth.mad(x)).isCloseTo(c.get("mad").asDouble(), within(1e-13));
            assertThat(RobustWidth.central68(x)).isCloseTo(c.get("central68").asDouble(), within(1e-13));
        }
    }

    @Test
    void doesNotModifyInput() {
        double[] x = {5, 1, 3};
        RobustWidth.mad(x);
        RobustWidth.central68(x);
        assertThat(x).containsExactly(5, 1, 3);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> RobustWidth.median(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> RobustWidth.quantile(new double[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q must be in [0, 1]");
        assertThatThrownBy(() -> RobustWidth.mad(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
