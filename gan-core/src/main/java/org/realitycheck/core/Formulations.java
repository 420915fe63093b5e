package org.realitycheck.core;

import java.util.List;

/**
 * An optional capability of a {@link Domain}: named variants of what its new models learn (for astro,
 * the restored image itself or a correction to the conventional method's restoration), each with fixed
 * pre- and post-processing. The domain records the variant in the card of a model it trained
 * ({@link #recordFormulation}) and applies the processing when it wraps a loaded generator
 * ({@link Domain#adapt}), so a card without the record keeps meaning what it meant before.
 * {@code train --formulation NAME} (and the recipe key {@code formulation}) selects one.
 */
public interface Formulations {
    /** @return the names of the formulations, the domain's default first */
    List<String> formulationNames();

    /**
     * @param name one of {@link #formulationNames()}, never null
     * @return this domain training new models in the named formulation
     * @throws IllegalArgumentException naming the known formulations when {@code name} is none of them
     */
    Domain withFormulation(String name);

    /**
     * @param trained the card of a model this domain (in its current formulation) just trained
     * @return the card with the formulation's fixed processing recorded in its notes (unchanged when there is none)
     */
    ModelCard recordFormulation(ModelCard trained);
}
