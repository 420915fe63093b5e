package org.realitycheck.hep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;

/**
 * The hep benchmarks do the work they claim, whatever the thread split (no timing assertions: speed is
 * measured with {@code realitycheck bench}).
 */
class HepBenchmarksTest {
    private static final int N = 2_001; // odd, so that two threads get different shares

    @Test
    void everyTrackIsSimulatedAndFittedExactlyOnceOnOneAndTwoThreads() {
        Detector det = Detector.toy();
        List<SimTrack> tracks = new TrackSimulator(det).simulate(ParticleGun.defaults(), N, 1);
        for (int threads = 1; threads <= 3; threads++) {
            HepBenchmarks.Rate sim = HepBenchmarks.simulation(det, N, threads, 3);
            HepBenchmarks.Rate fit = HepBenchmarks.fit(det, tracks, threads, 3);
            assertThat(sim.tracksPerRun()).isEqualTo(N);
            assertThat(fit.tracksPerRun()).isEqualTo(N);
            assertThat(sim.runs()).hasSize(3);
            for (HepBenchmarks.Rate r : List.of(sim, fit)) {
                double[] runs = r.runs();
                java.util.Arrays.sort(runs);
                assertThat(r.tracksPerSecond()).isEqualTo(runs[1]).isFinite().isPositive();
                assertThat(r.threads()).isEqualTo(threads);
            }
        }
    }

    @Test
    void aRunThatProcessesNoTrackIsAnErrorNotAnInfiniteOrZeroRate() {
        assertThatThrownBy(() -> HepBenchmarks.fit(Detector.toy(), List.of(), 2, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no track");
        assertThatThrownBy(() -> HepBenchmarks.simulation(Detector.toy(), 10, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
