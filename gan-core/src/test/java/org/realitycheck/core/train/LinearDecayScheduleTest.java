package org.realitycheck.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.TrainingConfig;

class LinearDecayScheduleTest {
    private static final TrainingConfig BASE = new TrainingConfig(4, 10, "bce", 100.0, 1e-3, 0.5, 0.999, 1, 0.01, 1L);

    @Test
    void constantThenLinearToZero() {
        // 4 epochs of 5 batches, decay over the last 2 epochs: 20 updates, constant for 10, then falling
        LinearDecaySchedule s = LinearDecaySchedule.of(BASE.withDecayEpochs(2), 5, 1);
        assertThat(s).isEqualTo(new LinearDecaySchedule(1e-3, 20, 10));
        assertThat(s.valueAt(0, 0)).isEqualTo(1e-3);
        assertThat(s.valueAt(10, 0)).isEqualTo(1e-3);
        assertThat(s.valueAt(15, 0)).isCloseTo(0.5e-3, within(1e-15));
        assertThat(s.valueAt(19, 0)).isCloseTo(1e-4, within(1e-15)); // the last update: base / decay
        assertThat(s.valueAt(25, 0)).isZero();
    }

    @Test
    void generatorUpdatedEveryKthIterationGetsItsOwnCount() {
        LinearDecaySchedule g = LinearDecaySchedule.of(BASE.withDecayEpochs(4), 5, 2);
        assertThat(g).isEqualTo(new LinearDecaySchedule(1e-3, 10, 10));
        assertThat(g.valueAt(9, 0)).isCloseTo(1e-4, within(1e-15));
    }

    @Test
    void noDecayMeansNoSchedule() {
        assertThat(LinearDecaySchedule.of(BASE, 5, 1)).isNull();
        assertThat(BASE.decayEpochs()).isZero();
    }

    @Test
    void configValidatesDecayEpochs() {
        assertThatThrownBy(() -> BASE.withDecayEpochs(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decayEpochs");
        assertThatThrownBy(() -> BASE.withDecayEpochs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BASE.withDecayEpochs(4).withEpochs(2).decayEpochs()).isEqualTo(2);
        assertThatThrownBy(() -> new LinearDecaySchedule(1e-3, 10, 11)).isInstanceOf(IllegalArgumentException.class);
    }
}
