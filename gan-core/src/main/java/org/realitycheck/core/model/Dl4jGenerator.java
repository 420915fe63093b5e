package org.realitycheck.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.nn.Networks;

/**
 * A {@link Generator} over a user's DL4J network saved with {@code ModelSerializer}. For an MLP
 * generator spec the network sees {@code [b, conditionDim + noiseDim]} rows (normalised condition,
 * then N(0,1) noise drawn from the seed); for a U-Net spec it sees the NCHW condition.
 */
final class Dl4jGenerator implements Generator {
    private final MultiLayerNetwork mln;
    private final ComputationGraph cg;
    private final ModelCard card;

    private Dl4jGenerator(MultiLayerNetwork mln, ComputationGraph cg, ModelCard card) {
        this.mln = mln;
        this.cg = cg;
        this.card = card;
    }

    static Dl4jGenerator load(Path zip, ModelCard card) {
        boolean graph;
        try (ZipFile zf = new ZipFile(zip.toFile()); InputStream in = zf.getInputStream(zf.getEntry("configuration.json"))) {
            graph = new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"vertices\"");
        } catch (IOException e) {
            throw BadInputException.at(zip, "configuration.json", "unreadable (" + e.getMessage() + ")", e);
        }
        try {
            if (graph) {
                return new Dl4jGenerator(null, ModelSerializer.restoreComputationGraph(zip.toFile(), false), card);
            }
            return new Dl4jGenerator(ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false), null, card);
        } catch (IOException | RuntimeException e) {
            throw BadInputException.at(zip, "", "not a readable DL4J " + (graph ? "ComputationGraph" : "MultiLayerNetwork")
                    + " (" + ModelArtifact.firstLine(e) + ")", e);
        }
    }

    @Override
    public INDArray generate(INDArray condition, long seed) {
        int batch = GraphGenerator.checkCondition(card, condition);
        INDArray c = card.normalization().condition().apply(condition.castTo(DataType.FLOAT)).castTo(DataType.FLOAT);
        INDArray in;
        if (card.architecture().generator() instanceof MlpGeneratorSpec m) {
            in = c.reshape('c', batch, m.conditionDim());
            if (m.noiseDim() > 0) {
                INDArray noise = Networks.generatorInputs(m, batch, seed, false).get(Networks.NOISE);
                in = Nd4j.concat(1, in, noise);
            }
        } else {
            in = c;
        }
        INDArray y = mln != null ? mln.output(in, false) : cg.outputSingle(false, in);
        y = y.castTo(DataType.FLOAT).reshape('c', SampleSet.batchShape(batch, card.targetShape()));
        return card.normalization().target().invert(y).castTo(DataType.FLOAT);
    }

    @Override
    public ModelCard card() {
        return card;
    }
}
