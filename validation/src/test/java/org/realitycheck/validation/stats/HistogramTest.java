package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HistogramTest {

    private static final JsonNode REF = Reference.get("histogram");

    private static Histogram empty() {
        return Histogram.of(REF.get("lo").asDouble(), REF.get("hi").asDouble(), REF.get("bins").asInt());
    }

    @Test
    void matchesNumpyHistogramIncludingEdgeValues() {
        double[] x = Reference.doubles(REF.get("x"));
        Histogram h = empty().addAll(x);
        long[] expected = Arrays.stream(Reference.doubles(REF.get("counts"))).mapToLong(d -> (long) d).toArray();
        assertThat(h.counts()).containsExactly(expected);
        assertThat(h.edges()).containsExactly(Reference.doubles(REF.get("edges")));
        assertThat(h.underflow()).isEqualTo(REF.get("underflow").asLong());
        assertThat(h.overflow()).isEqualTo(REF.get("overflow").asLong());
        assertThat(h.total()).isEqualTo(x.length);
    }

    @Test
    void splitAndMergeEqualsWholeExactly() {
        double[] x = Reference.doubles(REF.get("x"));
        Histogram whole = empty().addAll(x).add(Double.NaN);
        Histogram a = empty().addAll(Arrays.copyOfRange(x, 0, 200));
        Histogram b = empty().addAll(Arrays.copyOfRange(x, 200, 333)).add(Double.NaN);
        Histogram c = empty().addAll(Arrays.copyOfRange(x, 333, x.length));
        a.merge(b).merge(c);
        assertThat(a.counts()).containsExactly(whole.counts());
        assertThat(a.underflow()).isEqualTo(whole.underflow());
        assertThat(a.overflow()).isEqualTo(whole.overflow());
        assertThat(a.nanCount()).isEqualTo(1);
        assertThat(a.total()).isEqualTo(whole.total());
    }

    @Test
    void normalizedSumsToOneAndCountsAreCopies() {
        Histogram h = Histogram.of(0, 1, 4).addAll(new double[] {0.1, 0.3, 0.3, 1.0, 2.0, Double.NEGATIVE_INFINITY});
        assertThat(h.normalized()).containsExactly(0.25, 0.5, 0, 0.25);
        assertThat(Arrays.stream(h.normalized()).sum()).isCloseTo(1.0, within(1e-15));
        h.counts()[0] = 99;
        assertThat(h.counts()[0]).isEqualTo(1);
        assertThat(h.overflow()).isEqualTo(1);
        assertThat(h.underflow()).isEqualTo(1);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Histogram.of(1, 1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hi must be > lo");
        assertThatThrownBy(() -> Histogram.of(0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bins");
        assertThatThrownBy(() -> Histogram.of(0, Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> Histogram.of(0, 1, 4).merge(Histogram.of(0, 1, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same binning");
        assertThatThrownBy(() -> Histogram.of(0, 1, 4).normalized()).isInstanceOf(IllegalStateException.class);
    }
}
