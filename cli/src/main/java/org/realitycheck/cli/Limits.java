package org.realitycheck.cli;

import java.util.Locale;
import java.util.Map;

import org.realitycheck.core.Domain;
import org.realitycheck.core.SampleSet;

/**
 * Limits on what a command line may make us allocate, checked before the work starts so that an
 * impossible request is one line and exit 2, not an {@link OutOfMemoryError} after minutes. Each
 * limit is named in its message.
 */
final class Limits {
    /** The most samples one {@code --count} may ask for, whatever the memory. */
    static final int MAX_COUNT = 10_000_000;

    /**
     * How many times a sample's raw floats a run is assumed to hold at its peak: the sample set, its
     * normalised or batched copy, and the JVM's object overhead. A deliberately generous margin (an
     * estimate, not a measurement): the check is there to refuse the absurd before it runs out of
     * memory, not to size a run exactly.
     */
    static final double OVERHEAD = 3.0;

    private Limits() {
    }

    /**
     * Checks {@code --count n} against {@link #MAX_COUNT} and against the heap: simulates one sample
     * with the same options (which also rejects bad options before anything is written) and requires
     * {@code n × bytes per sample × }{@value #OVERHEAD} to fit in the JVM's maximum heap.
     *
     * @throws UsageException naming the limit
     */
    static void checkCount(Domain d, int n, long seed, Map<String, String> options, String option) {
        if (n < 1) {
            throw new UsageException(option + " must be >= 1, got " + n);
        }
        if (n > MAX_COUNT) {
            throw new UsageException(option + " " + n + " is above the limit of " + MAX_COUNT
                    + " samples per run (Limits.MAX_COUNT); simulate in parts");
        }
        SampleSet one = d.data().simulate(1, seed, options);
        long perSample = 4L * (one.conditionLength() + (one.allHaveTargets() ? one.targetLength() : 0));
        double need = n * (double) perSample * OVERHEAD;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new UsageException(String.format(Locale.ROOT, "%s %d needs about %.1f GB of memory (%d bytes per %s "
                    + "sample x %.0f for the run's copies), more than this JVM's heap limit of %.1f GB (-Xmx); "
                    + "ask for at most %d, or raise -Xmx", option, n, need / 1e9, perSample, d.name(), OVERHEAD, max / 1e9,
                    (long) (max / (perSample * OVERHEAD))));
        }
    }
}
