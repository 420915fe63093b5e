package org.realitycheck.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.Sample;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;

/**
 * The domain's conventional method (Richardson–Lucy, the helix fit) seen as a {@link Generator}: the
 * demo's reference row, an honest "model" by construction, so a reader sees what passing the same
 * gate looks like. It sees only the condition (no instrument covariates: the domain's default
 * instrument applies). Its card says it is not a trained model; its "training ranges" are the
 * application ranges it is validated on, since a computation has no training distribution.
 */
final class ConventionalGenerator implements Generator {
    private final ConventionalMethod method;
    private final ModelCard card;
    private final long[] targetShape;

    ConventionalGenerator(Domain domain, long[] conditionShape, long[] targetShape, Map<String, Range> ranges) {
        this.method = domain.reference().conventionalMethod();
        this.targetShape = targetShape.clone();
        this.card = new ModelCard(ModelCard.SCHEMA_VERSION, domain.name(), domain.recipe().architecture(),
                domain.recipe().trainingConfig(), 0L, "0".repeat(64), 0, conditionShape, targetShape, ranges,
                Normalization.identity(), Provenance.current(), 0, 0, Map.of())
                .withNote(ModelCard.NOTE_ARTIFACT, "not a trained model: the " + domain.name() + " domain's conventional "
                        + "method (" + method.name() + ") wrapped as a generator, the demo's reference; its covariate "
                        + "ranges are the application ranges it is validated on");
    }

    @Override
    public INDArray generate(INDArray condition, long seed) {
        int b = (int) condition.size(0);
        float[] c = FloatArrays.copyOf(condition);
        int cl = c.length / b;
        int ol = (int) Arrays.stream(targetShape).reduce(1, (x, y) -> x * y);
        float[] out = new float[b * ol];
        IntStream.range(0, b).parallel().forEach(i -> {
            float[] v = method.estimate(new Sample("row-" + i, "sample", Arrays.copyOfRange(c, i * cl, (i + 1) * cl), null,
                    Map.of())).value();
            System.arraycopy(v, 0, out, i * ol, ol);
        });
        long[] shape = new long[targetShape.length + 1];
        shape[0] = b;
        System.arraycopy(targetShape, 0, shape, 1, targetShape.length);
        return FloatArrays.of(out, shape);
    }

    @Override
    public ModelCard card() {
        return card;
    }
}
