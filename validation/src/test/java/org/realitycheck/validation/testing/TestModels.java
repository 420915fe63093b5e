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
import org.realitycheck.core.model.ModelCard;
import org.realitycheck.core.model.Provenance;

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
        return new ModelCard(ModelCard.SCHEMA_VERSION, domain.name(), domain.defaultArchitecture(),
                domain.defaultTrainingConfig(), 0L, "0".repeat(64), 0, shapes.conditionShape(), shapes.targetShape(),
                trainingRanges, Normalization.identity(), new Provenance("test", "test", "test", "test", "test"), 0, 0,
                Map.of());
    }

    /** A generator that computes each output from its condition row (and the row's seed). */
    public static Generator of(ModelCard card, BiFunction<float[], SplittableRandom, float[]> rowFn) {
        return new RowGenerator(card, rowFn);
    }

    /** The domain's conventional method as a generator: an honest model by construction. */
    public static Generator conventional(Domain domain, ModelCard card) {
        var method = domain.conventionalMethod();
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
