package org.realitycheck.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded synthetic training sets and small architectures shared by the gan-core tests. */
public final class TestData {
    private TestData() {
    }

    /** c ~ U(−1, 1), y = sin(3c) + ε, ε ~ N(0, σ²); covariate {@code c}. */
    public static SampleSet sine(int n, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double c = r.nextDouble(-1, 1);
            double y = Math.sin(3 * c) + sigma * r.nextGaussian();
            out.add(new Sample("s" + i, "point", new float[] {(float) c}, new float[] {(float) y}, Map.of("c", c)));
        }
        return new SampleSet(out, new long[] {1}, new long[] {1});
    }

    /**
     * Discs on a dark background, {@code size}×{@code size}, values in [−1, 1]: the target is a sharp
     * disc (radius 3–7 px, random centre), the condition the same disc blurred by a Gaussian of
     * σ = {@code blur} px.
     */
    public static SampleSet discs(int n, int size, double blur, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double cx = r.nextDouble(0.3 * size, 0.7 * size);
            double cy = r.nextDouble(0.3 * size, 0.7 * size);
            double rad = r.nextDouble(0.1 * size, 0.22 * size);
            float[] sharp = new float[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    // anti-aliased edge over one pixel
                    double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                    double v = Math.max(0, Math.min(1, rad - d + 0.5));
                    sharp[y * size + x] = (float) v;
                }
            }
            float[] blurred = gaussianBlur(sharp, size, blur);
            out.add(new Sample("d" + i, "disc", toPm1(blurred), toPm1(sharp), Map.of("radius", rad)));
        }
        return new SampleSet(out, new long[] {1, size, size}, new long[] {1, size, size});
    }

    private static float[] toPm1(float[] v) {
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = 2 * v[i] - 1;
        }
        return o;
    }

    private static float[] gaussianBlur(float[] img, int size, double sigma) {
        int rad = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * rad + 1];
        double sum = 0;
        for (int i = -rad; i <= rad; i++) {
            k[i + rad] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + rad];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return pass(pass(img, size, k, 1, size), size, k, size, 1);
    }

    /** One 1-D convolution pass along the axis with element step {@code step} (1: rows, size: columns). */
    private static float[] pass(float[] img, int size, double[] k, int step, int lineStep) {
        int rad = k.length / 2;
        float[] out = new float[img.length];
        for (int line = 0; line < size; line++) {
            for (int i = 0; i < size; i++) {
                double s = 0;
                for (int j = -rad; j <= rad; j++) {
                    int ii = Math.min(size - 1, Math.max(0, i + j));
                    s += k[j + rad] * img[line * lineStep + ii * step];
                }
                out[line * lineStep + i * step] = (float) s;
            }
        }
        return out;
    }

    /** A small MLP GAN for 1 → 1 with a noise input. */
    public static GanArchitecture smallMlp(int noiseDim, int width) {
        return GanArchitecture.mlp(new MlpGeneratorSpec(1, noiseDim, 1, new int[] {width, width}),
                new MlpDiscriminatorSpec(1, 1, new int[] {width, width}));
    }

    /** A tiny pix2pix (with dropout) for {@code size}×{@code size}, one band. */
    public static GanArchitecture tinyPix2pix(int size, int depth, int base) {
        return GanArchitecture.pix2pix(new UNetSpec(size, 1, 1, depth, base, 0.5, "tanh"),
                new PatchGanSpec(size, 1, 1, 2, base));
    }

    /** Asserts two parameter maps are bit-identical. */
    public static void assertBitIdentical(Map<String, INDArray> a, Map<String, INDArray> b) {
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        for (String k : a.keySet()) {
            assertThat(Arrays.equals(a.get(k).data().asFloat(), b.get(k).data().asFloat()))
                    .as("parameter %s bit-identical", k).isTrue();
        }
    }

    /** @return true when some parameter differs in some bit */
    public static boolean anyDifferent(Map<String, INDArray> a, Map<String, INDArray> b) {
        for (String k : a.keySet()) {
            if (!Arrays.equals(a.get(k).data().asFloat(), b.get(k).data().asFloat())) {
                return true;
            }
        }
        return false;
    }
}
