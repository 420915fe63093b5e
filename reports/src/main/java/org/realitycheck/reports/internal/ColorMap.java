package org.realitycheck.reports.internal;

/**
 * Colour maps for image panels, as piecewise-linear interpolation between anchor colours.
 * <ul>
 *   <li>{@link #VIRIDIS}: sequential and perceptually uniform, readable in grey and by colour-blind
 *       readers (the ten-step anchors of matplotlib's {@code viridis}, van der Walt and Smith 2015).</li>
 *   <li>{@link #RDBU}: diverging, blue below zero, white at zero, red above (ColorBrewer {@code RdBu},
 *       nine classes, reversed; Harrower and Brewer 2003), for residuals, where the sign matters.</li>
 * </ul>
 */
public final class ColorMap {
    /** Sequential map for intensities. */
    public static final ColorMap VIRIDIS = new ColorMap(0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
            0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725);
    /** Diverging map for signed quantities centred on zero. */
    public static final ColorMap RDBU = new ColorMap(0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7,
            0xf4a582, 0xd6604d, 0xb2182b);

    private final int[] lut = new int[256];

    private ColorMap(int... anchors) {
        int n = anchors.length - 1;
        for (int i = 0; i < lut.length; i++) {
            double t = i / 255.0 * n;
            int k = Math.min((int) Math.floor(t), n - 1);
            double f = t - k;
            lut[i] = mix(anchors[k], anchors[k + 1], f);
        }
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /**
     * @param t position on the map; values outside [0, 1] are clipped, NaN maps to mid grey
     * @return the colour as 0xRRGGBB
     */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0x808080;
        }
        double c = Math.max(0, Math.min(1, t));
        return lut[(int) Math.round(c * 255)];
    }
}
