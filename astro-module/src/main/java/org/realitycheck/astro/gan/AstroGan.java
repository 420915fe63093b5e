package org.realitycheck.astro.gan;

import java.util.List;
import java.util.Objects;

import org.realitycheck.astro.AstroDomain;
import org.realitycheck.astro.formulation.AstroFormulation;
import org.realitycheck.astro.AstroRecipe;
import org.realitycheck.astro.degrade.Stretch;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.train.TrainingListener;

/**
 * The astro GAN of Schawinski et al. 2017 sized for a CPU: pix2pix with gan-core's default U-Net and
 * PatchGAN at 64×64 and 1 band (3 bands optional), BCE + 100·L1, Adam(2e-4, 0.5), trained on simulated
 * (degraded → truth) galaxy pairs. Conditions and targets go through the same asinh stretch
 * ({@link #STRETCH}); the generator inverts it, so its outputs are in counts. The model card records the
 * covariate ranges of the training set, the redshift range among them.
 *
 * @param architecture the networks, never null
 * @param config the training configuration, never null
 * @param stretch the stretch applied to conditions and targets, never null
 */
public record AstroGan(GanArchitecture architecture, TrainingConfig config, Stretch stretch) {
    /** The domain's stretch ({@link AstroRecipe#STRETCH}), on conditions and targets. */
    public static final Stretch STRETCH = AstroRecipe.STRETCH;

    public AstroGan {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stretch, "stretch");
    }

    /** The domain's default architecture and training config with {@link #STRETCH}. */
    public static AstroGan defaults(SimConfig sim) {
        AstroDomain d = new AstroDomain(sim);
        return new AstroGan(d.recipe().architecture(), d.recipe().trainingConfig(), STRETCH);
    }

    /** @return this GAN with another training configuration */
    public AstroGan withConfig(TrainingConfig c) {
        return new AstroGan(architecture, c, stretch);
    }

    /** @return the normalisation recorded in the card: the stretch on both sides */
    public Normalization normalization() {
        return new Normalization(stretch.toTransform(), stretch.toTransform());
    }

    /** The astro domain with this stretch, whose recipe trains the model. */
    private AstroDomain domain() {
        return new AstroDomain(SimConfig.defaults(), stretch, AstroFormulation.DIRECT);
    }

    /**
     * Trains on {@code data} (every sample with a target, shape matching the architecture).
     *
     * @return the trained model; {@code model.generator()} maps degraded images to restored ones in counts
     */
    public GanModel train(SampleSet data) {
        return train(data, List.of());
    }

    /**
     * As {@link #train(SampleSet)}, with listeners for progress, history and checkpoints
     * ({@link org.realitycheck.core.train.CheckpointWriter}). The one training path of every domain:
     * the astro recipe's training set of {@code data}, trained by {@link DomainTrainer} with this
     * architecture and configuration.
     */
    public GanModel train(SampleSet data, List<TrainingListener> listeners) {
        AstroDomain d = domain();
        return DomainTrainer.train(d, architecture, d.recipe().trainingSet(data), config, listeners);
    }
}
