package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void matchesScipyFalseDiscoveryControl() {
        for (JsonNode c : Reference.get("bh")) {
            double[] p = Reference.doubles(c.get("p"));
            double[] expected = Reference.doubles(c.get("adjusted"));
            double[] adj = BenjaminiHochberg.adjust(p);
            for (int i = 0; i < p.length; i++) {
                assertThat(adj[i]).as("i=" + i).isCloseTo(expected[i], within(1e-15));
            }
            boolean[] rej = BenjaminiHochberg.rejected(p, c.get("q").asDouble());
            for (int i = 0; i < p.length; i++) {
                assertThat(rej[i]).as("i=" + i).isEqualTo(c.get("rejected").get(i).asBoolean());
            }
        }
    }

    @Test
    void singlePValueIsUnchanged() {
        assertThat(BenjaminiHochberg.adjust(new double[] {0.03})).containsExactly(0.03);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p must");
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> BenjaminiHochberg.rejected(new double[] {0.1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q must be in (0, 1)");
    }
}
