package org.realitycheck.core.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense layer of {@link MlpInference} on 256-bit vectors ({@code jdk.incubator.vector}): an
 * outer-product micro-kernel of 4 rows × 16 columns held in eight accumulators, bias as the
 * accumulators' start value, LeakyReLU as {@code max(v, 0.2·v)} before the store. Loaded only
 * when the incubator module is present (see {@link MlpInference#available()}).
 */
final class VectorMlpKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    /** Floats per vector. */
    static final int LANES = 8;

    private VectorMlpKernel() {
    }

    /**
     * {@code y[r, 0..n) = act(b + Σ_k x[r, k]·w[k, ·])} for {@code r < rows}, accumulated with FMA in
     * k order.
     *
     * @param x inputs, row r at {@code r·xStride}
     * @param w weights {@code [k][n]}, row-major, n a multiple of {@link #LANES}
     * @param b bias, length n
     * @param y outputs, row r at {@code r·yStride}
     * @param leaky true for LeakyReLU with slope {@code slope}, false for the identity
     */
    static void dense(float[] x, int xStride, int rows, int k, float[] w, float[] b, int n, float[] y, int yStride,
            boolean leaky, float slope) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int x0 = r * xStride;
            int x1 = x0 + xStride;
            int x2 = x1 + xStride;
            int x3 = x2 + xStride;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                FloatVector b0 = FloatVector.fromArray(S, b, j);
                FloatVector b1 = FloatVector.fromArray(S, b, j + LANES);
                FloatVector a00 = b0;
                FloatVector a01 = b1;
                FloatVector a10 = b0;
                FloatVector a11 = b1;
                FloatVector a20 = b0;
                FloatVector a21 = b1;
                FloatVector a30 = b0;
                FloatVector a31 = b1;
                for (int q = 0, wi = j; q < k; q++, wi += n) {
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    FloatVector w1 = FloatVector.fromArray(S, w, wi + LANES);
                    FloatVector v = FloatVector.broadcast(S, x[x0 + q]);
                    a00 = v.fma(w0, a00);
                    a01 = v.fma(w1, a01);
                    v = FloatVector.broadcast(S, x[x1 + q]);
                    a10 = v.fma(w0, a10);
                    a11 = v.fma(w1, a11);
                    v = FloatVector.broadcast(S, x[x2 + q]);
                    a20 = v.fma(w0, a20);
                    a21 = v.fma(w1, a21);
                    v = FloatVector.broadcast(S, x[x3 + q]);
                    a30 = v.fma(w0, a30);
                    a31 = v.fma(w1, a31);
                }
                if (leaky) {
                    a00 = a00.max(a00.mul(slope));
                    a01 = a01.max(a01.mul(slope));
                    a10 = a10.max(a10.mul(slope));
                    a11 = a11.max(a11.mul(slope));
                    a20 = a20.max(a20.mul(slope));
                    a21 = a21.max(a21.mul(slope));
                    a30 = a30.max(a30.mul(slope));
                    a31 = a31.max(a31.mul(slope));
                }
                int y0 = r * yStride + j;
                a00.intoArray(y, y0);
                a01.intoArray(y, y0 + LANES);
                a10.intoArray(y, y0 + yStride);
                a11.intoArray(y, y0 + yStride + LANES);
                a20.intoArray(y, y0 + 2 * yStride);
                a21.intoArray(y, y0 + 2 * yStride + LANES);
                a30.intoArray(y, y0 + 3 * yStride);
                a31.intoArray(y, y0 + 3 * yStride + LANES);
            }
            for (; j < n; j += LANES) { // a last block of 8 columns (the read-out): four independent sums
                FloatVector a0 = FloatVector.fromArray(S, b, j);
                FloatVector a1 = a0;
                FloatVector a2 = a0;
                FloatVector a3 = a0;
                for (int q = 0, wi = j; q < k; q++, wi += n) {
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    a0 = FloatVector.broadcast(S, x[x0 + q]).fma(w0, a0);
                    a1 = FloatVector.broadcast(S, x[x1 + q]).fma(w0, a1);
                    a2 = FloatVector.broadcast(S, x[x2 + q]).fma(w0, a2);
                    a3 = FloatVector.broadcast(S, x[x3 + q]).fma(w0, a3);
                }
                if (leaky) {
                    a0 = a0.max(a0.mul(slope));
                    a1 = a1.max(a1.mul(slope));
                    a2 = a2.max(a2.mul(slope));
                    a3 = a3.max(a3.mul(slope));
                }
                int y0 = r * yStride + j;
                a0.intoArray(y, y0);
                a1.intoArray(y, y0 + yStride);
                a2.intoArray(y, y0 + 2 * yStride);
                a3.intoArray(y, y0 + 3 * yStride);
            }
        }
        for (; r < rows; r++) {
            for (int j = 0; j < n; j += LANES) {
                column(x, r * xStride, k, w, b, n, j, y, r * yStride, leaky, slope);
            }
        }
    }

    /** One row, one vector of columns. */
    private static void column(float[] x, int xi, int k, float[] w, float[] b, int n, int j, float[] y, int yi,
            boolean leaky, float slope) {
        FloatVector a = FloatVector.fromArray(S, b, j);
        for (int q = 0, wi = j; q < k; q++, wi += n) {
            a = FloatVector.broadcast(S, x[xi + q]).fma(FloatVector.fromArray(S, w, wi), a);
        }
        if (leaky) {
            a = a.max(a.mul(slope));
        }
        a.intoArray(y, yi + j);
    }
}
