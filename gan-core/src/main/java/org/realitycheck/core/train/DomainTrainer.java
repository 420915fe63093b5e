package org.realitycheck.core.train;

import java.util.List;
import java.util.Objects;

import org.realitycheck.core.Domain;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.TrainingRecipe;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;

/**
 * The one training path of every domain: a {@link GanTrainer} on the domain's training set with the
 * normalisation its {@link TrainingRecipe} fits, the card naming the domain and carrying what the recipe
 * records for loading it later ({@link TrainingRecipe#record}: its fixed pre/post-processing). {@code realitycheck train}, the
 * benchmarks and the domains' own training helpers all come here, so a model trained any way loads and
 * validates the same way.
 */
public final class DomainTrainer {
    private DomainTrainer() {
    }

    /**
     * Trains the domain's default architecture.
     *
     * @param domain the domain, never null
     * @param trainingSet the recipe's training set ({@link TrainingRecipe#trainingSet}), every sample with a target
     * @param config the training configuration, never null
     * @param listeners progress, history or checkpoint listeners, never null
     * @return the trained model
     */
    public static GanModel train(Domain domain, SampleSet trainingSet, TrainingConfig config,
            List<TrainingListener> listeners) {
        return train(domain, domain.recipe().architecture(), trainingSet, config, listeners);
    }

    /**
     * As {@link #train(Domain, SampleSet, TrainingConfig, List)} with another architecture (a smaller one
     * for tests and benchmarks); it must accept the domain's sample shapes.
     */
    public static GanModel train(Domain domain, GanArchitecture architecture, SampleSet trainingSet,
            TrainingConfig config, List<TrainingListener> listeners) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(trainingSet, "trainingSet");
        if (trainingSet.isEmpty() || !trainingSet.allHaveTargets()) {
            throw new IllegalArgumentException("every training sample needs a target; got " + trainingSet.size()
                    + " samples, not all with targets");
        }
        TrainingRecipe recipe = domain.recipe();
        GanTrainer trainer = new GanTrainer(architecture, config);
        listeners.forEach(trainer::addListener);
        GanModel model = trainer.train(domain.name(), trainingSet, recipe.normalization(trainingSet));
        ModelCard card = recipe.record(model.card());
        return card.equals(model.card()) ? model : model.with(card, model.state());
    }
}
