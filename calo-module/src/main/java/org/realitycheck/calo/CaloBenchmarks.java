package org.realitycheck.calo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.realitycheck.calo.sim.ShowerSimulator;
import org.realitycheck.core.bench.Benchmark;
import org.realitycheck.core.bench.BenchmarkProvider;

/**
 * Throughput of the calo full simulation for {@code realitycheck bench} ({@code calo.fullsim}: photons of
 * 50 GeV at θ = 0.1 on every core, showers per second); the GAN's generation rate ({@code
 * calo.gan.generate}) is measured by bench's model plan ({@link #gan()}) on the shipped model, in showers
 * per second. Their ratio is the fast simulation's speed-up.
 */
public final class CaloBenchmarks implements BenchmarkProvider {
    /** The energy both rates are taken at, GeV. */
    public static final double ENERGY_GEV = 50;

    public CaloBenchmarks() {
    }

    @Override
    public String domain() {
        return "calo";
    }

    @Override
    public List<Benchmark> benchmarks() {
        int threads = Runtime.getRuntime().availableProcessors();
        return List.of(new Benchmark("calo.fullsim", "showers/s", 0, "50 GeV photons, " + threads + " threads",
                () -> fullSimulation(2000, threads)));
    }

    /** Inference at batch 1024 to 16 384 on 32 768 conditions; training 20 steps at the recipe's batch. */
    @Override
    public Optional<GanPlan> gan() {
        return Optional.of(new GanPlan("showers/s", 0, 20, 128, 32_768, 0, new int[] {1024, 4096, 16384}));
    }

    /**
     * Median rate of 3 runs (after a warm-up run) of {@code n} showers of {@value #ENERGY_GEV} GeV spread
     * over {@code threads} threads.
     *
     * @return showers per second
     */
    public static double fullSimulation(int n, int threads) {
        ShowerSimulator sim = new CaloDomain().fullSimulation().simulator();
        List<Double> rates = new ArrayList<>();
        double[] sink = new double[threads];
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            IntStream.range(0, threads).parallel().forEach(t -> {
                SplittableRandom r = new SplittableRandom(t);
                for (int i = t; i < n; i += threads) {
                    sink[t] += sim.shower(ENERGY_GEV, 0.1, r)[0];
                }
            });
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            if (run > 0) {
                rates.add(rate);
            }
        }
        rates.sort(null);
        return rates.get(1);
    }
}
