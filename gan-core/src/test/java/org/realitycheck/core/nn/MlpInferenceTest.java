package org.realitycheck.core.nn;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vector MLP inference against two independent computations: a plain-Java double-precision
 * MLP written from the definition (dense, + bias, LeakyReLU 0.2, linear read-out, linear skip), and
 * SameDiff's own execution of the same graph.
 */
class MlpInferenceTest {
    private static final MlpGeneratorSpec TRACK_LIKE =
            new MlpGeneratorSpec(40, 8, 5, new int[] {128, 128, 128}).withLinearSkip(true);

    @Test
    void matchesAPlainJavaMlpAndSameDiffAcrossTilesAndRemainders() {
        SameDiff g = randomised(TRACK_LIKE, 7);
        for (int b : new int[] {1, 5, MlpInference.TILE * 17 + 3}) {
            INDArray c = gaussian(b, 40, 11 + b);
            INDArray z = gaussian(b, 8, 13 + b);
            INDArray direct = run(g, TRACK_LIKE, c, z);
            INDArray graph = g.outputSingle(Map.of(Networks.CONDITION, c, Networks.NOISE, z), Networks.OUTPUT);
            double[][] ref = reference(g, TRACK_LIKE, c, z);
            assertThat(direct.shape()).containsExactly(b, 5);
            double scale = 0;
            double errDirect = 0;
            double errGraph = 0;
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < 5; j++) {
                    scale = Math.max(scale, Math.abs(ref[i][j]));
                    errDirect = Math.max(errDirect, Math.abs(direct.getDouble(i, j) - ref[i][j]));
                    errGraph = Math.max(errGraph, Math.abs(graph.getDouble(i, j) - ref[i][j]));
                }
            }
            // float32 through four layers of width ≤ 128: a few 1e-6 of the output's scale
            assertThat(errDirect).as("direct, batch %d", b).isLessThan(1e-5 * scale);
            assertThat(errGraph).as("samediff, batch %d", b).isLessThan(1e-5 * scale);
        }
    }

    /** A frame that reverses a 41-value row into 40 values (dropping the last) and adds the dropped value to the output. */
    private static final RowFrame REVERSE = new RowFrame() {
        @Override
        public int inputLength() {
            return 41;
        }

        @Override
        public int networkLength() {
            return 40;
        }

        @Override
        public int stateLength() {
            return 1;
        }

        @Override
        public void toNetwork(float[] row, float[] net, int netOffset, double[] state, int stateOffset) {
            for (int q = 0; q < 40; q++) {
                net[netOffset + q] = row[39 - q];
            }
            state[stateOffset] = row[40];
            row[0] = Float.NaN; // the row is the kernel's private copy
        }

        @Override
        public void fromNetwork(float[] out, int outOffset, double[] state, int stateOffset) {
            out[outOffset + 2] += (float) state[stateOffset];
        }
    };

    @Test
    void aFrameRunInsideTheTilesEqualsTheSamePassesAroundTheKernelBitForBit() {
        SameDiff g = randomised(TRACK_LIKE, 9);
        int b = MlpInference.TILE * 3 + 17;
        float[] physical = gaussian(b, 41, 5).data().asFloat();
        float[] z = gaussian(b, 8, 6).data().asFloat();
        float[] keep = physical.clone();
        float[] net = new float[b * 40];
        double[] state = new double[b];
        for (int r = 0; r < b; r++) {
            REVERSE.toNetwork(java.util.Arrays.copyOfRange(physical, r * 41, (r + 1) * 41), net, r * 40, state, r);
        }
        MlpInference.Affine in = MlpInference.Affine.of(new double[] {0.5}, new double[] {2}, 40);
        MlpInference.Affine out = MlpInference.Affine.of(new double[] {1}, new double[] {3}, 5);
        MlpInference k = MlpInference.of(g, TRACK_LIKE, in, out);
        float[] separate = k.run(net, z, b);
        for (int r = 0; r < b; r++) {
            REVERSE.fromNetwork(separate, r * 5, state, r);
        }
        assertThat(k.run(physical, z, b, REVERSE)).containsExactly(separate);
        assertThat(physical).containsExactly(keep);
        assertThatThrownBy(() -> k.run(net, z, b, REVERSE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("41");
    }

    @Test
    void worksWithoutNoiseOrSkip() {
        MlpGeneratorSpec plain = new MlpGeneratorSpec(3, 0, 2, new int[] {13, 7}); // widths that need padding
        SameDiff g = randomised(plain, 3);
        INDArray c = gaussian(9, 3, 1);
        double[][] ref = reference(g, plain, c, null);
        INDArray direct = run(g, plain, c, null);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(direct.getDouble(i, j)).isCloseTo(ref[i][j], org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void appliesTheConditionAndTargetStandardisationAsTheNormalisationDoes() {
        SameDiff g = randomised(TRACK_LIKE, 5);
        int b = 37;
        INDArray c = gaussian(b, 40, 2).muli(3.0).addi(1.5);
        INDArray z = gaussian(b, 8, 3);
        SplittableRandom rng = new SplittableRandom(4);
        double[] inShift = rng.doubles(40, -2, 2).toArray();
        double[] inScale = rng.doubles(40, 0.5, 4).toArray();
        double[] outShift = rng.doubles(5, -1, 1).toArray();
        double[] outScale = rng.doubles(5, 0.01, 10).toArray();
        float[] y = MlpInference.of(g, TRACK_LIKE, MlpInference.Affine.of(inShift, inScale, 40),
                MlpInference.Affine.of(outShift, outScale, 5)).run(c.data().asFloat(), z.data().asFloat(), b);
        INDArray cn = c.dup();
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < 40; k++) {
                cn.putScalar(i, k, (c.getDouble(i, k) - inShift[k]) / inScale[k]);
            }
        }
        double[][] ref = reference(g, TRACK_LIKE, cn, z);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = ref[i][j] * outScale[j] + outShift[j];
                assertThat((double) y[i * 5 + j]).isCloseTo(expected,
                        org.assertj.core.api.Assertions.within(2e-5 * (Math.abs(expected) + outScale[j])));
            }
        }
    }

    @Test
    void isDeterministicWhateverTheThreadsDo() {
        SameDiff g = randomised(TRACK_LIKE, 8);
        int b = MlpInference.TILE * 40 + 5; // several parallel tasks
        float[] c = gaussian(b, 40, 6).data().asFloat();
        float[] z = gaussian(b, 8, 7).data().asFloat();
        MlpInference m = MlpInference.of(g, TRACK_LIKE, null, null);
        float[] first = m.run(c, z, b);
        for (int i = 0; i < 3; i++) {
            assertThat(m.run(c, z, b)).containsExactly(first);
        }
        // a row's result does not depend on its neighbours or its position
        float[] one = m.run(java.util.Arrays.copyOfRange(c, 40 * 1000, 40 * 1001),
                java.util.Arrays.copyOfRange(z, 8 * 1000, 8 * 1001), 1);
        assertThat(one).containsExactly(java.util.Arrays.copyOfRange(first, 5 * 1000, 5 * 1001));
    }

    @Test
    void aNonFiniteRowStaysInItsRow() {
        SameDiff g = randomised(TRACK_LIKE, 9);
        int b = MlpInference.TILE * 3;
        float[] c = gaussian(b, 40, 10).data().asFloat();
        float[] z = gaussian(b, 8, 11).data().asFloat();
        MlpInference m = MlpInference.of(g, TRACK_LIKE, null, null);
        float[] clean = m.run(c, z, b);
        for (int r = 0; r < b; r += 7) {
            c[r * 40 + 3] = Float.NaN;
        }
        float[] dirty = m.run(c, z, b);
        for (int r = 0; r < b; r++) {
            float[] row = java.util.Arrays.copyOfRange(dirty, 5 * r, 5 * r + 5);
            if (r % 7 == 0) {
                assertThat(row).as("row %d", r).containsOnly(Float.NaN);
            } else {
                assertThat(row).as("row %d", r).containsExactly(java.util.Arrays.copyOfRange(clean, 5 * r, 5 * r + 5));
            }
        }
    }

    @Test
    void rejectsMismatchedInputsAndForeignGraphs() {
        SameDiff g = randomised(TRACK_LIKE, 1);
        MlpInference m = MlpInference.of(g, TRACK_LIKE, null, null);
        assertThatThrownBy(() -> m.run(new float[2 * 39], new float[2 * 8], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 × 40");
        assertThatThrownBy(() -> m.run(new float[2 * 40], null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MlpInference.of(g, TRACK_LIKE,
                MlpInference.Affine.of(new double[] {0, 0}, new double[] {1, 1}, 2), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("condition shift has 2 values, expected 40");
        MlpGeneratorSpec deeper = new MlpGeneratorSpec(40, 8, 5, new int[] {128, 128, 128, 128});
        assertThatThrownBy(() -> MlpInference.of(g, deeper, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g_w3");
        MlpGeneratorSpec narrower = new MlpGeneratorSpec(40, 8, 5, new int[] {128, 64, 128});
        assertThatThrownBy(() -> MlpInference.of(g, narrower, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g_w1");
    }

    private static INDArray run(SameDiff g, MlpGeneratorSpec spec, INDArray c, INDArray z) {
        int b = (int) c.size(0);
        float[] y = MlpInference.of(g, spec, null, null).run(c.data().asFloat(), z == null ? null : z.data().asFloat(), b);
        return Nd4j.create(y, new long[] {b, spec.outputDim()}, 'c');
    }

    /** A generator graph whose biases and skip weights are non-zero too (they start at zero). */
    private static SameDiff randomised(MlpGeneratorSpec spec, long seed) {
        SameDiff g = Networks.generator(spec, 1.0, new SplittableRandom(seed));
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (SDVariable v : g.variables()) {
            if (v.name().startsWith("g_b") || v.name().equals("g_wlin")) {
                INDArray a = v.getArr();
                for (long k = 0; k < a.length(); k++) {
                    a.putScalar(k, 0.3 * rng.nextGaussian());
                }
            }
        }
        return g;
    }

    private static INDArray gaussian(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    /** The MLP from its definition, in double precision. */
    private static double[][] reference(SameDiff g, MlpGeneratorSpec spec, INDArray c, INDArray z) {
        int b = (int) c.size(0);
        double[][] out = new double[b][];
        for (int r = 0; r < b; r++) {
            double[] x = new double[spec.conditionDim() + spec.noiseDim()];
            for (int k = 0; k < spec.conditionDim(); k++) {
                x[k] = c.getDouble(r, k);
            }
            for (int k = 0; k < spec.noiseDim(); k++) {
                x[spec.conditionDim() + k] = z.getDouble(r, k);
            }
            double[] h = x;
            for (int i = 0; i < spec.hidden().length; i++) {
                h = dense(h, g.getArrForVarName("g_w" + i), g.getArrForVarName("g_b" + i));
                for (int k = 0; k < h.length; k++) {
                    h[k] = h[k] > 0 ? h[k] : 0.2 * h[k];
                }
            }
            double[] y = dense(h, g.getArrForVarName("g_wout"), g.getArrForVarName("g_bout"));
            if (spec.linearSkip()) {
                INDArray wl = g.getArrForVarName("g_wlin");
                for (int j = 0; j < y.length; j++) {
                    for (int k = 0; k < spec.conditionDim(); k++) {
                        y[j] += x[k] * wl.getDouble(k, j);
                    }
                }
            }
            out[r] = y;
        }
        return out;
    }

    private static double[] dense(double[] x, INDArray w, INDArray bias) {
        double[] y = new double[(int) w.size(1)];
        for (int j = 0; j < y.length; j++) {
            double s = bias.getDouble(j);
            for (int k = 0; k < x.length; k++) {
                s += x[k] * w.getDouble(k, j);
            }
            y[j] = s;
        }
        return y;
    }
}
