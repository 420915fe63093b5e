package org.realitycheck.core;

import java.util.List;

/**
 * An optional capability of a {@link Domain}: named variants of what its new models learn (for astro,
 * the restored image itself or a correction to the conventional method's restoration), each with fixed
 * pre- and post-processing. The variant's {@link TrainingRecipe} records it in the card of a model it trained
 * ({@link TrainingRecipe#record}) and applies the processing when it wraps a loaded generator
 * ({@link TrainingRecipe#adapt}), so a card without the record keeps meaning what it meant before. A
 * formulation is a different recipe, not a training option ({@link TrainingRecipe#trainingOptions}): it
 * changes the normalisation, the card and the loading as well as the training set.
 * {@code train --formulation NAME} (and the recipe key {@code formulation}) selects one.
 */
public interface Formulations {
    /** @return the names of the formulations, the domain's default first */
    List<String> formulationNames();

    /**
     * @param name one of {@link #formulationNames()}, never null
     * @return this domain, its recipe training new models in the named formulation
     * @throws IllegalArgumentException naming the known formulations when {@code name} is none of them
     */
    Domain withFormulation(String name);

}
