package org.realitycheck.hep;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.bench.Benchmark;
import org.realitycheck.core.bench.BenchmarkProvider;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.fit.HelixFitter;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;

/**
 * Throughput of the hep pieces, for {@code realitycheck bench} (which prints; this class does not).
 * Each measurement repeats the work {@code repeats} times after one warm-up run and returns the median
 * rate in tracks per second. Registered through ServiceLoader as the hep {@link BenchmarkProvider}.
 */
public final class HepBenchmarks implements BenchmarkProvider {
    private List<SimTrack> tracks;

    /** The provider {@code realitycheck bench} finds through ServiceLoader. */
    public HepBenchmarks() {
    }

    @Override
    public String domain() {
        return "hep";
    }

    /** Simulation and the helix fit of 400 000 default tracks on every core, one rate a run. */
    @Override
    public List<Benchmark> benchmarks() {
        Detector detector = new HepDomain().detector();
        int threads = Runtime.getRuntime().availableProcessors();
        return List.of(
                new Benchmark("hep.simulate", "tracks/s", 200_000, "default gun, " + threads + " threads",
                        () -> simulation(detector, 400_000, threads, 1).tracksPerSecond()),
                new Benchmark("hep.fit", "tracks/s", 1_000_000, "Karimaki + line fit, " + threads + " threads",
                        () -> fit(detector, tracks(detector), threads, 1).tracksPerSecond()));
    }

    private synchronized List<SimTrack> tracks(Detector detector) {
        if (tracks == null) {
            tracks = new TrackSimulator(detector).simulate(ParticleGun.defaults(), 400_000, 21);
        }
        return tracks;
    }

    /** The default batch, 60 steps a training run; inference on 131 072 tracks at batch 4096 to 65 536. */
    @Override
    public Optional<GanPlan> gan() {
        return Optional.of(new GanPlan("tracks/s", 0, 60, 256, 131_072, 1_000_000, new int[] {4096, 16384, 65536}));
    }

    /**
     * @param tracksPerSecond median rate
     * @param runs every run's rate, in order
     * @param threads threads used
     */
    public record Rate(double tracksPerSecond, double[] runs, int threads) {
        public Rate {
            runs = runs.clone();
        }

        @Override
        public double[] runs() {
            return runs.clone();
        }
    }

    private interface Work {
        void run();
    }

    private static Rate measure(long tracksPerRun, int repeats, int threads, Work w) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        w.run();
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            w.run();
            rates[i] = tracksPerRun / ((System.nanoTime() - t0) / 1e9);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return new Rate(sorted[repeats / 2], rates, threads);
    }

    /** Simulation (gun + propagation + smearing) of {@code n} default tracks on {@code threads} threads. */
    public static Rate simulation(Detector detector, int n, int threads, int repeats) {
        TrackSimulator sim = new TrackSimulator(detector);
        ParticleGun gun = ParticleGun.defaults();
        AtomicLong sink = new AtomicLong();
        return measure(n, repeats, threads, () -> IntStream.range(0, threads).parallel().forEach(t -> {
            SplittableRandom r = new SplittableRandom(t);
            long hits = 0;
            for (int i = t; i < n; i += threads) {
                hits += sim.simulate(gun.draw(r), r).hitCount();
            }
            sink.addAndGet(hits);
        }));
    }

    /** The helix fit of {@code tracks}, spread over {@code threads} threads. */
    public static Rate fit(Detector detector, List<SimTrack> tracks, int threads, int repeats) {
        HelixFitter fitter = new HelixFitter(Objects.requireNonNull(detector, "detector"));
        AtomicLong sink = new AtomicLong();
        return measure(tracks.size(), repeats, threads, () -> IntStream.range(0, threads).parallel().forEach(t -> {
            double acc = 0;
            for (int i = t; i < tracks.size(); i += threads) {
                acc += fitter.fit(tracks.get(i)).params().qOverPt();
            }
            sink.addAndGet(Double.doubleToLongBits(acc));
        }));
    }

    /** Generator inference over {@code set} in batches of {@code batch} (condition upload included). */
    public static Rate inference(Generator generator, SampleSet set, int batch, int repeats) {
        INDArray[] batches = new INDArray[(set.size() + batch - 1) / batch];
        for (int k = 0; k < batches.length; k++) {
            batches[k] = set.conditions(k * batch, Math.min(set.size(), (k + 1) * batch));
        }
        return measure(set.size(), repeats, 1, () -> {
            for (int k = 0; k < batches.length; k++) {
                generator.generate(batches[k], k).getFloat(0);
            }
        });
    }
}
