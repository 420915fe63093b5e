package org.realitycheck.core;

import java.util.Map;
import java.util.Objects;

import org.realitycheck.core.Range;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;

/**
 * What a model is and where it came from, stored as {@code card.json} in the model artifact. The
 * out-of-distribution check reads {@link #covariateRanges()}; generators read {@link #normalization()}.
 *
 * @param schemaVersion card schema version; readers reject newer versions than {@link #SCHEMA_VERSION}
 * @param domain the domain name, e.g. {@code astro}
 * @param architecture generator and discriminator
 * @param training the training configuration
 * @param seed the training seed
 * @param trainingDataSha256 {@link org.realitycheck.core.SampleSet#sha256()} of the training set
 * @param trainingSamples number of training samples
 * @param conditionShape per-sample condition shape
 * @param targetShape per-sample target shape
 * @param covariateRanges covariate ranges seen in training
 * @param normalization physical ↔ network transforms
 * @param provenance tool, DL4J, Java, OS and CPU
 * @param trainingSeconds wall-clock training time
 * @param steps generator steps taken
 * @param finalLosses last losses by name ({@code d}, {@code g_adv}, {@code g_l1})
 * @param notes free-form facts a reader of the card must know, by key: what a release artifact
 *     leaves out ({@value #NOTE_ARTIFACT}), how the training data was made ({@value #NOTE_TRAINING_DATA});
 *     empty when there is nothing to say (cards written before this field read as empty)
 */
public record ModelCard(int schemaVersion, String domain, GanArchitecture architecture, TrainingConfig training,
        long seed, String trainingDataSha256, int trainingSamples, long[] conditionShape, long[] targetShape,
        Map<String, Range> covariateRanges, Normalization normalization, Provenance provenance,
        double trainingSeconds, long steps, Map<String, Double> finalLosses, Map<String, String> notes) {
    /** The card schema this code writes. */
    public static final int SCHEMA_VERSION = 1;
    /** {@link #notes()} key: what the artifact leaves out (a release artifact has no discriminator). */
    public static final String NOTE_ARTIFACT = "artifact";
    /** {@link #notes()} key: how the training set was made (simulation options, target miscalibration). */
    public static final String NOTE_TRAINING_DATA = "trainingData";

    @com.fasterxml.jackson.annotation.JsonCreator
    public ModelCard {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, got " + schemaVersion);
        }
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(trainingDataSha256, "trainingDataSha256");
        Objects.requireNonNull(conditionShape, "conditionShape");
        Objects.requireNonNull(targetShape, "targetShape");
        covariateRanges = Map.copyOf(Objects.requireNonNull(covariateRanges, "covariateRanges"));
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(provenance, "provenance");
        finalLosses = Map.copyOf(Objects.requireNonNull(finalLosses, "finalLosses"));
        // a card written before notes existed has none; JSON gives null for the missing field
        notes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(notes == null ? Map.of() : notes));
        conditionShape = conditionShape.clone();
        targetShape = targetShape.clone();
    }

    /** A card without notes (the form before {@link #notes()} existed). */
    public ModelCard(int schemaVersion, String domain, GanArchitecture architecture, TrainingConfig training,
            long seed, String trainingDataSha256, int trainingSamples, long[] conditionShape, long[] targetShape,
            Map<String, Range> covariateRanges, Normalization normalization, Provenance provenance,
            double trainingSeconds, long steps, Map<String, Double> finalLosses) {
        this(schemaVersion, domain, architecture, training, seed, trainingDataSha256, trainingSamples, conditionShape,
                targetShape, covariateRanges, normalization, provenance, trainingSeconds, steps, finalLosses, Map.of());
    }

    /** @return this card with {@code key → text} added to (or replacing in) its notes */
    public ModelCard withNote(String key, String text) {
        Map<String, String> n = new java.util.TreeMap<>(notes);
        n.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(text, "text"));
        return new ModelCard(schemaVersion, domain, architecture, training, seed, trainingDataSha256, trainingSamples,
                conditionShape, targetShape, covariateRanges, normalization, provenance, trainingSeconds, steps,
                finalLosses, n);
    }

    @Override
    public long[] conditionShape() {
        return conditionShape.clone();
    }

    @Override
    public long[] targetShape() {
        return targetShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelCard c && schemaVersion == c.schemaVersion && domain.equals(c.domain)
                && architecture.equals(c.architecture) && training.equals(c.training) && seed == c.seed
                && trainingDataSha256.equals(c.trainingDataSha256) && trainingSamples == c.trainingSamples
                && java.util.Arrays.equals(conditionShape, c.conditionShape)
                && java.util.Arrays.equals(targetShape, c.targetShape) && covariateRanges.equals(c.covariateRanges)
                && normalization.equals(c.normalization) && provenance.equals(c.provenance)
                && Double.compare(trainingSeconds, c.trainingSeconds) == 0 && steps == c.steps
                && finalLosses.equals(c.finalLosses) && notes.equals(c.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, architecture, training, seed, trainingDataSha256, steps);
    }
}
