package org.realitycheck.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param kind what the row measures ({@link Kind})
 * @param split for a {@link Kind#MODEL} row, the share of its wall time per part (e.g. {@code network},
 *     {@code pre- and postprocessing}), summing to 1; empty otherwise
 * @param peakRssMiB peak resident memory of the JVM that ran this benchmark alone (VmHWM), MiB, or NaN
 */
public record Measurement(String name, String unit, double median, double min, double max, int reps, double target,
        String detail, double flopsPerUnit, Kind kind, Map<String, Double> split, double peakRssMiB)
        implements java.io.Serializable {
    /** What a row measures; the JSON's {@code kind} field. */
    public enum Kind {
        /** A domain's own code: simulation, conventional methods. */
        COMPONENT,
        /**
         * A GAN network alone ({@code *.gan.*}): the graph the PyTorch peer runs, on inputs already in the
         * network's frame; the only rows with a PyTorch ratio.
         */
        NETWORK,
        /**
         * A whole shipped model ({@code *.model.infer}): the recipe's fixed preprocessing, the network and the
         * postprocessing, physical inputs to physical outputs, as {@code validate} runs it.
         */
        MODEL,
        /** Another engine on a model of the same architecture (ONNX Runtime). */
        PEER,
        /** A validation suite end to end. */
        SUITE;

        /** @return the JSON spelling, lower case */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Measurement {
        split = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(split));
    }

    /** Summarises per-repetition throughputs. */
    static Measurement of(String name, String unit, double[] rates, double target, String detail) {
        double[] s = rates.clone();
        Arrays.sort(s);
        double med = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        return new Measurement(name, unit, med, s[0], s[s.length - 1], s.length, target, detail, Double.NaN,
                Kind.COMPONENT, Map.of(), Double.NaN);
    }

    /** @return this measurement with a FLOP count per unit */
    Measurement withFlops(double perUnit) {
        return new Measurement(name, unit, median, min, max, reps, target, detail, perUnit, kind, split, peakRssMiB);
    }

    /** @return this measurement of another kind */
    Measurement withKind(Kind k) {
        return new Measurement(name, unit, median, min, max, reps, target, detail, flopsPerUnit, k, split, peakRssMiB);
    }

    /** @return this measurement under another name and detail */
    Measurement renamed(String newName, String newDetail) {
        return new Measurement(newName, unit, median, min, max, reps, target, newDetail, flopsPerUnit, kind, split,
                peakRssMiB);
    }

    /** @return this measurement with the split of its time (kept in insertion order) */
    Measurement withSplit(Map<String, Double> parts) {
        return new Measurement(name, unit, median, min, max, reps, target, detail, flopsPerUnit, kind,
                new LinkedHashMap<>(parts), peakRssMiB);
    }

    /** @return this measurement with the peak memory of the JVM that ran it */
    Measurement withPeakRss(double mib) {
        return new Measurement(name, unit, median, min, max, reps, target, detail, flopsPerUnit, kind, split, mib);
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
