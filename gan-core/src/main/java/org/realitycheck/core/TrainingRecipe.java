package org.realitycheck.core;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;

/**
 * How a model for this domain is trained and run ({@link Domain#recipe()}): the part that changes with
 * each training study, kept apart from the physics ({@link Reference}) so a new recipe never touches
 * what models are judged against. {@code realitycheck train} uses only this and {@link DomainData}
 * (one training path: {@link org.realitycheck.core.train.DomainTrainer}); validation uses only
 * {@link #policy()} and, through {@link org.realitycheck.core.model.Models#load}, {@link #adapt}.
 *
 * <p>A model works in normalised units ({@link #normalization}) and may work in a frame of its own
 * (fixed pre- and post-processing, {@link #adapt}); the training set is then in that frame, and its
 * condition shape may differ from the data's. Both are recorded in the model's card ({@link #record}), so
 * a loaded model is run exactly as it was trained, and a card from before a recipe changed keeps meaning
 * what it meant.
 */
public interface TrainingRecipe {
    /**
     * @return every option {@link #trainingSet(SampleSet, Map)} accepts (e.g. hep's
     *     {@code fit-field-scale}), canonical names; the default is none
     */
    default Set<String> trainingOptions() {
        return Set.of();
    }

    /**
     * The set a GAN is trained on, made from labelled data. A domain whose GAN learns to approximate the
     * conventional method (HEP: trained on fitted trajectories, as the LHC example does) replaces the
     * targets with the method's estimates; a domain whose model works in a frame of its own transforms
     * into it (what {@link #adapt} does to a loaded generator's inputs), so its shapes are the
     * {@link #architecture()}'s, not necessarily the data's.
     *
     * @param data labelled samples from {@link DomainData}, never null
     * @param options training options ({@link #trainingOptions()}), never null; unknown keys are rejected
     *     with an {@link IllegalArgumentException} naming the key and the known ones
     */
    SampleSet trainingSet(SampleSet data, Map<String, String> options);

    /** {@link #trainingSet(SampleSet, Map)} without options. */
    default SampleSet trainingSet(SampleSet data) {
        return trainingSet(data, Map.of());
    }

    /**
     * @return one sentence for the model card on what {@code options} did to the training set (e.g. a
     *     miscalibrated fit); empty without options
     */
    default String describeTrainingOptions(Map<String, String> options) {
        return options.isEmpty() ? "" : "training options " + new java.util.TreeMap<>(options);
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
     * generator unchanged. {@link org.realitycheck.core.model.Models#load} applies this, so validation
     * never sees the raw frame.
     */
    default Generator adapt(Generator raw) {
        return raw;
    }

    /**
     * Records in the card of a model this recipe just trained what {@link #adapt} needs to run it later
     * (the frame, the formulation), so that {@code adapt} can read it back and a card without the record
     * keeps its old meaning. {@link org.realitycheck.core.train.DomainTrainer} calls it on every model.
     * The default records nothing.
     *
     * @param trained the new model's card, never null
     * @return the card with the recipe's notes added, under keys of the domain's own (hep: {@code frame};
     *     astro: {@code preprocessing})
     */
    default ModelCard record(ModelCard trained) {
        return trained;
    }

    /** @return the default generator and discriminator architecture for the domain's sample shapes */
    GanArchitecture architecture();

    /** @return the default training configuration */
    TrainingConfig trainingConfig();

    /** @return the default validation policy (YAML), a fresh stream the caller closes */
    InputStream policy();
}
