package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CovariateBinsTest {
    @Test
    void boundariesSplitBinsSoThatNoneStraddlesARangeEnd() {
        // sweep 0.01-0.25, application range 0.01-0.1, training range 0.01-0.05
        CovariateBins b = CovariateBins.withBoundaries(0.01, 0.25, 10, false, 0.01, 0.1, 0.01, 0.05);
        for (int k = 0; k < b.size(); k++) {
            boolean straddles100 = b.low(k) < 0.1 && b.high(k) > 0.1;
            boolean straddles050 = b.low(k) < 0.05 && b.high(k) > 0.05;
            assertThat(straddles100 || straddles050).as(b.label(k)).isFalse();
        }
    }

    @Test
    void aTrainingRangeRecordedFromTheSamplesDoesNotCutSliversOffTheApplicationRange() {
        // the card of a model trained on the prior [0.01, 0.1] records the samples' range [0.01012, 0.09995]
        CovariateBins b = CovariateBins.withBoundaries(0.01, 0.25, 10, false, 0.01, 0.1, 0.01012, 0.09995);
        double narrowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < b.size(); k++) {
            narrowest = Math.min(narrowest, b.high(k) - b.low(k));
        }
        assertThat(narrowest).as("narrowest bin of %s bins", b.size()).isGreaterThan(0.1 * 0.024);
        // the application range's end stays an edge: nothing judged shares a bin with what is not
        assertThat(b.bin(0.0999)).isNotEqualTo(b.bin(0.1001));
    }

    @Test
    void aBoundaryFarFromTheOthersIsKeptEvenWhenItComesLast() {
        CovariateBins b = CovariateBins.withBoundaries(0.35, 300, 8, true, 0.5, 100, 1.0, 10.0);
        assertThat(b.bin(0.99)).isNotEqualTo(b.bin(1.01));
        assertThat(b.bin(9.9)).isNotEqualTo(b.bin(10.1));
        assertThat(b.bin(0.49)).isNotEqualTo(b.bin(0.51));
    }
}
