package org.realitycheck.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.realitycheck.core.Domain;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Policy;

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

    /**
     * The heap a {@code validate} run holds per held-out sample at its peak, in bytes, measured (see
     * {@link #checkHeldOut}); a domain not listed falls back to its raw floats × {@value #OVERHEAD}.
     * Validation holds every held-out sample and its generated counterpart, the observables of both
     * and the checks' own simulations at once, so it needs far more than a sample's raw floats.
     * This is where the limit lives until validation streams its samples; then the limit becomes
     * disk and time, and these numbers go.
     *
     * <p>hep, measured with {@code -Xlog:gc} on {@code validate --domain hep --model models/hep-default.zip
     * --samples N} (default policy, -Xmx4g, 2 shared cores): the largest heap left after a collection
     * was 150, 157 and 350 MB at N = 5,000, 20,000 and 60,000, i.e. 3.6 to 4.8 KB per track on top of
     * about 150 MB fixed; the limit takes 5,000 bytes per track, which admits about 850,000 tracks with
     * the default 4 GB heap (an earlier probe ran out of memory at 1,000,000).
     */
    static final Map<String, Long> VALIDATION_BYTES_PER_SAMPLE = Map.of("hep", 5_000L);

    /** The most a check parameter that counts simulated samples (empty fields, injections, samples per bin) may ask for. */
    static final Set<String> SAMPLE_PARAMS = Set.of("fields", "injections", "samples_per_bin");

    private Limits() {
    }

    /**
     * Checks that {@code validate} can hold {@code n} simulated held-out samples of {@code d}: at
     * most {@link #MAX_COUNT}, and {@code n ×} the domain's measured bytes per sample
     * ({@link #VALIDATION_BYTES_PER_SAMPLE}) within the heap. Checked before any work.
     *
     * @param option what asked for {@code n} (an option or a policy key), named in the message
     * @throws UsageException naming the limit
     */
    static void checkHeldOut(Domain d, long n, String option) {
        if (n > MAX_COUNT) {
            throw new UsageException(option + " " + n + " is above the limit of " + MAX_COUNT + " samples per run (Limits.MAX_COUNT)");
        }
        long perSample = validationBytesPerSample(d);
        long max = Runtime.getRuntime().maxMemory();
        double need = n * (double) perSample;
        if (need > max) {
            throw new UsageException(String.format(Locale.ROOT, "%s %d needs about %.1f GB of memory to validate (%d bytes "
                    + "per %s sample, measured), more than this JVM's heap limit of %.1f GB (-Xmx); ask for at most %d, "
                    + "or raise -Xmx", option, n, need / 1e9, perSample, d.name(), max / 1e9, max / perSample));
        }
    }

    /** The measured peak heap of validation per held-out sample, or the raw-float estimate. */
    static long validationBytesPerSample(Domain d) {
        Long measured = VALIDATION_BYTES_PER_SAMPLE.get(d.name());
        if (measured != null) {
            return measured;
        }
        SampleSet one = d.data().simulate(1, 1, Map.of());
        return (long) (4L * (one.conditionLength() + (one.allHaveTargets() ? one.targetLength() : 0)) * OVERHEAD);
    }

    /**
     * Checks every size a policy asks for before any work: its {@code samples} (when the held-out set
     * is simulated, see {@link #checkHeldOut}) and every check parameter that counts simulated samples
     * ({@link #SAMPLE_PARAMS}), against the same memory rule.
     *
     * @param source the policy's file (or the default policy's name), named in the message
     * @throws UsageException naming the policy key and the limit
     */
    static void checkPolicy(Domain d, Policy p, Path source) {
        for (Map.Entry<String, Policy.CheckPolicy> e : p.checks().entrySet()) {
            if (!e.getValue().enabled()) {
                continue;
            }
            for (Map.Entry<String, Object> q : e.getValue().params().entrySet()) {
                if (SAMPLE_PARAMS.contains(q.getKey()) && q.getValue() instanceof Number num) {
                    long n = num.longValue();
                    if ("samples_per_bin".equals(q.getKey()) && e.getValue().params().get("bins") instanceof Number b) {
                        n *= Math.max(1, b.longValue());
                    }
                    checkHeldOut(d, n, source + ": checks." + e.getKey() + ".params." + q.getKey());
                }
            }
        }
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
