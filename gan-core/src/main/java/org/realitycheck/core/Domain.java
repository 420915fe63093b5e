package org.realitycheck.core;

/**
 * A scientific domain (astro image restoration, HEP tracking; next a radio telescope or a calorimeter)
 * as the rest of realitycheck sees it: a name and four <em>roles</em>, each an object of its own.
 *
 * <ul>
 *   <li>{@link #data()}: where samples come from and go to ({@link DomainData}: simulate, load, write);
 *   <li>{@link #reference()}: what a model's output is judged against ({@link Reference}: the
 *       conventional methods, the forward model, the observables);
 *   <li>{@link #probes()}: the inputs and scoring the reality checks need beyond the data
 *       ({@link Probes}: empty inputs, rare-object injections, covariate sweeps, detection, recovery);
 *   <li>{@link #recipe()}: how a model for this domain is trained and run ({@link TrainingRecipe}:
 *       training set, normalisation, fixed pre/post-processing, architecture, config, default policy).
 * </ul>
 *
 * <p><b>Why these four.</b> The roles are cut by who calls them and when. {@code simulate} and
 * {@code train} need only data and recipe; the validation engine needs data, reference and probes
 * and never the recipe (except the policy); the recipe is the part that changes with each training study
 * while the reference (the physics) does not. A third-party author can write and test each role on its own
 * (the contract kit in gan-core's test-jar checks each one), and a role's Javadoc says what a check
 * does with it. Every hook a role has is abstract unless a default is right for most domains; there is no
 * default that throws.
 *
 * <p><b>Adding a domain.</b> Implement the four roles (one class each is the convention), return them
 * from a class implementing this interface with a public no-argument constructor, register that class
 * in {@code META-INF/services/org.realitycheck.core.Domain} ({@link java.util.ServiceLoader}; found by
 * {@link Domains#byName}), and extend {@code org.realitycheck.core.testkit.DomainContractTest} in its
 * tests. All sample sets a domain returns, through any role, share one condition shape and one target
 * shape, and all values are in physical units. Its jar works without rebuilding realitycheck: put it in the
 * {@code plugins/} folder beside the launcher or name it in {@code REALITYCHECK_PLUGINS} (docs/architecture.md,
 * "Where to add things").
 *
 * <p>What describes the measurement (astro: the instrument) should travel with the samples, so that the
 * role objects are immutable and can be shared. HEP still holds the detector the last loaded data
 * described as state its roles share (they read it on every call, so a role obtained before a load sees
 * the loaded detector); {@link Domains} therefore hands out a new domain instance on every lookup.
 */
public interface Domain {
    /** @return the registry name, lower case ({@code [a-z][a-z0-9-]*}), e.g. {@code astro} */
    String name();

    /** @return one or two sentences for {@code --help} and reports */
    String describe();

    /** @return the data source: simulation, loading and writing files; never null */
    DomainData data();

    /** @return what outputs are compared with: conventional methods, forward model, observables; never null */
    Reference reference();

    /** @return the checks' probes: empty inputs, injections, sweeps, detection and recovery; never null */
    Probes probes();

    /** @return how this domain's GANs are trained and run; never null */
    TrainingRecipe recipe();
}
