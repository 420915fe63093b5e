package org.realitycheck.core.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.realitycheck.core.data.FloatArrays;

/**
 * Builds SameDiff graphs from network specs. Images are NCHW ({@code [b, c, h, w]}); vectors are
 * rows ({@code [b, n]}).
 *
 * <p><b>Generator graph</b> (placeholders {@link #CONDITION}, {@link #NOISE} when the spec has
 * noise, one {@code dropout_k} mask per dropout block; output {@link #OUTPUT}). For training it also
 * holds {@link #ADV_GRAD} and {@link #TARGET} and the surrogate loss
 * <pre>  L_G = Σ (G(c) ⊙ ∂L_adv/∂G(c)) + λ · mean|G(c) − y|</pre>
 * whose gradient with respect to G's parameters is exactly ∂L_adv/∂θ + λ·∂L1/∂θ (chain rule: the
 * first term is linear in G(c) with the discriminator's input gradient as constant coefficients).
 *
 * <p><b>Discriminator graph</b> (placeholders {@link #CONDITION}, {@link #CANDIDATE},
 * {@link #LABELS}; outputs {@link #LOGITS} and {@link #D_LOSS}). Loss {@code bce} is the
 * numerically stable sigmoid cross-entropy on logits x with labels y,
 * {@code mean(max(x,0) − x·y + log(1 + e^{−|x|}))}; loss {@code wgan} is the critic loss
 * {@code −mean(y·x)} with y = +1 for real and −1 for generated (Arjovsky et al. 2017).
 *
 * <p>Dropout is a multiplication by a mask placeholder (inverted dropout, mask values 0 or
 * 1/(1−p)) so that its randomness comes from the trainer's seeds rather than from libnd4j's global
 * RNG; at inference the masks are ones. Weights are He-normal (He et al. 2015), std √(2/fan-in),
 * drawn from the given seeded generator; biases are zero.
 */
public final class Networks {
    /** Condition placeholder (network scale). */
    public static final String CONDITION = "condition";
    /** Gaussian noise placeholder of MLP generators with {@code noiseDim > 0}. */
    public static final String NOISE = "noise";
    /** Generator output. */
    public static final String OUTPUT = "output";
    /** External gradient ∂L_adv/∂G(c) fed to the generator's surrogate loss. */
    public static final String ADV_GRAD = "adv_grad";
    /** Target placeholder of the generator's L1 term. */
    public static final String TARGET = "target";
    /** Generator surrogate loss. */
    public static final String G_LOSS = "loss_g";
    /** Discriminator input: a real or generated output. */
    public static final String CANDIDATE = "candidate";
    /** Discriminator labels, same shape as the logits. */
    public static final String LABELS = "labels";
    /** Discriminator logits: {@code [b, 1, p, p]} (PatchGAN) or {@code [b, 1]} (MLP). */
    public static final String LOGITS = "logits";
    /** Discriminator loss. */
    public static final String D_LOSS = "loss_d";
    /** Prefix of the dropout mask placeholders: {@code dropout_0, dropout_1, ...}. */
    public static final String DROPOUT_PREFIX = "dropout_";

    static final double LEAK = 0.2;
    private static final int K = 4;

    private Networks() {
    }

