package org.realitycheck.core;

import java.util.List;

/**
 * What a model's output is judged against ({@link Domain#reference()}): the domain's physics, which
 * does not change when a model is retrained. The residual, fidelity and forward-consistency checks use
 * it; none of it may look at a sample's truth except through the output it is given.
 *
 * <ul>
 *   <li>the conventional methods a GAN must beat or match (deconvolution; the helix fit), the primary one
 *       first: the checks compare with the primary one, reports may show the others;
 *   <li>the forward model, from an output back to the measurement (re-blur; re-project a track);
 *   <li>the observables, the physics quantities residuals and distributions are taken of.
 * </ul>
 */
public interface Reference {
    /**
     * @return every conventional method the domain offers, never empty, the primary one first (astro:
     *     Richardson–Lucy, then Wiener)
     */
    List<ConventionalMethod> conventionalMethods();

    /** @return the primary conventional method, {@code conventionalMethods().get(0)} */
    default ConventionalMethod conventionalMethod() {
        return conventionalMethods().get(0);
    }

    /** @return the forward model from outputs back to the measurement */
    ForwardModel forwardModel();

    /** @return the physics quantities compared between model, conventional method and truth; unique names */
    List<Observable> observables();
}
