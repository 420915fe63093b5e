package org.realitycheck.core.bench;

import java.util.Objects;

/**
 * One throughput benchmark a domain offers to {@code realitycheck bench}, which warms it up and
 * repeats it (the harness owns warm-up, repetitions and medians; a benchmark only does the work).
 *
 * @param name the id, {@code <domain>.<what>}, e.g. {@code hep.fit}
 * @param unit what is counted per second, e.g. {@code tracks/s}
 * @param target the target in the same unit, or NaN when there is none
 * @param detail configuration for the report, e.g. {@code 30 iterations, 64x64, all cores}
 * @param work one run, returning its own throughput in {@code unit}
 */
public record Benchmark(String name, String unit, double target, String detail, Work work) {
    public Benchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(work, "work");
    }

    /** One run of a benchmark that times itself (e.g. excluding set-up), returning units per second. */
    @FunctionalInterface
    public interface Work {
        double run() throws Exception;
    }

    /** One run of a benchmark timed from outside, returning the number of units it processed. */
    @FunctionalInterface
    public interface Units {
        long run() throws Exception;
    }

    /** A benchmark timed around the whole run: units processed per second of wall time. */
    public static Benchmark timed(String name, String unit, double target, String detail, Units units) {
        Objects.requireNonNull(units, "units");
        return new Benchmark(name, unit, target, detail, () -> {
            long t0 = System.nanoTime();
            long n = units.run();
            return n / ((System.nanoTime() - t0) / 1e9);
        });
    }
}
