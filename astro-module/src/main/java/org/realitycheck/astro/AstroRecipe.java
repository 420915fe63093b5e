package org.realitycheck.astro;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

import org.realitycheck.astro.degrade.Stretch;
import org.realitycheck.astro.formulation.AstroFormulation;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.TrainingRecipe;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;

/**
 * The astro training recipe ({@link AstroDomain#recipe()}): pix2pix (U-Net generator, PatchGAN
 * discriminator) in one of two formulations ({@link AstroFormulation}): by default the generator learns a
 * correction to the discrepancy-stopped Richardson–Lucy restoration of the degraded image ({@code residual-rl},
 * a zero correction is Richardson–Lucy itself), or, as in GalaxyGAN, the restored image itself
 * ({@code direct}). The card records the formulation ({@link #record}) and {@link #adapt} applies its fixed
 * pre- and post-processing to a loaded generator; a card without the record is {@code direct}, as every model
 * before the residual formulation was. Conditions go through the GalaxyGAN-style asinh {@link #STRETCH}. No
 * training options ({@code train --formulation} picks the formulation through {@link AstroDomain#withFormulation}).
 *
 * @param config the simulator configuration whose image size and bands the architecture is sized for, never null
 * @param stretch the stretch on conditions (and targets when direct), never null; {@link #STRETCH} by default
 *     (another one only for studies of the stretch itself)
 * @param formulation what new models learn, never null; loaded models keep the one their card records
 */
public record AstroRecipe(SimConfig config, Stretch stretch, AstroFormulation formulation) implements TrainingRecipe {
    public AstroRecipe {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stretch, "stretch");
        Objects.requireNonNull(formulation, "formulation");
    }

    /** The recipe with the default {@link #STRETCH} and formulation ({@link AstroFormulation#RESIDUAL_RL}). */
    public AstroRecipe(SimConfig config) {
        this(config, STRETCH, AstroFormulation.RESIDUAL_RL);
    }

    /**
     * The stretch for our simulated flux scale: clip to [−1, 150] counts, then {@code asinh(20u)/3.7}.
     * The paper clips SDSS images to [−0.1, 4] and uses asinh(10u)/3; our truth images are sharper (the
     * brightest pixel of the default training galaxies has median 6.6, 90th percentile 29 and maximum
     * 139 counts, from the cusps of high-n profiles), so the upper clip is 150; the softening 20 keeps the
     * stretch nearly linear below ≈ 7 counts, where the galaxy bodies and the faint structure are, and
     * compresses only the cores; {@code b = 3.7 ≈ asinh(20)} maps the clip range onto [0, 1]. The lower
     * clip keeps the background noise (σ = 0.06 by default) unclipped.
     */
    public static final Stretch STRETCH = new Stretch(-1.0, 150.0, 20.0, 3.7);

    /** The formulation's normalisation: the asinh stretch on the conditions, and on the targets when direct. */
    @Override
    public Normalization normalization(SampleSet trainingSet) {
        return formulation.normalization(stretch);
    }

    /**
     * The formulation's training set ({@link AstroFormulation#trainingSet}): the (degraded, truth) pairs as
     * simulated or loaded when direct; with the Richardson–Lucy restoration and the correction to it for
     * {@code residual-rl}. No training options.
     */
    @Override
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown astro training options " + options.keySet()
                    + "; known options: (none)");
        }
        return formulation.trainingSet(data);
    }

    /** Applies the processing the model's card records ({@link AstroFormulation#of}); none for older cards. */
    @Override
    public Generator adapt(Generator raw) {
        return AstroFormulation.of(raw.card()).wrap(raw);
    }

    /** Records this recipe's formulation in a new model's card (nothing for direct). */
    @Override
    public ModelCard record(ModelCard trained) {
        return formulation.record(trained);
    }

    /** pix2pix for {@code [bands, size, size]}: the gan-core CPU defaults with this domain's bands. */
    @Override
    public GanArchitecture architecture() {
        UNetSpec u = UNetSpec.defaults();
        PatchGanSpec p = PatchGanSpec.defaults();
        int b = config.bands();
        return GanArchitecture.pix2pix(new UNetSpec(config.size(), b, b, u.depth(), u.baseFilters(), u.dropout(), u.output()),
                new PatchGanSpec(config.size(), b, b, p.layers(), p.baseFilters()));
    }

    /**
     * pix2pix's setup (BCE, Adam β1 = 0.5, batch 16, 20 epochs) with λ = 1000 and lr = 10⁻³ instead of the
     * paper's λ = 100 and lr = 2·10⁻⁴: on this project's CPU budget (a few thousand generator steps) the
     * paper's values left the generator below the degraded input's PSNR, while these reach and pass it
     * ({@code AstroGanProfile} runs, recorded in the branch report).
     */
    @Override
    public TrainingConfig trainingConfig() {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(d.epochs(), d.batchSize(), d.loss(), 1000, 1e-3, d.beta1(), d.beta2(),
                d.discriminatorSteps(), d.weightClip(), d.seed());
    }

    /**
     * The policy in {@code org/realitycheck/astro/default-policy.yaml}. Its format is provisional (the
     * validation module owns the schema): per check id, {@code enabled}, {@code params} and
     * {@code thresholds} with {@code lower}/{@code upper}/{@code severity}.
     */
    @Override
    public InputStream policy() {
        InputStream in = AstroRecipe.class.getResourceAsStream("default-policy.yaml");
        if (in == null) {
            throw new IllegalStateException("resource org/realitycheck/astro/default-policy.yaml is missing from the jar");
        }
        return in;
    }
}
