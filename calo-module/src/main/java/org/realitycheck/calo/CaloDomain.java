package org.realitycheck.calo;

import java.util.List;
import java.util.Objects;

import org.realitycheck.calo.sim.Calorimeter;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Formulations;

/**
 * Calorimeter fast simulation as a realitycheck {@link Domain} ({@code calo}): the GAN <em>generates</em>
 * a shower for an incident photon, and for one photon there is a distribution of correct showers. One
 * sample is one photon: condition {@code [E (MeV), θ (rad)]}, target the shower's cell energies (MeV,
 * {@link Calorimeter#cells()} values, layer × radial × angular). Each role is a class of its own:
 * <ul>
 *   <li>{@link CaloData}: the toy full simulation ({@link FullSimulation}), NumPy files in the
 *       CaloChallenge layout;</li>
 *   <li>{@link CaloReference}: the full simulation as the conventional method (an independent draw for the
 *       same photon), the energy-conservation forward model, CaloChallenge's high-level features;</li>
 *   <li>{@link CaloProbes}: no particle (noise only), late and leaky showers, energy and angle sweeps;</li>
 *   <li>{@link CaloRecipe}: a conditional MLP GAN on (particle present, ln E, θ) → cell fractions of E.</li>
 * </ul>
 *
 * <p><b>How a sampler is judged.</b> The truth of a held-out sample is one full-simulation shower and the
 * conventional method's estimate another, independent one for the same photon. A residual model − truth
 * then has the width √(σ_model² + σ_sim²) and the method's √2·σ_sim: a generator that samples the full
 * simulation's distribution has a resolution ratio of 1, one that always returns the average shower
 * 1/√2 ≈ 0.71, one that is too wide above 1. The fidelity check's model-versus-truth distances
 * are ≈ 1× its truth-versus-truth baseline for a faithful sampler.
 */
public final class CaloDomain implements Domain, Formulations {
    /** The default formulation: the generator samples showers (adversarial loss only). */
    public static final String SAMPLER = "sampler";
    /**
     * The generator regresses the shower (adversarial loss plus 100·L1 to the training shower): the
     * conditional median shower for every photon, what a regression loss makes of a fast simulator
     * (mode collapse by construction); kept as the demo's flawed model.
     */
    public static final String REGRESSION = "regression";

    private final Calorimeter calorimeter;
    private final String formulation;
    private final FullSimulation fullSimulation;
    private final CaloData data;
    private final CaloReference reference;
    private final CaloProbes probes;
    private final CaloRecipe recipe;

    /** The default calorimeter, {@link Calorimeter#leadLiquidArgon()}. */
    public CaloDomain() {
        this(Calorimeter.leadLiquidArgon());
    }

    public CaloDomain(Calorimeter calorimeter) {
        this(calorimeter, SAMPLER);
    }

    private CaloDomain(Calorimeter calorimeter, String formulation) {
        this.calorimeter = Objects.requireNonNull(calorimeter, "calorimeter");
        this.formulation = formulation;
        this.fullSimulation = new FullSimulation(calorimeter);
        this.data = new CaloData(this);
        this.reference = new CaloReference(this);
        this.probes = new CaloProbes(this);
        this.recipe = new CaloRecipe(this);
    }

    @Override
    public String name() {
        return "calo";
    }

    @Override
    public String describe() {
        return "Calorimeter fast simulation: photons of 1-200 GeV in a Pb/LAr sampling calorimeter (6 layers x 10 "
                + "radial x 6 angular cells); the GAN generates showers and is compared, distribution by distribution, "
                + "with a GFlash-style full simulation.";
    }

    @Override
    public CaloData data() {
        return data;
    }

    @Override
    public CaloReference reference() {
        return reference;
    }

    @Override
    public CaloProbes probes() {
        return probes;
    }

    @Override
    public CaloRecipe recipe() {
        return recipe;
    }

    @Override
    public List<String> formulationNames() {
        return List.of(SAMPLER, REGRESSION);
    }

    @Override
    public Domain withFormulation(String name) {
        if (!formulationNames().contains(name)) {
            throw new IllegalArgumentException("unknown calo formulation '" + name + "'; known: " + formulationNames());
        }
        return new CaloDomain(calorimeter, name);
    }

    /** @return the formulation new models are trained in ({@link #SAMPLER} or {@link #REGRESSION}) */
    public String formulation() {
        return formulation;
    }

    public Calorimeter calorimeter() {
        return calorimeter;
    }

    /** @return the toy full simulation, the conventional method */
    public FullSimulation fullSimulation() {
        return fullSimulation;
    }
}
