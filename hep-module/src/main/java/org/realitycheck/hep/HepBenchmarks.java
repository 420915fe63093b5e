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

    /** The PyTorch-trained track GAN of the ONNX example: 40 rotated hits ⊕ 8 noise → 3 × 128 → 5, linear skip. */
    @Override
    public Optional<String> onnxPeer() {
        return Optional.of("examples/onnx/track-gan.onnx");
    }

    /**
     * @param tracksPerSecond median rate
     * @param runs every timed run's rate, in order
     * @param threads threads used
     * @param tracksPerRun the tracks each run processed, counted by the work itself (every run must process
     *     the same number, however the work is split across threads)
     */
    public record Rate(double tracksPerSecond, double[] runs, int threads, long tracksPerRun) {
        public Rate {
            runs = runs.clone();
        }

        @Override
        public double[] runs() {
            return runs.clone();
        }
    }

    /** One run of a benchmark, returning the number of tracks it processed. */
    private interface Work {
        long run();
    }

    /**
     * One warm-up run, then {@code repeats} timed runs; each run's rate is the tracks it says it processed over
     * its wall time.
     *
     * @throws IllegalStateException when a run processed no track, or not as many as the first one
     */
    private static Rate measure(int repeats, int threads, Work w) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        long units = w.run();
        if (units <= 0) {
            throw new IllegalStateException("a benchmark run processed no track");
        }
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            long n = w.run();
            rates[i] = n / ((System.nanoTime() - t0) / 1e9);
            if (n != units) {
                throw new IllegalStateException("run " + (i + 1) + " processed " + n + " tracks, the warm-up run " + units);
            }
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return new Rate(sorted[repeats / 2], rates, threads, units);
    }

    /** Simulation (gun + propagation + smearing) of {@code n} default tracks on {@code threads} threads. */
    public static Rate simulation(Detector detector, int n, int threads, int repeats) {
        TrackSimulator sim = new TrackSimulator(detector);
        ParticleGun gun = ParticleGun.defaults();
        AtomicLong sink = new AtomicLong();
        return measure(repeats, threads, () -> {
            AtomicLong done = new AtomicLong();
            IntStream.range(0, threads).parallel().forEach(t -> {
                SplittableRandom r = new SplittableRandom(t);
                long hits = 0;
                long tracks = 0;
                for (int i = t; i < n; i += threads) {
                    hits += sim.simulate(gun.draw(r), r).hitCount();
                    tracks++;
                }
                sink.addAndGet(hits);
                done.addAndGet(tracks);
            });
            return done.get();
        });
    }

    /** The helix fit of {@code tracks}, spread over {@code threads} threads. */
    public static Rate fit(Detector detector, List<SimTrack> tracks, int threads, int repeats) {
        HelixFitter fitter = new HelixFitter(Objects.requireNonNull(detector, "detector"));
        AtomicLong sink = new AtomicLong();
        return measure(repeats, threads, () -> {
            AtomicLong done = new AtomicLong();
            IntStream.range(0, threads).parallel().forEach(t -> {
                double acc = 0;
                long fitted = 0;
                for (int i = t; i < tracks.size(); i += threads) {
                    acc += fitter.fit(tracks.get(i)).params().qOverPt();
                    fitted++;
                }
                sink.addAndGet(Double.doubleToLongBits(acc));
                done.addAndGet(fitted);
            });
            return done.get();
        });
    }

    /** Generator inference over {@code set} in batches of {@code batch} (condition upload included). */
    public static Rate inference(Generator generator, SampleSet set, int batch, int repeats) {
        INDArray[] batches = new INDArray[(set.size() + batch - 1) / batch];
        for (int k = 0; k < batches.length; k++) {
            batches[k] = set.conditions(k * batch, Math.min(set.size(), (k + 1) * batch));
        }
        return measure(repeats, 1, () -> {
            long n = 0;
            for (int k = 0; k < batches.length; k++) {
                INDArray y = generator.generate(batches[k], k);
                y.getFloat(0);
                n += y.size(0);
            }
            return n;
        });
    }
}
