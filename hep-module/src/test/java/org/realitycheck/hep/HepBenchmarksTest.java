package org.realitycheck.hep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the benchmarks small (no timing assertions: speed is measured by {@code realitycheck bench}). */
class HepBenchmarksTest {
    private static final Logger LOG = LoggerFactory.getLogger(HepBenchmarksTest.class);
    private static final int N = Integer.getInteger("hep.bench.n", 20_000);

    @Test
    void simulationAndFitRatesAreMeasured() {
        Detector det = Detector.toy();
        HepBenchmarks.Rate sim1 = HepBenchmarks.simulation(det, N, 1, 3);
        HepBenchmarks.Rate sim2 = HepBenchmarks.simulation(det, N, 2, 3);
        List<SimTrack> tracks = new TrackSimulator(det).simulate(ParticleGun.defaults(), N, 1);
        HepBenchmarks.Rate fit1 = HepBenchmarks.fit(det, tracks, 1, 3);
        HepBenchmarks.Rate fit2 = HepBenchmarks.fit(det, tracks, 2, 3);
        LOG.info("simulation: {} tracks/s (1 thread), {} tracks/s (2 threads); fit: {} tracks/s (1 thread), {} tracks/s "
                + "(2 threads); n = {}", Math.round(sim1.tracksPerSecond()), Math.round(sim2.tracksPerSecond()),
                Math.round(fit1.tracksPerSecond()), Math.round(fit2.tracksPerSecond()), N);
        assertThat(sim2.runs()).hasSize(3);
        assertThat(fit2.tracksPerSecond()).isPositive();
    }
}
