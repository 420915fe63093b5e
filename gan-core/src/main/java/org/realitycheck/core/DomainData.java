package org.realitycheck.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A domain's data source ({@link Domain#data()}): labelled samples from its simulator, samples read
 * from a scientist's files, and samples written in the same layout. {@code realitycheck simulate} calls
 * {@link #simulateInto}, {@code train} and {@code validate} call {@link #simulate} or {@link #load}; the
 * checks never see files.
 *
 * <p>Options are strings ({@code -O key=value} on the command line), named in kebab-case
 * ({@code z-max}, {@code pt-min}); the sets of known names are part of the contract, so a typo is
 * rejected with a message listing them. A domain that renamed options may accept the old names with a
 * one-line deprecation warning.
 *
 * <p>Contract (checked by the kit): the same seed gives the same set (same SHA-256); one condition and one
 * target shape for every set; {@code load(write(set))} gives back the same ids, kinds, conditions,
 * targets and covariates.
 */
public interface DomainData {
    /** @return every option {@link #simulate} and {@link #simulateInto} accept, canonical names */
    Set<String> simulationOptions();

    /**
     * @return every option {@link #load(Path, Map)} accepts (what the files do not say, e.g. the
     *     instrument), canonical names; the default is none
     */
    default Set<String> dataOptions() {
        return Set.of();
    }

    /**
     * @return old option names this domain still accepts, each mapped to its canonical kebab-case name
     *     (astro: {@code z_max → z-max}); the default is none. Scripts written against the old names keep
     *     working; {@link #canonicalOptions} says once per name that it is deprecated.
     */
    default Map<String, String> deprecatedOptionNames() {
        return Map.of();
    }

    /**
     * Renames deprecated option names to their canonical names ({@link #deprecatedOptionNames()}), so that
     * what is recorded (a model card's training-data note) uses one naming style whatever the user typed.
     * Unknown names pass through unchanged for {@link #simulate} or {@link #load} to reject.
     *
     * @param options {@code key -> value} as the user gave them, never null
     * @param deprecation receives one line per deprecated name used, e.g. for stderr
     * @return the options under their canonical names, in the given order
     */
    default Map<String, String> canonicalOptions(Map<String, String> options, Consumer<String> deprecation) {
        Map<String, String> renamed = deprecatedOptionNames();
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey();
            String c = renamed.get(k.toLowerCase(Locale.ROOT));
            if (c != null) {
                deprecation.accept(Deprecations.message("option", k, c));
                k = c;
            }
            out.put(k, e.getValue());
        }
        return out;
    }

    /**
     * Simulates a labelled data set, deterministic in {@code seed}.
     *
     * @param n number of samples, {@code >= 1}
     * @param seed the seed; the same seed gives the same set
     * @param options {@code key -> value}, never null; unknown keys are rejected with an
     *     {@link IllegalArgumentException} (a {@link BadInputException} when it is the user's input) naming
     *     the key and listing {@link #simulationOptions()}
     */
    SampleSet simulate(int n, long seed, Map<String, String> options);

    /**
     * Loads data written by {@link #write}, {@code realitycheck simulate} or the user (FITS folder, TrackML CSV),
     * with options that describe what the files do not say ({@code realitycheck validate --data-option KEY=VALUE}).
     *
     * @param options {@code key -> value}, never null; unknown keys are rejected naming the key and
     *     listing {@link #dataOptions()}
     * @throws BadInputException naming the file and place when the data is malformed
     */
    SampleSet load(Path path, Map<String, String> options);

    /** {@link #load(Path, Map)} without options. */
    default SampleSet load(Path path) {
        return load(path, Map.of());
    }

    /**
     * Writes a set in the layout {@link #load} reads. The caller passes a folder that is absent or empty
     * and makes the write atomic (see {@link org.realitycheck.core.io.AtomicFiles#writeFolder}).
     *
     * @param set any set of this domain's shapes, never null
     * @throws IOException when the folder cannot be written
     */
    void write(SampleSet set, Path folder) throws IOException;

    /**
     * Simulates {@code n} samples and writes them to {@code folder} ({@code realitycheck simulate}). The
     * default is {@code write(simulate(n, seed, options), folder)}; a domain whose files hold more than its
     * samples (HEP events with noise hits) overrides it.
     *
     * @throws IOException when the folder cannot be written
     */
    default void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
        write(simulate(n, seed, options), folder);
    }

    /**
     * Degrades a scientist's own high-resolution images into the layout {@link #load} reads, truth from the
     * inputs ({@code realitycheck simulate DOMAIN --from DIR}); a domain without such a path keeps the default,
     * which refuses.
     *
     * @param source the folder of the scientist's images, never null
     * @param folder the output folder (absent or empty), never null
     * @param seed the seed of anything random (the noise)
     * @param options the domain's degradation options, never null
     * @return one line for the user saying what was written
     * @throws UnsupportedOperationException when the domain has no degrade path
     * @throws IOException when the folder cannot be written
     */
    default String degradeInto(Path source, Path folder, long seed, Map<String, String> options) throws IOException {
        throw new UnsupportedOperationException("no degrade path for a scientist's own images (--from)");
    }
}
