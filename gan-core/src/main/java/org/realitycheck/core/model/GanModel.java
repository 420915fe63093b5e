package org.realitycheck.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;

/**
 * A trained (or training) conditional GAN: the generator and discriminator SameDiff graphs with
 * their Adam state, the training counters and the {@link ModelCard}. During training the graphs
 * are live: the trainer updates them in place, so a model handed to a listener is a view of the
 * current state (write it out or copy the parameters before returning).
 *
 * @see ModelArtifact for reading and writing
 */
public final class GanModel {
    private final SameDiff generatorGraph;
    private final SameDiff discriminatorGraph;
    private final ModelCard card;
    private final TrainingState state;

    /**
     * Where training stands, needed to resume bit-identically.
     *
     * @param epochsCompleted full passes over the data done, {@code >= 0}
     * @param iterations discriminator updates done (one per batch), {@code >= 0}
     * @param generatorSteps generator updates done, {@code >= 0}
     * @param trainingSeconds wall-clock seconds spent so far, {@code >= 0}
     */
    public record TrainingState(int epochsCompleted, long iterations, long generatorSteps, double trainingSeconds) {
        public TrainingState {
            if (epochsCompleted < 0 || iterations < 0 || generatorSteps < 0 || !(trainingSeconds >= 0)) {
                throw new IllegalArgumentException("training counters must be >= 0, got epochs=" + epochsCompleted
                        + " iterations=" + iterations + " steps=" + generatorSteps + " seconds=" + trainingSeconds);
            }
        }
    }

    /**
     * @param generatorGraph the generator graph (see {@link org.realitycheck.core.nn.Networks}), never null
     * @param discriminatorGraph the discriminator graph, never null
     * @param card the model card, never null
     * @param state the training counters, never null
     */
    public GanModel(SameDiff generatorGraph, SameDiff discriminatorGraph, ModelCard card, TrainingState state) {
        this.generatorGraph = Objects.requireNonNull(generatorGraph, "generatorGraph");
        this.discriminatorGraph = Objects.requireNonNull(discriminatorGraph, "discriminatorGraph");
        this.card = Objects.requireNonNull(card, "card");
        this.state = Objects.requireNonNull(state, "state");
    }

    public ModelCard card() {
        return card;
    }

    public TrainingState state() {
        return state;
    }

    /** @return the generator graph (live; holds Adam state in its training config) */
    public SameDiff generatorGraph() {
        return generatorGraph;
    }

    /** @return the discriminator graph (live; holds Adam state in its training config) */
    public SameDiff discriminatorGraph() {
        return discriminatorGraph;
    }

    /**
     * A generator in physical units. It applies {@code card.normalization().condition()}, runs G
     * with noise drawn from the seed, and inverts {@code card.normalization().target()}.
     *
     * <p>Dropout is <b>off</b> at inference. pix2pix keeps it on as its only noise source, but our
     * U-Net outputs are regressions that validation compares with truth; dropout noise would only add
     * variance that no check asks for, and turning it off makes the output a pure function of the
     * condition (and of the noise seed, for MLP generators with a noise input).
     */
    public Generator generator() {
        return new GraphGenerator(generatorGraph, card);
    }

    /** @return copies of the generator's trainable parameters, by variable name */
    public Map<String, INDArray> generatorParameters() {
        return parameters(generatorGraph);
    }

    /** @return copies of the discriminator's trainable parameters, by variable name */
    public Map<String, INDArray> discriminatorParameters() {
        return parameters(discriminatorGraph);
    }

    /** @return copies of the trainable variables of a graph, in graph order */
    public static Map<String, INDArray> parameters(SameDiff sd) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                out.put(v.name(), v.getArr().dup());
            }
        }
        return out;
    }

    /** @return this model with another card and state (same graphs) */
    public GanModel with(ModelCard newCard, TrainingState newState) {
        return new GanModel(generatorGraph, discriminatorGraph, newCard, newState);
    }
}
