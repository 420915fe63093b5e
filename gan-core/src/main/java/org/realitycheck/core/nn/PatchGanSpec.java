package org.realitycheck.core.nn;

/**
 * PatchGAN discriminator (Isola et al. 2017) on the channel-concatenated (condition, image) pair:
 * {@code layers} stride-2 4×4 convolutions with LeakyReLU(0.2), then a 4×4 stride-1 convolution to
 * one logit per patch.
 *
 * @param size image height and width
 * @param channelsIn condition channels
 * @param channelsOut image channels
 * @param layers number of stride-2 convolutions, {@code >= 1}
 * @param baseFilters filters in the first convolution, {@code >= 1}
 */
public record PatchGanSpec(int size, int channelsIn, int channelsOut, int layers, int baseFilters)
        implements GanArchitecture.Spec {
    public PatchGanSpec {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        if (size < 2 || size % (1 << layers) != 0) {
            throw new IllegalArgumentException("size must be a multiple of 2^layers=" + (1 << layers) + ", got " + size);
        }
        if (channelsIn < 1 || channelsOut < 1 || baseFilters < 1) {
            throw new IllegalArgumentException("channels and baseFilters must be >= 1");
        }
    }

    /** The CPU-sized default for 64×64, 1 band: 3 layers, 16 base filters. */
    public static PatchGanSpec defaults() {
        return new PatchGanSpec(64, 1, 1, 3, 16);
    }
}
