package org.realitycheck.cli.bench;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Warm-up until steady, then the median of the timed runs. */
class HarnessTest {
    @Test
    void warmsUpUntilTwoRunsAgreeThenTakesTheMedianOfTheTimedRuns() throws Exception {
        Iterator<Double> rates = List.of(10.0, 20.0, 40.0, 43.0, 50.0, 44.0, 47.0).iterator();
        Measurement m = new Harness(2, 3, () -> 0L).measureRate("x", "u/s", 45, "d", rates::next);
        assertThat(m.median()).isEqualTo(47.0); // timed runs 50, 44, 47
        assertThat(m.min()).isEqualTo(44.0);
        assertThat(m.detail()).isEqualTo("d, 4 warm-up runs"); // 40 → 43 is within 10%
        assertThat(m.verdict()).isEqualTo("met");
        assertThat(rates.hasNext()).isFalse();
    }

    @Test
    void warmUpStopsAtItsCapWhenTheRateNeverSettles() throws Exception {
        double[] next = {1};
        int runs = new Harness(2, 1, () -> 0L).warmUp(() -> next[0] *= 2);
        assertThat(runs).isEqualTo(Harness.MAX_WARMUP);
    }

    @Test
    void warmUpStopsAtItsTimeLimit() throws Exception {
        long[] now = {0};
        double[] next = {1};
        int runs = new Harness(2, 1, () -> now[0]).warmUp(() -> {
            now[0] += 50_000_000_000L; // each run takes 50 s
            return next[0] *= 2;
        });
        assertThat(runs).isEqualTo(2);
    }
}
