package org.realitycheck.astro.degrade;

/**
 * Block averaging. {@link #pool} averages {@code f × f} blocks (the detector integrating an
 * oversampled image); {@link #blockAverage} averages blocks and writes each mean back over its block,
 * which keeps a down-sampled measurement on the full grid (the shape the networks use).
 * {@link #blockAverage} conserves the total flux; {@link #pool} conserves the mean (the sum divided by
 * {@code f²}), as the detector averages the oversampled surface brightness over its pixel.
 */
public final class Pooling {
    private Pooling() {
    }

    /**
     * Average-pools an {@code (h·f) × (w·f)} image to {@code h × w}.
     *
     * @param in the fine image, row-major, {@code h·f·w·f} values
     * @param h output rows
     * @param w output columns
     * @param f block side, {@code >= 1}
     * @param out {@code h·w} values, overwritten
     */
    public static void pool(double[] in, int h, int w, int f, float[] out, int outOffset) {
        int fw = w * f;
        double inv = 1.0 / (f * f);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = 0; j < f; j++) {
                    int o = (y * f + j) * fw + x * f;
                    for (int i = 0; i < f; i++) {
                        s += in[o + i];
                    }
                }
                out[outOffset + y * w + x] = (float) (s * inv);
            }
        }
    }

    /**
     * Replaces every {@code f × f} block of an {@code h × w} image by its mean, in place. This is a
     * symmetric projection (its own adjoint) that conserves the total flux.
     *
     * @param img the image, {@code h·w} values from {@code offset}; h and w multiples of f
     */
    public static void blockAverage(double[] img, int offset, int h, int w, int f) {
        if (f == 1) {
            return;
        }
        if (h % f != 0 || w % f != 0) {
            throw new IllegalArgumentException("image " + h + "x" + w + " is not a multiple of the block " + f);
        }
        double inv = 1.0 / (f * f);
        for (int y = 0; y < h; y += f) {
            for (int x = 0; x < w; x += f) {
                double s = 0;
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < f; i++) {
                        s += img[offset + (y + j) * w + x + i];
                    }
                }
                s *= inv;
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < f; i++) {
                        img[offset + (y + j) * w + x + i] = s;
                    }
                }
            }
        }
    }
}
