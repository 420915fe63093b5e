package org.realitycheck.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.Networks;
import org.realitycheck.core.testing.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;

/** A plain DL4J ModelSerializer zip with a card beside it works as a {@link Generator}. */
class Dl4jGeneratorTest {
    private static final int NOISE = 3;

    @Test
    void wrapsAMultiLayerNetworkWithNormalisationAndNoise(@TempDir Path dir) throws IOException {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(1 + NOISE).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(6).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = dir.resolve("user-model.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);

        Normalization norm = new Normalization(new FeatureTransform.Affine(new double[] {1.0}, new double[] {2.0}),
                new FeatureTransform.Affine(new double[] {10.0}, new double[] {3.0}));
        ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION, "test", TestData.smallMlp(NOISE, 6),
                TrainingConfig.defaults(), 42L, "0".repeat(64), 0, new long[] {1}, new long[] {1}, Map.of(), norm,
                Provenance.current(), 0.0, 0L, Map.of());

        assertThatThrownBy(() -> ModelArtifact.load(zip)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("user-model.card.json");
        ModelArtifact.writeCard(card, dir.resolve("user-model.card.json"));

        INDArray c = Nd4j.createFromArray(new float[][] {{-1f}, {0.5f}, {3f}});
        try (Generator g = ModelArtifact.load(zip)) {
            assertThat(g.card()).isEqualTo(card);
            INDArray out = g.generate(c, 5);
            assertThat(out.shape()).containsExactly(3, 1);
            // the same computation by hand: normalise, append the seed's noise, run, de-normalise
            INDArray z = Networks.generatorInputs(card.architecture().generator(), 3, 5, false).get(Networks.NOISE);
            INDArray in = Nd4j.concat(1, c.sub(1.0).div(2.0), z);
            INDArray expected = net.output(in).mul(3.0).add(10.0);
            for (int i = 0; i < 3; i++) {
                assertThat(out.getDouble(i, 0)).isCloseTo(expected.getDouble(i, 0), within(1e-5));
            }
        }
    }
}