    /**
     * Builds a generator graph with freshly initialised weights.
     *
     * @param spec a {@link UNetSpec} or {@link MlpGeneratorSpec}
     * @param l1Weight λ of the L1 term in the training loss, {@code >= 0}
     * @param rng seeded source of the initial weights
     * @return the graph, with {@link #G_LOSS} set as its loss variable
     */
    public static SameDiff generator(GanArchitecture.Spec spec, double l1Weight, SplittableRandom rng) {
        Objects.requireNonNull(rng, "rng");
        if (!(l1Weight >= 0)) {
            throw new IllegalArgumentException("l1Weight must be >= 0, got " + l1Weight);
        }
        SameDiff sd = SameDiff.create();
        Init init = new Init(sd, rng);
        SDVariable cond = sd.placeHolder(CONDITION, DataType.FLOAT, batched(conditionShape(spec)));
        SDVariable out;
        if (spec instanceof UNetSpec u) {
            out = unet(sd, init, u, cond);
        } else if (spec instanceof MlpGeneratorSpec m) {
            SDVariable in = cond;
            if (m.noiseDim() > 0) {
                SDVariable noise = sd.placeHolder(NOISE, DataType.FLOAT, -1, m.noiseDim());
                in = sd.concat(1, cond, noise);
            }
            out = mlp(sd, init, "g", in, m.conditionDim() + m.noiseDim(), m.hidden(), m.outputDim());
            if (m.linearSkip()) {
                // zero-initialised, so the untrained network is the plain MLP
                out = out.add(cond.mmul(init.zeros("g_wlin", m.conditionDim(), m.outputDim())));
            }
        } else {
            throw new IllegalArgumentException("not a generator spec: " + spec);
        }
        out = sd.identity(OUTPUT, out);
        SDVariable adv = sd.placeHolder(ADV_GRAD, DataType.FLOAT, batched(outputShape(spec)));
        SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, batched(outputShape(spec)));
        SDVariable advTerm = out.mul(adv).sum();
        SDVariable l1 = sd.math().abs(out.sub(target)).mean().mul(l1Weight);
        SDVariable loss = advTerm.add(G_LOSS, l1);
        sd.setLossVariables(loss);
        return sd;
    }

    /**
     * Builds a discriminator graph with freshly initialised weights.
     *
     * @param spec a {@link PatchGanSpec} or {@link MlpDiscriminatorSpec}
     * @param loss {@code bce} or {@code wgan}
     * @param rng seeded source of the initial weights
     * @return the graph, with {@link #D_LOSS} set as its loss variable
     */
    public static SameDiff discriminator(GanArchitecture.Spec spec, String loss, SplittableRandom rng) {
        Objects.requireNonNull(rng, "rng");
        SameDiff sd = SameDiff.create();
        Init init = new Init(sd, rng);
        SDVariable logits;
        if (spec instanceof PatchGanSpec p) {
            SDVariable cond = sd.placeHolder(CONDITION, DataType.FLOAT, -1, p.channelsIn(), p.size(), p.size());
            SDVariable cand = sd.placeHolder(CANDIDATE, DataType.FLOAT, -1, p.channelsOut(), p.size(), p.size());
            SDVariable h = sd.concat(1, cond, cand);
            int ch = p.channelsIn() + p.channelsOut();
            for (int i = 0; i < p.layers(); i++) {
                int f = filters(p.baseFilters(), i);
                h = sd.nn().leakyRelu(conv(sd, init, "d_conv" + i, h, ch, f, 2), LEAK);
                ch = f;
            }
            logits = conv(sd, init, "d_patch", h, ch, 1, 1);
        } else if (spec instanceof MlpDiscriminatorSpec m) {
            SDVariable cond = sd.placeHolder(CONDITION, DataType.FLOAT, -1, m.conditionDim());
            SDVariable cand = sd.placeHolder(CANDIDATE, DataType.FLOAT, -1, m.outputDim());
            logits = mlp(sd, init, "d", sd.concat(1, cond, cand), m.conditionDim() + m.outputDim(), m.hidden(), 1);
        } else {
            throw new IllegalArgumentException("not a discriminator spec: " + spec);
        }
        logits = sd.identity(LOGITS, logits);
        SDVariable y = sd.placeHolder(LABELS, DataType.FLOAT, batched(logitShape(spec)));
        SDVariable l;
        if ("bce".equals(loss)) {
            // max(x,0) − x·y + log1p(exp(−|x|)): never overflows, exact for large |x|
            SDVariable pos = sd.nn().relu(logits, 0.0);
            SDVariable soft = sd.math().log1p(sd.math().exp(sd.math().abs(logits).neg()));
            l = pos.sub(logits.mul(y)).add(soft).mean();
        } else if ("wgan".equals(loss)) {
            l = logits.mul(y).mean().neg();
        } else {
            throw new IllegalArgumentException("loss must be 'bce' or 'wgan', got '" + loss + "'");
        }
        l = sd.identity(D_LOSS, l);
        sd.setLossVariables(l);
        return sd;
    }

    /** @return the per-sample shape the generator graph takes as {@link #CONDITION} (and D too) */
    public static long[] conditionShape(GanArchitecture.Spec spec) {
        return shapes(spec)[0];
    }

    /** @return the per-sample shape of the generator's output (and the discriminator's candidate) */
    public static long[] outputShape(GanArchitecture.Spec spec) {
        return shapes(spec)[1];
    }

    /** {condition shape, output shape}: NCHW without the batch for images, {@code [n]} for vectors. */
    private static long[][] shapes(GanArchitecture.Spec spec) {
        if (spec instanceof UNetSpec u) {
            return image(u.size(), u.channelsIn(), u.channelsOut());
        } else if (spec instanceof PatchGanSpec p) {
            return image(p.size(), p.channelsIn(), p.channelsOut());
        } else if (spec instanceof MlpGeneratorSpec m) {
            return new long[][] {{m.conditionDim()}, {m.outputDim()}};
        } else if (spec instanceof MlpDiscriminatorSpec m) {
            return new long[][] {{m.conditionDim()}, {m.outputDim()}};
        }
        throw new IllegalArgumentException("unknown spec " + spec);
    }

    private static long[][] image(int size, int in, int out) {
        return new long[][] {{in, size, size}, {out, size, size}};
    }

    /** @return the per-sample shape of a discriminator's logits: {@code [1, p, p]} or {@code [1]} */
    public static long[] logitShape(GanArchitecture.Spec discriminator) {
        if (discriminator instanceof PatchGanSpec p) {
            int s = p.size() >> p.layers();
            return new long[] {1, s, s};
        } else if (discriminator instanceof MlpDiscriminatorSpec) {
            return new long[] {1};
        }
        throw new IllegalArgumentException("not a discriminator spec: " + discriminator);
    }

    /**
     * Per-sample shapes of the generator's dropout masks, in placeholder order ({@code dropout_0}
     * first). A U-Net of depth d drops out in its innermost {@code min(3, d/2)} decoder blocks
     * (pix2pix: 3 of 7 at depth 8); an MLP has none.
     */
    public static List<long[]> dropoutShapes(GanArchitecture.Spec generator) {
        List<long[]> out = new ArrayList<>();
        if (generator instanceof UNetSpec u && u.dropout() > 0) {
            for (int j = 0; j < dropoutBlocks(u); j++) {
                int level = u.depth() - 2 - j; // decoder block j is concatenated with encoder level `level`
                int size = u.size() >> (level + 1);
                out.add(new long[] {filters(u.baseFilters(), level), size, size});
            }
        }
        return out;
    }

    /** @return the dropout rate of the generator's masked blocks, 0 when it has none */
    public static double dropoutRate(GanArchitecture.Spec generator) {
        return generator instanceof UNetSpec u ? u.dropout() : 0.0;
    }

    /** @return the noise length of the generator's input, 0 when it has no noise input */
    public static int noiseDim(GanArchitecture.Spec generator) {
        return generator instanceof MlpGeneratorSpec m ? m.noiseDim() : 0;
    }

    /**
     * The placeholders a generator graph needs besides the condition: noise N(0, 1) and dropout
     * masks drawn from {@code seed}, or masks of ones when {@code training} is false (dropout off).
     *
     * @param generator the generator spec
     * @param batch the batch size
     * @param seed seed of the noise and the masks
     * @param training true to draw dropout masks, false for inference (masks of ones)
     * @return placeholder name → array, in a stable order
     */
    public static Map<String, INDArray> generatorInputs(GanArchitecture.Spec generator, int batch, long seed,
            boolean training) {
        Map<String, INDArray> feed = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(seed);
        rng.split(); // the first split draws the noise, see noise()
        SplittableRandom maskRng = rng.split();
        float[] z = noise(generator, batch, seed);
        if (z != null) {
            feed.put(NOISE, FloatArrays.of(z, batch, noiseDim(generator)));
        }
        double p = dropoutRate(generator);
        float keep = (float) (1.0 / (1.0 - p));
        List<long[]> shapes = dropoutShapes(generator);
        for (int k = 0; k < shapes.size(); k++) {
            long[] shape = batched(shapes.get(k));
            shape[0] = batch;
            if (training) {
                int n = Math.toIntExact(prod(shape));
                float[] m = new float[n];
                for (int i = 0; i < n; i++) {
                    m[i] = maskRng.nextDouble() < p ? 0f : keep;
                }
                feed.put(DROPOUT_PREFIX + k, FloatArrays.of(m, shape));
            } else {
                feed.put(DROPOUT_PREFIX + k, Nd4j.ones(DataType.FLOAT, shape));
            }
        }
        return feed;
    }

    /**
     * The noise of {@link #generatorInputs} alone, as row-major {@code batch × noiseDim} values (the
     * same values for the same seed).
     *
     * @return the noise, or null when the generator has no noise input
     */
    public static float[] noise(GanArchitecture.Spec generator, int batch, long seed) {
        int nd = noiseDim(generator);
        if (nd == 0) {
            return null;
        }
        SplittableRandom rng = new SplittableRandom(seed).split();
        float[] z = new float[batch * nd];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return z;
    }

    /** Number of decoder blocks with dropout in a U-Net. */
    static int dropoutBlocks(UNetSpec u) {
        return u.dropout() > 0 ? Math.min(3, u.depth() / 2) : 0;
    }

    /** Filters of encoder level i (0-based): base·2^i, capped at 8·base (pix2pix). */
    static int filters(int base, int level) {
        return base * Math.min(8, 1 << Math.min(level, 3));
    }

    private static SDVariable unet(SameDiff sd, Init init, UNetSpec u, SDVariable cond) {
        List<SDVariable> skips = new ArrayList<>();
        SDVariable h = cond;
        int ch = u.channelsIn();
        for (int i = 0; i < u.depth(); i++) {
            int f = filters(u.baseFilters(), i);
            h = sd.nn().leakyRelu(conv(sd, init, "g_enc" + i, h, ch, f, 2), LEAK);
            skips.add(h);
            ch = f;
        }
        int dropBlocks = dropoutBlocks(u);
        for (int j = 0; j < u.depth() - 1; j++) {
            int level = u.depth() - 2 - j; // skip to concatenate: encoder output at this level
            int f = filters(u.baseFilters(), level);
            h = sd.nn().relu(deconv(sd, init, "g_dec" + j, h, ch, f), 0.0);
            if (j < dropBlocks) {
                SDVariable mask = sd.placeHolder(DROPOUT_PREFIX + j, DataType.FLOAT, -1, f, u.size() >> (level + 1),
                        u.size() >> (level + 1));
                h = h.mul(mask);
            }
            h = sd.concat(1, h, skips.get(level));
            ch = 2 * f;
        }
        SDVariable out = deconv(sd, init, "g_out", h, ch, u.channelsOut());
        return "tanh".equals(u.output()) ? sd.math().tanh(out) : out;
    }

    /*
     * Dense layers are mmul + add, not sd.nn().linear: measured on M2.1, a graph with xw_plus_b
     * computes different outputs after SameDiff.save/load (same parameters), which breaks resume.
     */
    private static SDVariable mlp(SameDiff sd, Init init, String prefix, SDVariable in, int nIn, int[] hidden,
            int nOut) {
        SDVariable h = in;
        int width = nIn;
        for (int i = 0; i < hidden.length; i++) {
            SDVariable w = init.normal(prefix + "_w" + i, Math.sqrt(2.0 / width), width, hidden[i]);
            SDVariable b = init.zeros(prefix + "_b" + i, hidden[i]);
            h = sd.nn().leakyRelu(h.mmul(w).add(b), LEAK);
            width = hidden[i];
        }
        SDVariable w = init.normal(prefix + "_wout", Math.sqrt(1.0 / width), width, nOut);
        SDVariable b = init.zeros(prefix + "_bout", nOut);
        return h.mmul(w).add(b);
    }

    /** 4×4 convolution, stride 2 with padding 1 (halves the size) or stride 1 SAME. Weights [kH, kW, iC, oC]. */
    private static SDVariable conv(SameDiff sd, Init init, String name, SDVariable in, int cin, int cout, int stride) {
        SDVariable w = init.normal(name + "_w", Math.sqrt(2.0 / (K * K * cin)), K, K, cin, cout);
        SDVariable b = init.zeros(name + "_b", cout);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(K).kW(K).sH(stride).sW(stride)
                .pH(stride == 2 ? 1 : 0).pW(stride == 2 ? 1 : 0)
                .paddingMode(stride == 2 ? PaddingMode.VALID : PaddingMode.SAME).dataFormat("NCHW").build();
        return sd.cnn().conv2d(in, w, b, cfg);
    }

    /** 4×4 transposed convolution, stride 2, padding 1 (doubles the size). Weights [kH, kW, oC, iC]. */
    private static SDVariable deconv(SameDiff sd, Init init, String name, SDVariable in, int cin, int cout) {
        // each output pixel of a stride-2 transposed 4×4 conv sees 2×2 taps per input channel
        SDVariable w = init.normal(name + "_w", Math.sqrt(2.0 / (4.0 * cin)), K, K, cout, cin);
        SDVariable b = init.zeros(name + "_b", cout);
        DeConv2DConfig cfg = DeConv2DConfig.builder().kH(K).kW(K).sH(2).sW(2).pH(1).pW(1).isSameMode(false)
                .dataFormat("NCHW").build();
        return sd.cnn().deconv2d(in, w, b, cfg);
    }

    static long[] batched(long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = -1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    static long prod(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Seeded weight creation: one generator, consumed in graph-building order. */
    private static final class Init {
        private final SameDiff sd;
        private final SplittableRandom rng;

        Init(SameDiff sd, SplittableRandom rng) {
            this.sd = sd;
            this.rng = rng;
        }

        SDVariable normal(String name, double std, long... shape) {
            float[] v = new float[Math.toIntExact(prod(shape))];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rng.nextGaussian() * std);
            }
            return sd.var(name, Nd4j.create(v, shape, 'c'));
        }

        SDVariable zeros(String name, long... shape) {
            return sd.var(name, Nd4j.zeros(DataType.FLOAT, shape));
        }
    }
}
