package org.realitycheck.validation.coverage;

import org.junit.jupiter.api.Test;
import org.realitycheck.validation.coverage.Harness.Method;
import org.realitycheck.validation.coverage.Harness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast subset of the coverage sweep: at the smallest sizes a policy allows, the methods the checks
 * should use reach 93–97% for a nominal 95%, and the percentile bootstrap of a mean does not. 1000 trials
 * per cell: the Monte-Carlo standard error is about 0.007, so the bounds carry a margin of 0.02 (about
 * 3 standard errors) around the 93–97% band.
 */
class CoverageTest {
    private static final int TRIALS = 1000;
    private static final int RESAMPLES = 499;
    private static final long SEED = 20261203L;
    private static final double LOW = 0.93 - 0.02;
    private static final double HIGH = 0.97 + 0.02;

    private static void inBand(Result r) {
        assertThat(r.rate()).as(r.row()).isBetween(LOW, HIGH);
    }

    @Test
    void percentileBootstrapOfASkewedMeanUnderCoversAtTenAndTheStudentizedOneDoesNot() {
        Result pct = Harness.coverage(Statistics.mean("exponential"), 10, Method.PERCENTILE, TRIALS, RESAMPLES, SEED);
        assertThat(pct.rate()).as(pct.row()).isLessThan(0.91);
        inBand(Harness.coverage(Statistics.mean("exponential"), 10, Method.STUDENTIZED, TRIALS, RESAMPLES, SEED));
        inBand(Harness.coverage(Statistics.mean("normal"), 10, Method.STUDENTIZED, TRIALS, RESAMPLES, SEED));
    }

    @Test
    void orderStatisticIntervalOfAMedianHoldsAtTen() {
        inBand(Harness.coverage(Statistics.median("exponential"), 10, Method.ORDER_INTERPOLATED, TRIALS, RESAMPLES, SEED));
        Result exact = Harness.coverage(Statistics.median("normal"), 10, Method.ORDER_EXACT, TRIALS, RESAMPLES, SEED);
        assertThat(exact.rate()).as(exact.row()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void bcaIntervalOfAWidthRatioHoldsFromTwentyPerBin() {
        inBand(Harness.coverage(Statistics.widthRatio(), 20, Method.BCA, TRIALS / 2, RESAMPLES, SEED));
        inBand(Harness.coverage(Statistics.degradation(), 20, Method.BCA, TRIALS / 2, RESAMPLES, SEED));
    }

    @Test
    void newcombeIntervalOfAPairedRecoveryDifferenceHoldsWhereTheBootstrapDoesNot() {
        inBand(Harness.coverage(Statistics.recoveryDifference(), 20, Method.NEWCOMBE, TRIALS, RESAMPLES, SEED));
        Result pct = Harness.coverage(Statistics.recoveryDifference(), 50, Method.PERCENTILE, TRIALS, RESAMPLES, SEED);
        assertThat(pct.rate()).as(pct.row()).isLessThan(0.935);
    }

    /** The worst of 7 bins: per-bin 95% intervals miss the worst bin's truth far more than 5% of the time. */
    @Test
    void worstOfBinsNeedsTheBonferroniLevel() {
        Result plain = Harness.worstOfBins(Statistics.widthRatio(), 7, 30, Method.BCA, 0.95, 200, RESAMPLES, SEED);
        Result bonf = Harness.worstOfBins(Statistics.widthRatio(), 7, 30, Method.BCA, 1 - 0.05 / 7, 200, RESAMPLES, SEED);
        assertThat(plain.rate()).as(plain.row()).isLessThan(0.92);
        assertThat(bonf.rate()).as(bonf.row()).isGreaterThan(0.93);
    }
}
