package org.realitycheck.calo;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

import org.realitycheck.calo.gan.ShowerFrame;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.TrainingRecipe;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;

/**
 * The calo training recipe ({@link CaloDomain#recipe()}): a conditional MLP GAN in the shower frame
 * ({@link ShowerFrame}), trained on full-simulation showers plus one readout without a particle per 32
 * photons (so the generator learns that no particle gives noise only). No L1 term: a fast simulator
 * samples, and a regression loss pulls every output to the median shower (mode collapse by construction).
 */
public final class CaloRecipe implements TrainingRecipe {
    /** One empty readout is added per this many training photons. */
    static final int PHOTONS_PER_EMPTY = 32;

    private final CaloDomain domain;

    CaloRecipe(CaloDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** The photons and the added empty readouts, in the frame ({@link ShowerFrame#toFrame}). */
    @Override
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown calo training option '" + options.keySet().iterator().next()
                    + "'; the calo recipe takes no training options");
        }
        int empties = Math.max(1, data.size() / PHOTONS_PER_EMPTY);
        SampleSet withEmpty = data.concat(domain.probes().emptyInputs(empties, data.size()));
        return ShowerFrame.toFrame(withEmpty);
    }

    /** Models trained in the frame (their card's {@value ShowerFrame#NOTE} note) take and return physical units. */
    @Override
    public Generator adapt(Generator raw) {
        String frame = raw.card().notes().get(ShowerFrame.NOTE);
        return frame != null && frame.startsWith("sqrt-fraction") ? ShowerFrame.wrap(raw, domain.calorimeter()) : raw;
    }

    /** The frame, and the formulation under the card's {@code formulation} note. */
    @Override
    public ModelCard record(ModelCard trained) {
        return trained.withNote(ShowerFrame.NOTE, ShowerFrame.SQRT_FRACTION).withNote("formulation", domain.formulation());
    }

    /**
     * Generator: (present, ln E, θ) ⊕ 16 Gaussian noise values → 128 → 256 → 360 cells, LeakyReLU(0.2);
     * discriminator: condition ⊕ cells → 128 → 64 → 1 (gan-core's MLPs); small enough to train in minutes on
     * two cores.
     */
    @Override
    public GanArchitecture architecture() {
        int cells = domain.calorimeter().cells();
        return GanArchitecture.mlp(new MlpGeneratorSpec(ShowerFrame.CONDITION, 16, cells, new int[] {128, 256}),
                new MlpDiscriminatorSpec(ShowerFrame.CONDITION, cells, new int[] {128, 64}));
    }

    /**
     * Non-saturating BCE without L1, Adam(5e-4, 0.5, 0.999), batch 64, 12 epochs, the last 6 decaying; in the
     * {@link CaloDomain#REGRESSION} formulation with 100·L1 (pix2pix's weight).
     */
    @Override
    public TrainingConfig trainingConfig() {
        double l1 = CaloDomain.REGRESSION.equals(domain.formulation()) ? 100.0 : 0.0;
        return new TrainingConfig(12, 64, "bce", l1, 5e-4, 0.5, 0.999, 1, 0.01, 42L, 6);
    }

    @Override
    public InputStream policy() {
        InputStream in = CaloRecipe.class.getResourceAsStream("default-policy.yaml");
        if (in == null) {
            throw new IllegalStateException("resource org/realitycheck/calo/default-policy.yaml is missing from the jar");
        }
        return in;
    }
}
