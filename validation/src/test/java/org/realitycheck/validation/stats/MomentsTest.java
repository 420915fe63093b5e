package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MomentsTest {

    private static final JsonNode REF = Reference.get("moments");

    @Test
    void matchesNumpy() {
        Moments m = Moments.of(Reference.doubles(REF.get("x")));
        assertThat(m.count()).isEqualTo(REF.get("x").size());
        assertThat(m.mean()).isCloseTo(REF.get("mean").asDouble(), within(1e-13));
        assertThat(m.variance()).isCloseTo(REF.get("variance").asDouble(), within(1e-12));
        assertThat(m.min()).isEqualTo(REF.get("min").asDouble());
        assertThat(m.max()).isEqualTo(REF.get("max").asDouble());
    }

    @Test
    void splitAndMergeEqualsWhole() {
        double[] x = Reference.doubles(REF.get("x"));
        Moments whole = Moments.of(x);
        Moments merged = Moments.empty()
                .merge(Moments.of(Arrays.copyOfRange(x, 0, 1)))
                .merge(Moments.of(Arrays.copyOfRange(x, 1, 300)))
                .merge(Moments.empty())
                .merge(Moments.of(Arrays.copyOfRange(x, 300, x.length)));
        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.mean()).isCloseTo(whole.mean(), within(1e-12 * Math.abs(whole.mean())));
        assertThat(merged.variance()).isCloseTo(whole.variance(), within(1e-12 * whole.variance()));
        assertThat(merged.min()).isEqualTo(whole.min());
        assertThat(merged.max()).isEqualTo(whole.max());
    }

    @Test
    void edgeCasesAndBadArguments() {
        Moments m = Moments.empty().add(3.0);
        assertThat(m.mean()).isEqualTo(3.0);
        assertThat(m.populationVariance()).isZero();
        assertThatThrownBy(m::variance).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Moments.empty().mean()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x must be finite");
    }
}
