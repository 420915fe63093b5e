package org.realitycheck.hep.track;

/**
 * The fixed-length condition vector of one track: for a detector of {@code L} layers,
 * {@code [x0, y0, z0, x1, y1, z1, …, x(L−1), y(L−1), z(L−1), m0, …, m(L−1)]}, positions in mm and
 * {@code m = 1} where the layer has a hit, {@code 0} where it is missing (then x = y = z = 0). The
 * default 10-layer detector gives 40 values. Floats carry about 0.06 µm of rounding at r = 1 m,
 * negligible against the 15 µm pixel resolution.
 */
public final class HitVector {
    private HitVector() {
    }

    /** @return the condition length for {@code layers} layers: 4·layers */
    public static int length(int layers) {
        return 4 * layers;
    }

    /** @return the number of layers encoded in a condition of this length */
    public static int layers(float[] condition) {
        if (condition.length % 4 != 0 || condition.length == 0) {
            throw new IllegalArgumentException("a hit vector has 4 values per layer, got length " + condition.length);
        }
        return condition.length / 4;
    }

    /** @return true when layer {@code i} has a hit */
    public static boolean hasHit(float[] condition, int i) {
        return condition[3 * layers(condition) + i] > 0.5f;
    }

    /** @return the number of layers with a hit */
    public static int hitCount(float[] condition) {
        int l = layers(condition);
        int n = 0;
        for (int i = 0; i < l; i++) {
            if (condition[3 * l + i] > 0.5f) {
                n++;
            }
        }
        return n;
    }

    /** Writes the hit of layer {@code i} and sets its mask. */
    public static void set(float[] condition, int i, double x, double y, double z) {
        int l = condition.length / 4;
        condition[3 * i] = (float) x;
        condition[3 * i + 1] = (float) y;
        condition[3 * i + 2] = (float) z;
        condition[3 * l + i] = 1f;
    }
}
