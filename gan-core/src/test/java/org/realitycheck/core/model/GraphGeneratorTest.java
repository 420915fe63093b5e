package org.realitycheck.core.model;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.MlpInference;
import org.realitycheck.core.testing.TestData;
import org.realitycheck.core.train.GanTrainer;

import static org.assertj.core.api.Assertions.assertThat;

/** Both inference engines of an MLP generator give the same outputs in physical units. */
class GraphGeneratorTest {
    @Test
    void vectorAndSameDiffEnginesAgreeForAffineAndOtherNormalisations() {
        assertThat(MlpInference.available()).as("tests run with --add-modules jdk.incubator.vector").isTrue();
        SampleSet data = TestData.sine(300, 0.1, 2);
        List<Normalization> norms = List.of(
                new Normalization(new FeatureTransform.Affine(new double[] {0.1}, new double[] {0.5}),
                        new FeatureTransform.Affine(new double[] {-0.2}, new double[] {3.0})),
                new Normalization(new FeatureTransform.Identity(), new FeatureTransform.Chain(List.of(
                        new FeatureTransform.Affine(new double[] {0}, new double[] {2}), new FeatureTransform.Identity()))));
        for (Normalization n : norms) {
            GanModel model = new GanTrainer(TestData.smallMlp(2, 8), TrainingConfig.defaults().withEpochs(2))
                    .train("test", data, n);
            Generator g = model.generator();
            INDArray c = data.conditions(0, data.size());
            INDArray vector = g.generate(c, 5);
            INDArray graph;
            System.setProperty(GraphGenerator.ENGINE_PROPERTY, "samediff");
            try {
                graph = g.generate(c, 5);
            } finally {
                System.clearProperty(GraphGenerator.ENGINE_PROPERTY);
            }
            assertThat(vector.shape()).containsExactly(graph.shape());
            double scale = graph.amaxNumber().doubleValue();
            double diff = vector.sub(graph).amaxNumber().doubleValue();
            assertThat(diff).as("max |vector − samediff| for %s", n).isLessThan(1e-5 * scale + 1e-7);
            assertThat(g.generate(c, 6).equals(vector)).as("noise follows the seed").isFalse();
        }
    }
}
