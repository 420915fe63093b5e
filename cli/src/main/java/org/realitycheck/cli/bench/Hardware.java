package org.realitycheck.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's single-precision peak and the process's peak memory, read from {@code /proc}.
 * Peak = 32 FLOP/cycle/core (AVX2 + FMA: two 8-wide FMA units, 2 FLOP each) × clock × cores.
 */
final class Hardware {
    /** AVX2+FMA fp32: 2 FMA ports × 8 lanes × 2 FLOP. */
    static final int FLOP_PER_CYCLE_PER_CORE = 32;

    private Hardware() {
    }

    /** @return the CPU clock in GHz from /proc/cpuinfo ("cpu MHz"), or NaN */
    static double clockGhz() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                if (l.startsWith("cpu MHz")) {
                    return Double.parseDouble(l.substring(l.indexOf(':') + 1).trim()) / 1000.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown clock
        }
        return Double.NaN;
    }

    /** @return cores available to the JVM */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return fp32 peak in GFLOP/s, or NaN when the clock is unknown */
    static double peakGflops() {
        return FLOP_PER_CYCLE_PER_CORE * clockGhz() * cores();
    }

    /** @return peak resident set size of this process in MiB (VmHWM), or NaN */
    static double peakRssMiB() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    String kb = l.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
