package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void containsIsInclusiveAndWidthIsDifference() {
        Interval i = new Interval(-1.0, 2.5);
        assertThat(i.contains(-1.0)).isTrue();
        assertThat(i.contains(2.5)).isTrue();
        assertThat(i.contains(2.6)).isFalse();
        assertThat(i.contains(Double.NaN)).isFalse();
        assertThat(i.width()).isEqualTo(3.5);
    }

    @Test
    void rejectsNanAndReversedEnds() {
        assertThatThrownBy(() -> new Interval(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low");
        assertThatThrownBy(() -> new Interval(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low must be <= high");
    }

    @Test
    void testResultValidatesPValue() {
        assertThat(new TestResult(0.3, 0.2).pValue()).isEqualTo(0.2);
        assertThatThrownBy(() -> new TestResult(0.3, 1.2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pValue");
        assertThatThrownBy(() -> new TestResult(Double.NaN, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statistic");
    }
}
