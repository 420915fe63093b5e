package org.realitycheck.core;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;

/**
 * A scientific domain (astro image restoration, HEP tracking) as the rest of realitycheck sees it:
 * where data comes from, what the conventional method is, how an output maps back to the
 * measurement, which inputs are empty, which rare objects to inject, which physics quantities to
 * compare, and the defaults for training and validation.
 *
 * <p>Implementations are registered with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.realitycheck.core.Domain} file) and found by {@link Domains#byName}.
 * All sample sets a domain returns share one condition shape and one target shape, and all values
 * are in physical units.
 */
public interface Domain {
    /** @return the registry name, lower case, e.g. {@code astro} */
    String name();

    /** @return one or two sentences for {@code --help} and reports */
    String describe();

    /**
     * Simulates a labelled data set, deterministic in {@code seed}.
     *
     * @param n number of samples, {@code >= 1}
     * @param seed the seed; the same seed gives the same set
     * @param options domain options ({@code key -> value}); unknown keys are rejected with an
     *     {@link IllegalArgumentException} naming the key and the known ones
     */
    SampleSet simulate(int n, long seed, Map<String, String> options);

    /**
     * Loads data written by {@code realitycheck simulate} or by the user (FITS folder, TrackML CSV).
     *
     * @throws BadInputException naming the file and place when the data is malformed
     */
    SampleSet load(Path path);

    /**
     * Loads data as {@link #load(Path)}, with options that describe what the files do not say
     * ({@code realitycheck validate --data-option KEY=VALUE}; astro: the instrument). The default
     * accepts no options.
     *
     * @param options domain options, never null; unknown keys are rejected with an
     *     {@link IllegalArgumentException} naming the key and the known ones
     * @throws BadInputException naming the file and place when the data is malformed
     */
    default SampleSet load(Path path, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("domain '" + name() + "' takes no data options, got " + options.keySet());
        }
        return load(path);
    }

    /**
     * Writes a set in the layout {@link #load} reads (the {@code realitycheck simulate} output). The
     * caller passes an empty folder and makes the write atomic (see
     * {@link org.realitycheck.core.io.AtomicFiles#writeFolder}).
     *
     * @throws java.io.IOException when the folder cannot be written
     */
    default void write(SampleSet set, Path folder) throws java.io.IOException {
        throw new UnsupportedOperationException("domain '" + name() + "' cannot write data sets");
    }

    /**
     * Simulates {@code n} samples and writes them to {@code folder} in the layout {@link #load} reads
     * ({@code realitycheck simulate}). The default is {@code write(simulate(n, seed, options), folder)};
     * a domain whose files hold more than its samples (HEP events with noise hits) overrides it.
     *
     * @throws java.io.IOException when the folder cannot be written
     */
    default void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws java.io.IOException {
        write(simulate(n, seed, options), folder);
    }

    /** @return the conventional method the GAN is compared with */
    ConventionalMethod conventionalMethod();

    /**
     * @return every conventional method the domain offers, the primary one ({@link #conventionalMethod()})
     *     first (astro: Richardson–Lucy, then Wiener); the default is the primary one alone
     */
    default List<ConventionalMethod> conventionalMethods() {
        return List.of(conventionalMethod());
    }

    /** @return the forward model from outputs back to the measurement */
    ForwardModel forwardModel();

    /**
     * Inputs that contain nothing (sky-only fields, noise-only hits), degraded exactly like real
     * inputs; their targets are "nothing" (blank sky, or absent).
     */
    SampleSet emptyInputs(int n, long seed);

    /** Rare objects absent from training (point sources, companions; kinked or low-pT tracks). */
    SampleSet injections(int n, long seed);

    /**
     * Samples spread over {@code [min, max]} of one covariate (for the out-of-distribution sweep),
     * other parameters drawn from the default priors. Empty when the domain cannot sweep it.
     */
    default Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        return Optional.empty();
    }

    /** @return the covariate the out-of-distribution check sweeps by default (e.g. {@code redshift}) */
    String primaryCovariate();

    /** @return the physics quantities compared between GAN, conventional method and truth */
    List<Observable> observables();

    /**
     * Counts what an output claims to contain where the input holds nothing: sources above k·σ in a
     * restored sky image; a track whose parameters the hits accept.
     */
    Detections detect(float[] output, Sample input);

    /**
     * @return true when the output recovers the rare object injected into {@code sample} (flux,
     *     position or parameters within the domain's tolerance of the truth)
     */
    boolean recovered(float[] output, Sample sample);

    /**
     * The set a GAN is trained on, made from labelled data. The default is the data itself. A
     * domain whose GAN learns to approximate the conventional method (HEP: trained on fitted
     * trajectories, as the LHC example does) replaces the targets with the method's estimates.
     */
    default SampleSet trainingSet(SampleSet data) {
        return data;
    }

    /**
     * The normalisation a new model records, fitted on its training set. The default standardises
     * every condition and target feature to mean 0 and standard deviation 1.
     */
    default Normalization normalization(SampleSet trainingSet) {
        return new Normalization(FeatureTransform.Affine.standardize(trainingSet.conditions(0, trainingSet.size())),
                FeatureTransform.Affine.standardize(trainingSet.targets(0, trainingSet.size())));
    }

    /**
     * Wraps a loaded model's generator in the domain's fixed pre- and post-processing, when its
     * models work in a frame of their own (HEP: hits rotated so the innermost hit lies on +x). The
     * result takes and returns physical values like every {@link Generator}. The default returns the
     * generator unchanged. {@link Models#load} applies this, so validation never sees the raw frame.
     */
    default Generator adapt(Generator raw) {
        return raw;
    }

    /** @return the default generator and discriminator architecture */
    GanArchitecture defaultArchitecture();

    /** @return the default training configuration */
    TrainingConfig defaultTrainingConfig();

    /** @return the default validation policy (YAML), a fresh stream the caller closes */
    InputStream defaultPolicy();

    /**
     * What {@link #detect} found.
     *
     * @param count number of detections (sources, accepted tracks), {@code >= 0}
     * @param spuriousSignal the signal attributed to them (flux in counts; 0 for tracks)
     */
    record Detections(int count, double spuriousSignal) {
        public Detections {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0, got " + count);
            }
        }
    }
}
