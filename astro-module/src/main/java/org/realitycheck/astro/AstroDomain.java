package org.realitycheck.astro;

import java.util.List;
import java.util.Objects;

import org.realitycheck.astro.degrade.Stretch;
import org.realitycheck.astro.formulation.AstroFormulation;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Formulations;

/**
 * Galaxy image restoration (Schawinski et al. 2017, MNRAS 467, L110): degraded image → truth image,
 * {@code [bands, 64, 64]} in counts. Each role is a class of its own:
 * <ul>
 *   <li>{@link AstroData}: the {@link GalaxySimulator} and the FITS folder layout;
 *   <li>{@link AstroReference}: Richardson–Lucy (primary) and Wiener, the re-blurring forward model,
 *       the photometric observables;
 *   <li>{@link AstroProbes}: sky-only fields, injections, redshift sweeps, source detection and the
 *       recovery tolerances;
 *   <li>{@link AstroRecipe}: pix2pix in its formulation (a correction to Richardson–Lucy by default), the asinh
 *       stretch, its training config and the default policy.
 * </ul>
 * The probes and the recipe share one {@link SimConfig}; the roles hold no other state.
 */
public final class AstroDomain implements Domain, Formulations {
    private final SimConfig config;
    private final AstroData data = new AstroData();
    private final AstroReference reference = new AstroReference();
    private final AstroProbes probes;
    private final AstroRecipe recipe;

    /** The default configuration ({@link SimConfig#defaults()}); the ServiceLoader uses this. */
    public AstroDomain() {
        this(SimConfig.defaults());
    }

    /**
     * @param config the simulator configuration used by empty fields, injections, sweeps and the
     *     architecture's image size, never null
     */
    public AstroDomain(SimConfig config) {
        this(config, AstroRecipe.STRETCH, AstroFormulation.RESIDUAL_RL);
    }

    /**
     * @param config as {@link #AstroDomain(SimConfig)}
     * @param stretch the recipe's stretch ({@link AstroRecipe#stretch()}), never null
     * @param formulation what new models learn ({@link AstroRecipe#formulation()}), never null
     */
    public AstroDomain(SimConfig config, Stretch stretch, AstroFormulation formulation) {
        this.config = Objects.requireNonNull(config, "config");
        this.probes = new AstroProbes(config);
        this.recipe = new AstroRecipe(config, stretch, formulation);
    }

    /** @return {@code residual-rl} (the default), {@code direct} */
    @Override
    public List<String> formulationNames() {
        return List.of(AstroFormulation.RESIDUAL_RL.id(), AstroFormulation.DIRECT.id());
    }

    /** @return this domain training new models in the named formulation ({@link AstroFormulation#parse}) */
    @Override
    public AstroDomain withFormulation(String name) {
        return withFormulation(AstroFormulation.parse(name));
    }

    /** @return this domain training new models in {@code f} */
    public AstroDomain withFormulation(AstroFormulation f) {
        return new AstroDomain(config, recipe.stretch(), f);
    }

    @Override
    public String name() {
        return "astro";
    }

    @Override
    public String describe() {
        return "Galaxy image restoration (GalaxyGAN, Schawinski et al. 2017): Sérsic galaxies blurred by a 1.4\" PSF "
                + "with the background noise raised to 1.2x; Richardson-Lucy is the conventional method.";
    }

    @Override
    public AstroData data() {
        return data;
    }

    @Override
    public AstroReference reference() {
        return reference;
    }

    @Override
    public AstroProbes probes() {
        return probes;
    }

    @Override
    public AstroRecipe recipe() {
        return recipe;
    }

    /** @return the simulator configuration this domain uses for empty fields, injections and sweeps */
    public SimConfig config() {
        return config;
    }
}
