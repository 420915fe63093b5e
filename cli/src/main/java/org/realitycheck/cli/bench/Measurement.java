package org.realitycheck.cli.bench;

import java.util.Arrays;

/**
 * One benchmark's result: a throughput measured over repeated runs after warm-up.
 *
 * @param name benchmark id, e.g. {@code astro.gan.train}
 * @param unit what is counted per second, e.g. {@code images/s}
 * @param median median throughput over the repetitions
 * @param min slowest repetition
 * @param max fastest repetition
 * @param reps number of timed repetitions
 * @param target the target in the same unit, or NaN when there is none
 * @param detail free text: batch size, configuration
 * @param flopsPerUnit floating-point operations per counted unit (see {@link Flops}), or NaN
 */
public record Measurement(String name, String unit, double median, double min, double max, int reps, double target,
        String detail, double flopsPerUnit) {
    /** Summarises per-repetition throughputs. */
    static Measurement of(String name, String unit, double[] rates, double target, String detail) {
        double[] s = rates.clone();
        Arrays.sort(s);
        double med = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        return new Measurement(name, unit, med, s[0], s[s.length - 1], s.length, target, detail, Double.NaN);
    }

    /** @return this measurement with a FLOP count per unit */
    Measurement withFlops(double perUnit) {
        return new Measurement(name, unit, median, min, max, reps, target, detail, perUnit);
    }

    /** @return achieved GFLOP/s at the median, or NaN */
    public double gflops() {
        return median * flopsPerUnit / 1e9;
    }

    /** @return "met", "missed" or "" when there is no target */
    public String verdict() {
        if (Double.isNaN(target)) {
            return "";
        }
        return median >= target ? "met" : "missed";
    }
}
