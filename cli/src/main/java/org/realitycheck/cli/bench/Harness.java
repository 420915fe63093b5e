package org.realitycheck.cli.bench;

import java.util.function.LongSupplier;

/**
 * Times a piece of work: warm-up runs until the throughput is steady, then {@code reps} timed runs.
 * Medians, not means, because the machines are shared.
 *
 * <p><b>Warm-up.</b> SameDiff's per-op Java code needs the JIT: on this 2-core machine a track-GAN
 * training run of 60 steps went 143 → 115 → 119 → 99 → 71 → 47 → 33 → 42 ms a step over its first
 * eight runs, and the image GAN 363 → 225 → … → 124 ms a step (docs/performance.md). One warm-up run
 * measured the JIT, not the engine. So warm-up continues until two consecutive runs agree within
 * {@value #STEADY} (relative), with at least {@code minWarmup} runs and at most {@value #MAX_WARMUP}
 * runs or {@value #MAX_WARMUP_SECONDS} s.
 */
final class Harness {
    static final double STEADY = 0.10;
    static final int MAX_WARMUP = 10;
    static final double MAX_WARMUP_SECONDS = 90;

    private final int minWarmup;
    private final int reps;
    private final LongSupplier clock;

    Harness(int minWarmup, int reps) {
        this(minWarmup, reps, System::nanoTime);
    }

    Harness(int minWarmup, int reps, LongSupplier clock) {
        if (minWarmup < 1 || reps < 1) {
            throw new IllegalArgumentException("need minWarmup >= 1 and reps >= 1, got " + minWarmup + ", " + reps);
        }
        this.minWarmup = minWarmup;
        this.reps = reps;
        this.clock = clock;
    }

    /** Work that returns how many units it processed. */
    @FunctionalInterface
    interface Work {
        long run() throws Exception;
    }

    /** Work that measures its own throughput (e.g. training, which excludes graph building). */
    @FunctionalInterface
    interface RateWork {
        double run() throws Exception;
    }

    /** Throughput of work timed from outside: units per second of wall time. */
    Measurement measure(String name, String unit, double target, String detail, Work work) throws Exception {
        return measureRate(name, unit, target, detail, () -> {
            long t0 = clock.getAsLong();
            long units = work.run();
            return units / ((clock.getAsLong() - t0) / 1e9);
        });
    }

    /** Throughput of work that reports its own rate. */
    Measurement measureRate(String name, String unit, double target, String detail, RateWork work) throws Exception {
        // the previous benchmark's data is garbage now: collect it here rather than during this one
        // (in the full suite the helix fit, which allocates per track, measured 0.55 M tracks/s right
        // after the image GAN against 1.3 M alone)
        System.gc();
        int warm = warmUp(work);
        double[] rates = new double[reps];
        for (int i = 0; i < reps; i++) {
            rates[i] = work.run();
        }
        return Measurement.of(name, unit, rates, target, detail + ", " + warm + " warm-up runs");
    }

    /** @return the number of warm-up runs made */
    int warmUp(RateWork work) throws Exception {
        long start = clock.getAsLong();
        double previous = Double.NaN;
        int runs = 0;
        while (true) {
            double rate = work.run();
            runs++;
            boolean steady = Math.abs(rate - previous) <= STEADY * Math.max(rate, previous);
            if ((runs >= minWarmup && steady) || runs >= MAX_WARMUP
                    || (clock.getAsLong() - start) / 1e9 > MAX_WARMUP_SECONDS) {
                return runs;
            }
            previous = rate;
        }
    }
}
