package org.realitycheck.validation.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;
import org.realitycheck.validation.testdomain.RowKey;

/**
 * Models for the checks' tests, every one a plain {@link Generator}: honest ones (the conventional
 * method wrapped as a generator; for the toy domain an oracle that returns the truth) and
 * deliberately broken ones built by wrapping an honest one ({@link #map}).
 */
public final class TestModels {
    private TestModels() {
    }

    /**
     * A model card for a test generator.
     *
     * @param trainingRanges the covariate ranges "seen in training" (the OOD check reads them)
     */
    public static ModelCard card(Domain domain, SampleSet shapes, Map<String, Range> trainingRanges) {
        return new ModelCard(ModelCard.SCHEMA_VERSION, domain.name(), domain.recipe().architecture(),
                domain.recipe().trainingConfig(), 0L, "0".repeat(64), 0, shapes.conditionShape(), shapes.targetShape(),
                trainingRanges, Normalization.identity(), new Provenance("test", "test", "test", "test", "test"), 0, 0,
                Map.of());
    }

    /** A generator that computes each output from its condition row (and the row's seed). */
    public static Generator of(ModelCard card, BiFunction<float[], SplittableRandom, float[]> rowFn) {
        return new RowGenerator(card, rowFn);
    }

    /** The domain's conventional method as a generator: an honest model by construction. */
    public static Generator conventional(Domain domain, ModelCard card) {
        var method = domain.reference().conventionalMethod();
        return of(card, (row, rnd) -> method.estimate(new Sample("row", "sample", row, null, Map.of())).value());
    }

    /** A generator whose outputs are {@code fn(condition, honestOutput)}: how the broken models are made. */
    public static Generator map(Generator honest, BiFunction<float[], float[], float[]> fn) {
        return new Generator() {
            @Override
            public INDArray generate(INDArray condition, long seed) {
                INDArray y = honest.generate(condition, seed);
                int b = (int) condition.size(0);
                float[] c = FloatArrays.copyOf(condition);
                float[] o = FloatArrays.copyOf(y);
                int cl = c.length / b;
                int ol = o.length / b;
                float[] out = new float[o.length];
                for (int i = 0; i < b; i++) {
                    float[] r = fn.apply(Arrays.copyOfRange(c, i * cl, (i + 1) * cl),
                            Arrays.copyOfRange(o, i * ol, (i + 1) * ol));
                    System.arraycopy(r, 0, out, i * ol, ol);
                }
                return FloatArrays.of(out, y.shape());
            }

            @Override
            public ModelCard card() {
                return honest.card();
            }
        };
    }

    /**
     * The honest model with its output smoothed by a Gaussian of {@code sigma} pixels along the last
     * axis (1-D outputs) or the last two axes (images, each plane on its own; edges clamped): a
     * domain-generic model that loses small objects while keeping the total flux.
     */
    public static Generator blurred(Generator honest, double sigma) {
        long[] shape = honest.card().targetShape();
        int w = (int) shape[shape.length - 1];
        int h = shape.length >= 2 ? (int) shape[shape.length - 2] : 1;
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double norm = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
            norm += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= norm;
        }
        return map(honest, (c, o) -> {
            float[] out = new float[o.length];
            float[] tmp = new float[o.length];
            int plane = w * h;
            for (int p0 = 0; p0 < o.length; p0 += plane) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double s = 0;
                        for (int j = -r; j <= r; j++) {
                            s += k[j + r] * o[p0 + y * w + Math.max(0, Math.min(w - 1, x + j))];
                        }
                        tmp[p0 + y * w + x] = (float) s;
                    }
                }
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double s = 0;
                        if (h == 1) {
                            s = tmp[p0 + x];
                        } else {
                            for (int j = -r; j <= r; j++) {
                                s += k[j + r] * tmp[p0 + Math.max(0, Math.min(h - 1, y + j)) * w + x];
                            }
                        }
                        out[p0 + y * w + x] = (float) s;
                    }
                }
            }
            return out;
        });
    }

    /**
     * A generator that remembers its output per condition row, for models whose output depends on the
     * row alone (the conventional method wrapped as a generator): tests that run several broken variants of
     * one expensive honest model (Richardson–Lucy) on the same inputs then compute it once.
     */
    public static Generator memoize(Generator rowWise) {
        Map<RowKey, float[]> memo = new java.util.concurrent.ConcurrentHashMap<>();
        return new Generator() {
            @Override
            public INDArray generate(INDArray condition, long seed) {
                int b = (int) condition.size(0);
                float[] c = FloatArrays.copyOf(condition);
                int cl = c.length / b;
                long[] ts = rowWise.card().targetShape();
                int tl = 1;
                for (long d : ts) {
                    tl *= (int) d;
                }
                java.util.List<RowKey> keys = new java.util.ArrayList<>(b);
                java.util.List<float[]> missing = new java.util.ArrayList<>();
                for (int i = 0; i < b; i++) {
                    RowKey k = new RowKey(Arrays.copyOfRange(c, i * cl, (i + 1) * cl));
                    keys.add(k);
                    if (!memo.containsKey(k)) {
                        missing.add(k.row());
                    }
                }
                if (!missing.isEmpty()) {
                    float[] y = FloatArrays.copyOf(rowWise.generate(SampleSet.stack(missing,
                            rowWise.card().conditionShape()), seed));
                    for (int j = 0; j < missing.size(); j++) {
                        memo.put(new RowKey(missing.get(j)), Arrays.copyOfRange(y, j * tl, (j + 1) * tl));
                    }
                }
                float[] out = new float[b * tl];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(memo.get(keys.get(i)), 0, out, i * tl, tl);
                }
                return FloatArrays.of(out, SampleSet.batchShape(b, ts));
            }

            @Override
            public ModelCard card() {
                return rowWise.card();
            }

            @Override
            public int preferredBatchSize() {
                return rowWise.preferredBatchSize();
            }
        };
    }

    private static final class RowGenerator implements Generator {
        private final ModelCard card;
        private final BiFunction<float[], SplittableRandom, float[]> rowFn;

        RowGenerator(ModelCard card, BiFunction<float[], SplittableRandom, float[]> rowFn) {
            this.card = Objects.requireNonNull(card);
            this.rowFn = Objects.requireNonNull(rowFn);
        }

        @Override
        public INDArray generate(INDArray condition, long seed) {
            int b = (int) condition.size(0);
            float[] c = FloatArrays.copyOf(condition);
            int cl = c.length / b;
            long[] ts = card.targetShape();
            int tl = 1;
            for (long d : ts) {
                tl *= (int) d;
            }
            float[] out = new float[b * tl];
            SplittableRandom master = new SplittableRandom(seed);
            for (int i = 0; i < b; i++) {
                float[] r = rowFn.apply(Arrays.copyOfRange(c, i * cl, (i + 1) * cl), master.split());
                System.arraycopy(r, 0, out, i * tl, tl);
            }
            return FloatArrays.of(out, SampleSet.batchShape(b, ts));
        }

        @Override
        public ModelCard card() {
            return card;
        }

        @Override
        public int preferredBatchSize() {
            return 256;
        }
    }
}
