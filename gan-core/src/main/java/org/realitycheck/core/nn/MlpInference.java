package org.realitycheck.core.nn;

import java.util.Objects;
import java.util.stream.IntStream;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.data.FloatArrays;

/**
 * Inference of an MLP generator graph ({@link Networks#generator} with an {@link MlpGeneratorSpec})
 * in Java on 256-bit vectors, outside SameDiff and libnd4j: a snapshot of the graph's parameters
 * (zero-padded to whole vectors), the input standardisation applied while rows are copied into a
 * tile, every layer's bias and LeakyReLU fused into its matrix product, the linear skip path folded
 * into the read-out layer, and the output de-standardisation applied as the results are stored.
 * Tiles of {@value #TILE} rows stay in L1/L2 through all layers; tiles run on the common fork-join
 * pool.
 *
 * <p>Why (measured on the track GAN, 48 → 128³ → 5, 2 cores; docs/performance.md): SameDiff's
 * {@code output} spends most of a call in per-op Java bookkeeping and in allocating fresh native
 * arrays; calling the same libnd4j ops directly on reused arrays still left every element-wise op
 * (bias, LeakyReLU, copies into column slices) at 0.3–1 ns per element and the matrix products
 * at 40–60% of the rate they reach alone. Fused, the arithmetic is the whole cost.
 *
 * <p>Results equal the graph's to float rounding (the same operations; the sums run in k order with
 * FMA); the tests compare both with a double-precision reference. Each row's arithmetic is the same
 * whichever thread runs it, so outputs are deterministic. Needs the {@code jdk.incubator.vector}
 * module ({@code --add-modules jdk.incubator.vector}; the launcher and the tests pass it); without
 * it {@link #available()} is false and callers use the graph.
 */
public final class MlpInference {
    /** Rows per tile. */
    public static final int TILE = 128;
    private static final int LANES = 8;
    private static final int TILES_PER_TASK = 16;
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private final int conditionDim;
    private final int noiseDim;
    private final int outputDim;
    /** Layer l: weights [k_l][n_l] (n_l a multiple of LANES), bias [n_l]. The last layer is the read-out. */
    private final float[][] weights;
    private final float[][] biases;
    private final int[] k;
    private final int[] n;
    private final boolean skip;
    private final float[] inShift;
    private final float[] inScale;
    private final float[] outShift;
    private final float[] outScale;

