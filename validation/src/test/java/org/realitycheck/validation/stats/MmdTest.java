package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MmdTest {

    private static final JsonNode REF = Reference.get("mmd");

    @Test
    void matchesNumpyUnbiasedMmd() {
        double[][] x = Reference.matrix(REF.get("x"));
        double[][] y = Reference.matrix(REF.get("y"));
        assertThat(Mmd.unbiased(x, y, Mmd.Kernel.polynomial(3)))
                .isCloseTo(REF.get("polynomial").asDouble(), within(1e-12));
        assertThat(Mmd.unbiased(x, y, Mmd.Kernel.gaussian(REF.get("gaussian_bandwidth").asDouble())))
                .isCloseTo(REF.get("gaussian").asDouble(), within(1e-14));
    }

    @Test
    void symmetricAndNearZeroForSameSample() {
        double[][] x = Reference.matrix(REF.get("x"));
        double[][] y = Reference.matrix(REF.get("y"));
        Mmd.Kernel k = Mmd.Kernel.gaussian(1.0);
        assertThat(Mmd.unbiased(x, y, k)).isCloseTo(Mmd.unbiased(y, x, k), within(1e-15));
        // two halves of one sample: the unbiased estimate is centred on 0
        double[][] a = java.util.Arrays.copyOfRange(x, 0, 25);
        double[][] b = java.util.Arrays.copyOfRange(x, 25, 50);
        assertThat(Math.abs(Mmd.unbiased(a, b, k))).isLessThan(Mmd.unbiased(x, y, k) + 0.05);
    }

    @Test
    void rejectsBadArguments() {
        double[][] x = {{1, 2}, {3, 4}};
        double[][] y = {{1}, {2}};
        assertThatThrownBy(() -> Mmd.unbiased(x, y, Mmd.Kernel.gaussian(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same dimension");
        assertThatThrownBy(() -> Mmd.unbiased(new double[][] {{1, 2}}, x, Mmd.Kernel.gaussian(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must have at least 2 row");
        assertThatThrownBy(() -> Mmd.unbiased(x, x, Mmd.Kernel.polynomial(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> Mmd.Kernel.gaussian(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bandwidth");
    }
}
