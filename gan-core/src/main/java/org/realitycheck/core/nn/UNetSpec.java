package org.realitycheck.core.nn;

/**
 * U-Net generator (Ronneberger et al. 2015; as used by pix2pix, Isola et al. 2017): an encoder of
 * stride-2 4×4 convolutions doubling the filters (capped at 8× base), a decoder of stride-2 4×4
 * transposed convolutions with skip connections, dropout in the innermost decoder blocks.
 *
 * @param size image height and width in pixels, a multiple of {@code 2^depth}
 * @param channelsIn condition channels (bands)
 * @param channelsOut output channels
 * @param depth number of down-sampling steps, {@code >= 1}
 * @param baseFilters filters in the first encoder block, {@code >= 1}
 * @param dropout dropout rate in the decoder's innermost blocks, in {@code [0, 1)}
 * @param output output activation: {@code tanh} or {@code linear}
 */
public record UNetSpec(int size, int channelsIn, int channelsOut, int depth, int baseFilters, double dropout,
        String output) implements GanArchitecture.Spec {
    public UNetSpec {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        if (size < 2 || size % (1 << depth) != 0) {
            throw new IllegalArgumentException("size must be a multiple of 2^depth=" + (1 << depth) + ", got " + size);
        }
        if (channelsIn < 1 || channelsOut < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got in=" + channelsIn + " out=" + channelsOut);
        }
        if (baseFilters < 1) {
            throw new IllegalArgumentException("baseFilters must be >= 1, got " + baseFilters);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!"tanh".equals(output) && !"linear".equals(output)) {
            throw new IllegalArgumentException("output must be 'tanh' or 'linear', got '" + output + "'");
        }
    }

    /** The CPU-sized default: 64×64, 1 band, depth 4, 16 base filters, dropout 0.5, tanh. */
    public static UNetSpec defaults() {
        return new UNetSpec(64, 1, 1, 4, 16, 0.5, "tanh");
    }
}
