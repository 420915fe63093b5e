package org.realitycheck.cli.bench;

/**
 * Times a piece of work: {@code warmup} untimed runs, then {@code reps} timed runs; each run's
 * throughput is {@code units / seconds}. Medians, not means, because the machines are shared.
 */
final class Harness {
    private final int warmup;
    private final int reps;

    Harness(int warmup, int reps) {
        if (warmup < 0 || reps < 1) {
            throw new IllegalArgumentException("need warmup >= 0 and reps >= 1, got " + warmup + ", " + reps);
        }
        this.warmup = warmup;
        this.reps = reps;
    }

    /** Work that returns how many units it processed. */
    @FunctionalInterface
    interface Work {
        long run() throws Exception;
    }

    Measurement measure(String name, String unit, double target, String detail, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] rates = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            long units = work.run();
            rates[i] = units / ((System.nanoTime() - t0) / 1e9);
        }
        return Measurement.of(name, unit, rates, target, detail);
    }
}