    /** @return true when the vector module is present and this class can run */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Snapshots a generator graph's current parameters.
     *
     * @param graph a generator graph built by {@link Networks#generator} from {@code spec}
     * @param spec the graph's spec
     * @param in condition standardisation {@code x' = (x − shift)/scale} per feature, or null for none
     * @param out target de-standardisation {@code y = y'·scale + shift} per feature, or null for none
     * @throws IllegalArgumentException if the graph lacks a parameter of the spec or a shape differs
     * @throws IllegalStateException if the vector module is absent
     */
    public static MlpInference of(SameDiff graph, MlpGeneratorSpec spec, Affine in, Affine out) {
        if (!AVAILABLE) {
            throw new IllegalStateException("MlpInference needs --add-modules jdk.incubator.vector");
        }
        return new MlpInference(Objects.requireNonNull(graph, "graph"), spec, in, out);
    }

    /** A per-feature affine map, in float as the network sees it. */
    public record Affine(float[] shift, float[] scale) {
        /** @return the map from double coefficients (one per feature, or one for all) */
        public static Affine of(double[] shift, double[] scale, int features) {
            float[] s = new float[features];
            float[] k = new float[features];
            for (int i = 0; i < features; i++) {
                s[i] = (float) shift[shift.length == 1 ? 0 : i];
                k[i] = (float) scale[scale.length == 1 ? 0 : i];
            }
            return new Affine(s, k);
        }
    }

    private MlpInference(SameDiff graph, MlpGeneratorSpec spec, Affine in, Affine out) {
        conditionDim = spec.conditionDim();
        noiseDim = spec.noiseDim();
        outputDim = spec.outputDim();
        skip = spec.linearSkip();
        int[] hidden = spec.hidden();
        int layers = hidden.length + 1;
        weights = new float[layers][];
        biases = new float[layers][];
        k = new int[layers];
        n = new int[layers];
        int width = conditionDim + noiseDim; // rows of the next weight matrix that carry data
        int paddedWidth = width;            // the next layer's input stride
        for (int l = 0; l < hidden.length; l++) {
            k[l] = paddedWidth;
            n[l] = pad(hidden[l]);
            weights[l] = new float[k[l] * n[l]];
            copyInto(param(graph, "g_w" + l, width, hidden[l]), weights[l], 0, n[l]);
            biases[l] = new float[n[l]];
            copyInto(param(graph, "g_b" + l, hidden[l]), biases[l], 0, n[l]);
            width = hidden[l];
            paddedWidth = n[l];
        }
        int last = hidden.length;
        // the read-out's input rows hold the last hidden layer, then the condition for the skip path,
        // padded to whole 64-byte lines (16 floats) so that every row starts at the same alignment
        k[last] = skip ? (paddedWidth + conditionDim + 15) / 16 * 16 : paddedWidth;
        n[last] = pad(outputDim);
        weights[last] = new float[k[last] * n[last]];
        copyInto(param(graph, "g_wout", width, outputDim), weights[last], 0, n[last]);
        if (skip) {
            copyInto(param(graph, "g_wlin", conditionDim, outputDim), weights[last], paddedWidth, n[last]);
        }
        biases[last] = new float[n[last]];
        copyInto(param(graph, "g_bout", outputDim), biases[last], 0, n[last]);
        inShift = in == null ? null : check(in.shift(), conditionDim, "condition shift");
        inScale = in == null ? null : check(in.scale(), conditionDim, "condition scale");
        outShift = out == null ? null : check(out.shift(), outputDim, "target shift");
        outScale = out == null ? null : check(out.scale(), outputDim, "target scale");
    }

    /**
     * Runs the generator on {@code rows} rows.
     *
     * @param condition {@code rows × conditionDim}, row-major, before standardisation
     * @param noise {@code rows × noiseDim} N(0, 1) values, or null when the spec has no noise
     * @return {@code rows × outputDim}, row-major, after de-standardisation
     */
    public float[] run(float[] condition, float[] noise, int rows) {
        return run(condition, noise, rows, null);
    }

    /**
     * Runs the generator on {@code rows} physical rows with fixed processing around it, fused into the tiles:
     * each row goes through {@code frame.toNetwork} as the tile is filled and {@code frame.fromNetwork} as its
     * result is stored, so the batch is read and written once. The result equals {@link #run(float[], float[],
     * int)} on the rows mapped beforehand with the output mapped afterwards, bit for bit.
     *
     * @param condition {@code rows × frame.inputLength()}, row-major (or {@code rows × conditionDim} without frame)
     * @param noise {@code rows × noiseDim} N(0, 1) values, or null when the spec has no noise
     * @param frame the per-row processing, or null for none
     * @return {@code rows × outputDim}, row-major, after de-standardisation and {@code frame.fromNetwork}
     */
    public float[] run(float[] condition, float[] noise, int rows, RowFrame frame) {
        if (frame != null && frame.networkLength() != conditionDim) {
            throw new IllegalArgumentException("the frame gives " + frame.networkLength() + " condition values, the "
                    + "network takes " + conditionDim);
        }
        int inLen = frame == null ? conditionDim : frame.inputLength();
        if (condition.length != rows * inLen || (noiseDim > 0 ? noise == null || noise.length != rows * noiseDim
                : noise != null)) {
            throw new IllegalArgumentException("expected " + rows + " × " + inLen + " conditions and " + rows
                    + " × " + noiseDim + " noise values");
        }
        double[] state = frame == null ? null : new double[rows * frame.stateLength()];
        float[] out = new float[rows * outputDim];
        int tiles = (rows + TILE - 1) / TILE;
        int tasks = (tiles + TILES_PER_TASK - 1) / TILES_PER_TASK;
        IntStream stream = IntStream.range(0, tasks);
        (tasks > 1 ? stream.parallel() : stream).forEach(task -> {
            Workspace ws = new Workspace(frame);
            int end = Math.min(tiles, (task + 1) * TILES_PER_TASK);
            for (int t = task * TILES_PER_TASK; t < end; t++) {
                tile(condition, noise, t * TILE, Math.min(TILE, rows - t * TILE), out, ws, frame, state);
            }
        });
        return out;
    }

    /** The buffers of one task. */
    private final class Workspace {
        final float[] input = new float[TILE * k[0]];
        final float[] a;
        final float[] b;
        final float[] result = new float[TILE * n[n.length - 1]];
        /** With a frame: one physical row, and the tile's condition rows in the network's frame. */
        final float[] row;
        final float[] net;

        Workspace(RowFrame frame) {
            row = frame == null ? null : new float[frame.inputLength()];
            net = frame == null ? null : new float[TILE * conditionDim];
            int max = 0;
            for (int l = 0; l < n.length - 1; l++) {
                max = Math.max(max, n[l]);
            }
            a = new float[TILE * Math.max(max, k[k.length - 1])];
            b = new float[a.length];
        }
    }

    private void tile(float[] condition, float[] noise, int r0, int rows, float[] out, Workspace ws, RowFrame frame,
            double[] state) {
        int in0 = k[0];
        // the network-frame condition rows of this tile: the caller's, or the frame's output
        float[] cond = frame == null ? condition : ws.net;
        int c0 = frame == null ? r0 : 0;
        for (int r = 0; r < rows; r++) {
            if (frame != null) {
                System.arraycopy(condition, (r0 + r) * ws.row.length, ws.row, 0, ws.row.length);
                frame.toNetwork(ws.row, ws.net, r * conditionDim, state, (r0 + r) * frame.stateLength());
            }
            int src = (c0 + r) * conditionDim;
            int dst = r * in0;
            standardise(cond, src, ws.input, dst);
            if (noiseDim > 0) {
                System.arraycopy(noise, (r0 + r) * noiseDim, ws.input, dst + conditionDim, noiseDim);
            }
        }
        float[] x = ws.input;
        int xStride = in0;
        int last = weights.length - 1;
        for (int l = 0; l < last; l++) {
            // the last hidden layer writes into the read-out's input rows, which also hold the skip's condition
            float[] y = (x == ws.a) ? ws.b : ws.a;
            int yStride = l == last - 1 ? k[last] : n[l];
            VectorMlpKernel.dense(x, xStride, rows, k[l], weights[l], biases[l], n[l], y, yStride, true,
                    (float) Networks.LEAK);
            x = y;
            xStride = yStride;
        }
        if (skip) {
            int at = n[last - 1];
            for (int r = 0; r < rows; r++) {
                standardise(cond, (c0 + r) * conditionDim, x, r * xStride + at);
                // the padding meets zero weights, but stale NaN from another row's earlier layer would not
                java.util.Arrays.fill(x, r * xStride + at + conditionDim, (r + 1) * xStride, 0f);
            }
        }
        int m = n[last];
        VectorMlpKernel.dense(x, xStride, rows, k[last], weights[last], biases[last], m, ws.result, m, false, 0f);
        for (int r = 0; r < rows; r++) {
            int dst = (r0 + r) * outputDim;
            for (int j = 0; j < outputDim; j++) {
                float v = ws.result[r * m + j];
                out[dst + j] = outScale == null ? v : v * outScale[j] + outShift[j];
            }
            if (frame != null) {
                frame.fromNetwork(out, dst, state, (r0 + r) * frame.stateLength());
            }
        }
    }

    private void standardise(float[] condition, int src, float[] dst, int at) {
        if (inShift == null) {
            System.arraycopy(condition, src, dst, at, conditionDim);
        } else {
            for (int q = 0; q < conditionDim; q++) {
                dst[at + q] = (condition[src + q] - inShift[q]) / inScale[q];
            }
        }
    }

    private static int pad(int width) {
        return (width + LANES - 1) / LANES * LANES;
    }

    /** Copies a [rows, cols] matrix into rows {@code fromRow…} of a row-major matrix with {@code stride} columns. */
    private static void copyInto(float[][] m, float[] dst, int fromRow, int stride) {
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, dst, (fromRow + i) * stride, m[i].length);
        }
    }

    private static float[][] param(SameDiff graph, String name, long... shape) {
        SDVariable v = graph.getVariable(name);
        INDArray a = v == null ? null : v.getArr();
        if (a == null) {
            throw new IllegalArgumentException("not an MLP generator graph of this spec: no parameter " + name);
        }
        if (!java.util.Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException("parameter " + name + " has shape " + java.util.Arrays.toString(a.shape())
                    + ", the spec needs " + java.util.Arrays.toString(shape));
        }
        int rows = Math.toIntExact(shape.length == 1 ? 1 : shape[0]);
        int cols = Math.toIntExact(shape.length == 1 ? shape[0] : shape[1]);
        float[] flat = FloatArrays.copyOf(a);
        float[][] m = new float[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = java.util.Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return m;
    }

    private static float[] check(float[] v, int length, String what) {
        if (v.length != length) {
            throw new IllegalArgumentException(what + " has " + v.length + " values, expected " + length);
        }
        return v.clone();
    }
}
