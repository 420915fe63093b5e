package org.realitycheck.core;

/**
 * How a GAN is trained. Defaults follow pix2pix (Isola et al. 2017) and Schawinski et al. 2017:
 * non-saturating BCE plus λ·L1 with λ = 100, Adam(2e-4, β1 = 0.5).
 *
 * @param epochs passes over the training set, {@code >= 1}
 * @param batchSize samples per step, {@code >= 1}
 * @param loss {@code bce} (non-saturating BCE + λ·L1) or {@code wgan} (Wasserstein with weight clipping + λ·L1)
 * @param l1Weight λ of the L1 term, {@code >= 0}
 * @param learningRate Adam's learning rate, {@code > 0}
 * @param beta1 Adam's β1, in {@code [0, 1)}
 * @param beta2 Adam's β2, in {@code [0, 1)}
 * @param discriminatorSteps discriminator updates per generator update, {@code >= 1}
 * @param weightClip WGAN weight clip {@code c > 0} (ignored for {@code bce})
 * @param seed seed for initialisation, shuffling, noise and dropout
 * @param decayEpochs the learning rate is constant for the first {@code epochs − decayEpochs} epochs,
 *     then decays linearly to zero over the last {@code decayEpochs} (pix2pix, Isola et al. 2017,
 *     §4 / their {@code --n_epochs_decay}; here per update rather than per epoch), for G and D alike;
 *     in {@code [0, epochs]}, 0 = constant (see {@link LinearDecaySchedule})
 */
public record TrainingConfig(int epochs, int batchSize, String loss, double l1Weight, double learningRate,
        double beta1, double beta2, int discriminatorSteps, double weightClip, long seed, int decayEpochs) {
    @com.fasterxml.jackson.annotation.JsonCreator
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!"bce".equals(loss) && !"wgan".equals(loss)) {
            throw new IllegalArgumentException("loss must be 'bce' or 'wgan', got '" + loss + "'");
        }
        if (!(l1Weight >= 0)) {
            throw new IllegalArgumentException("l1Weight must be >= 0, got " + l1Weight);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminatorSteps must be >= 1, got " + discriminatorSteps);
        }
        if (!(weightClip > 0)) {
            throw new IllegalArgumentException("weightClip must be > 0, got " + weightClip);
        }
        if (decayEpochs < 0 || decayEpochs > epochs) {
            throw new IllegalArgumentException("decayEpochs must be in [0, epochs = " + epochs + "], got " + decayEpochs);
        }
    }

    /** A constant learning rate ({@code decayEpochs = 0}): the configuration before the schedule existed. */
    public TrainingConfig(int epochs, int batchSize, String loss, double l1Weight, double learningRate,
            double beta1, double beta2, int discriminatorSteps, double weightClip, long seed) {
        this(epochs, batchSize, loss, l1Weight, learningRate, beta1, beta2, discriminatorSteps, weightClip, seed, 0);
    }

    /** pix2pix defaults: BCE + 100·L1, Adam(2e-4, 0.5, 0.999), 1:1 updates, batch 16. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(20, 16, "bce", 100.0, 2e-4, 0.5, 0.999, 1, 0.01, 42L);
    }

    /**
     * The same configuration for {@code e} epochs; {@code decayEpochs} is kept, capped at {@code e}
     * (so the decay still ends at the last step).
     */
    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, loss, l1Weight, learningRate, beta1, beta2, discriminatorSteps,
                weightClip, seed, Math.min(decayEpochs, Math.max(e, 0)));
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, loss, l1Weight, learningRate, beta1, beta2, discriminatorSteps,
                weightClip, s, decayEpochs);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(epochs, b, loss, l1Weight, learningRate, beta1, beta2, discriminatorSteps,
                weightClip, seed, decayEpochs);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(epochs, batchSize, loss, l1Weight, lr, beta1, beta2, discriminatorSteps,
                weightClip, seed, decayEpochs);
    }

    public TrainingConfig withDecayEpochs(int k) {
        return new TrainingConfig(epochs, batchSize, loss, l1Weight, learningRate, beta1, beta2, discriminatorSteps,
                weightClip, seed, k);
    }
}
