package org.realitycheck.calo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.calo.sim.ShowerSimulator;
import org.realitycheck.core.Generator;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.bench.Benchmark;
import org.realitycheck.core.bench.BenchmarkProvider;

/**
 * The fast simulation's speed-up for {@code realitycheck bench}, both at photons of 50 GeV, θ = 0.1, in
 * showers per second on every core: {@code calo.fullsim}, the toy full simulation, and {@code
 * calo.gan.generate}, the shipped model (the file {@value #MODEL}, or the system property
 * {@value #MODEL_PROPERTY}) through its physical-units generator at batch 4096, frame and readout included.
 * Their ratio is the speed-up; bench's own GAN training and inference benchmarks ({@link #gan()}) measure a
 * briefly trained network of the same architecture.
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

    /** The shipped default model, relative to the working directory. */
    public static final String MODEL = "models/calo-default.zip";
    /** A system property naming another model file. */
    public static final String MODEL_PROPERTY = "realitycheck.calo.model";

    @Override
    public List<Benchmark> benchmarks() {
        int threads = Runtime.getRuntime().availableProcessors();
        return List.of(new Benchmark("calo.fullsim", "showers/s", 0, "50 GeV photons, " + threads + " threads",
                        () -> fullSimulation(400, threads)),
                new Benchmark("calo.gan.generate", "showers/s", 0, "50 GeV photons, " + System.getProperty(MODEL_PROPERTY, MODEL)
                        + ", batch 4096", () -> generation(Path.of(System.getProperty(MODEL_PROPERTY, MODEL)), 32_768, 4096)));
    }

    /**
     * One timed run (bench's harness warms up and repeats) of generating {@code n} showers of
     * {@value #ENERGY_GEV} GeV in batches of {@code batch} with the model in {@code file}, loading excluded.
     *
     * @return showers per second
     */
    public static double generation(Path file, int n, int batch) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("calo.gan.generate needs the model " + file.toAbsolutePath()
                    + " (run bench from the project folder, or set -D" + MODEL_PROPERTY + "=FILE)");
        }
        float[] c = new float[2 * batch];
        for (int i = 0; i < batch; i++) {
            c[2 * i] = (float) (1000 * ENERGY_GEV);
            c[2 * i + 1] = 0.1f;
        }
        INDArray conditions = FloatArrays.of(c, batch, 2);
        // Models.load adapts the network to physical units through the domain its card names
        try (Generator g = Models.load(file)) {
            double sink = 0;
            long t0 = System.nanoTime();
            for (int k = 0; k < n / batch; k++) {
                sink += g.generate(conditions, k).getFloat(0);
            }
            double rate = (n / batch) * (double) batch / ((System.nanoTime() - t0) / 1e9);
            return sink == Double.NEGATIVE_INFINITY ? 0 : rate;
        }
    }

    /** Inference at batch 1024 to 16 384 on 32 768 conditions; training 20 steps at the recipe's batch. */
    @Override
    public Optional<GanPlan> gan() {
        return Optional.of(new GanPlan("showers/s", 0, 20, 128, 32_768, 0, new int[] {1024, 4096, 16384}));
    }

    /**
     * One timed run (bench's harness warms up and repeats) of {@code n} full-simulation showers of
     * {@value #ENERGY_GEV} GeV spread over {@code threads} threads.
     *
     * @return showers per second
     */
    public static double fullSimulation(int n, int threads) {
        ShowerSimulator sim = new CaloDomain().fullSimulation().simulator();
        double[] sink = new double[threads];
        long t0 = System.nanoTime();
        IntStream.range(0, threads).parallel().forEach(t -> {
            SplittableRandom r = new SplittableRandom(t);
            for (int i = t; i < n; i += threads) {
                sink[t] += sim.shower(ENERGY_GEV, 0.1, r)[0];
            }
        });
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
