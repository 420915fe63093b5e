package org.realitycheck.onnx;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.ModelCard;

/**
 * A {@link Generator} over an ONNX graph run by ONNX Runtime (CPU). It applies the card's condition
 * normalisation, feeds the graph's condition input (and, when the graph has one, seeded N(0,1) noise to
 * its noise input: the same batch and seed give the same output), and inverts the target normalisation
 * on the graph's output. ONNX Runtime runs the graph with {@link #threads()} intra-op threads and one
 * inter-op thread, the layout that suits a small CPU; ND4J is touched only to wrap the result.
 */
public final class OnnxGenerator implements Generator {
    private final Path model;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxCard card;
    private final int noiseDim;

    private OnnxGenerator(Path model, OrtEnvironment env, OrtSession session, OnnxCard card, int noiseDim) {
        this.model = model;
        this.env = env;
        this.session = session;
        this.card = card;
        this.noiseDim = noiseDim;
    }

    /** @return the runtime and its version, e.g. {@code ONNX Runtime 1.22.0} */
    public static String engine() {
        String v = OrtEnvironment.class.getPackage().getImplementationVersion();
        return "ONNX Runtime " + (v == null ? "(unknown version)" : v);
    }

    /**
     * @return intra-op threads: {@code OMP_NUM_THREADS} when set to a positive number (the launcher and
     *     the tests set it), else the number of cores
     */
    public static int threads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            try {
                int n = Integer.parseInt(omp.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the core count
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Opens a model and checks that its graph's inputs and output are the ones the card names, with the
     * card's shapes (a dynamic dimension matches any size).
     *
     * @param model the {@code .onnx} file
     * @param card its card
     * @throws BadInputException naming the model when it is not a readable ONNX file, or its inputs or
     *     output do not fit the card
     */
    public static OnnxGenerator open(Path model, OnnxCard card) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(threads());
            opts.setInterOpNumThreads(1);
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            session = env.createSession(model.toString(), opts);
        } catch (OrtException e) {
            throw BadInputException.at(model, "", "not a readable ONNX model, or truncated (" + OnnxCard.firstLine(e) + ")", e);
        }
        try {
            int noise = checkGraph(model, session, card);
            return new OnnxGenerator(model, env, session, card, noise);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** Checks the graph against the card; returns the noise width (0 without noise). */
    private static int checkGraph(Path model, OrtSession session, OnnxCard card) {
        Map<String, NodeInfo> inputs;
        Map<String, NodeInfo> outputs;
        try {
            inputs = session.getInputInfo();
            outputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw BadInputException.at(model, "", "cannot read the graph's inputs (" + OnnxCard.firstLine(e) + ")", e);
        }
        int expected = card.noiseInput().isPresent() ? 2 : 1;
        if (inputs.size() != expected) {
            throw BadInputException.at(model, "inputs", "the graph has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; a generator takes the condition" + (expected == 2 ? " and the noise" : " (and optionally noise)")
                    + " as the card names them (" + card.file().getFileName() + ": inputs)");
        }
        ModelCard mc = card.modelCard();
        long[] cond = tensorShape(model, inputs, card.conditionInput(), "input", card);
        matches(model, "input '" + card.conditionInput() + "'", cond, mc.conditionShape(), card, "conditionShape");
        int noise = 0;
        if (card.noiseInput().isPresent()) {
            String name = card.noiseInput().get();
            long[] ns = tensorShape(model, inputs, name, "input", card);
            if (ns.length != 2 || ns[1] < 1) {
                throw BadInputException.at(model, "input '" + name + "'", "noise must have the static shape [batch, k], the graph says "
                        + Arrays.toString(ns));
            }
            noise = Math.toIntExact(ns[1]);
        }
        long[] out = tensorShape(model, outputs, card.output(), "output", card);
        matches(model, "output '" + card.output() + "'", out, mc.targetShape(), card, "targetShape");
        return noise;
    }

    private static long[] tensorShape(Path model, Map<String, NodeInfo> nodes, String name, String what, OnnxCard card) {
        NodeInfo n = nodes.get(name);
        if (n == null) {
            throw BadInputException.at(model, what + " '" + name + "'", "the graph has no such " + what + " (it has "
                    + nodes.keySet() + "); fix " + card.file().getFileName());
        }
        if (!(n.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
            throw BadInputException.at(model, what + " '" + name + "'", "unsupported type " + n.getInfo()
                    + "; realitycheck feeds and reads float32 tensors");
        }
        return t.getShape();
    }

    private static void matches(Path model, String where, long[] graph, long[] cardShape, OnnxCard card, String field) {
        boolean ok = graph.length == cardShape.length + 1;
        for (int i = 0; ok && i < cardShape.length; i++) {
            ok = graph[i + 1] < 0 || graph[i + 1] == cardShape[i];
        }
        if (!ok) {
            throw BadInputException.at(model, where, "the graph's shape " + Arrays.toString(graph) + " does not fit "
                    + card.file().getFileName() + " " + field + " " + Arrays.toString(cardShape)
                    + " (expected [batch, " + Arrays.toString(cardShape).replaceAll("[\\[\\]]", "") + "])");
        }
    }

    /** @return the card as validation reads it */
    @Override
    public ModelCard card() {
        return card.modelCard();
    }

    /** @return the ONNX card this generator was opened with */
    public OnnxCard onnxCard() {
        return card;
    }

    /** @return the model file */
    public Path model() {
        return model;
    }

    /** @return the width of the graph's noise input, 0 when it takes none */
    public int noiseDim() {
        return noiseDim;
    }

    /** Images run in batches of 32, vectors in batches of 4,096 (a large batch amortises the call). */
    @Override
    public int preferredBatchSize() {
        long len = Arrays.stream(card.modelCard().conditionShape()).reduce(1, Math::multiplyExact);
        return len >= 1024 ? 32 : 4096;
    }

    @Override
    public INDArray generate(INDArray condition, long seed) {
        ModelCard mc = card.modelCard();
        long[] got = condition.shape();
        long[] want = mc.conditionShape();
        if (got.length != want.length + 1 || !Arrays.equals(Arrays.copyOfRange(got, 1, got.length), want) || got[0] < 1) {
            throw new IllegalArgumentException("condition must have shape [batch, " + Arrays.toString(want)
                    .replaceAll("[\\[\\]]", "") + "], got " + Arrays.toString(got));
        }
        int batch = Math.toIntExact(got[0]);
        INDArray c = mc.normalization().condition().apply(condition.castTo(DataType.FLOAT)).castTo(DataType.FLOAT);
        float[] noise = noiseDim == 0 ? null : noise(batch, noiseDim, seed);
        float[] y = run(FloatArrays.copyOf(c), batch, noise);
        INDArray out = FloatArrays.of(y, SampleSet.batchShape(batch, mc.targetShape()));
        return mc.normalization().target().invert(out).castTo(DataType.FLOAT);
    }

    /**
     * Seeded N(0,1) noise, row after row: {@link SplittableRandom} (a specified algorithm, the same on
     * every JVM) seeded with {@code seed}.
     */
    static float[] noise(int batch, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] z = new float[batch * k];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        return z;
    }

    /**
     * Runs the graph on the network's scale, no normalisation.
     *
     * @param condition {@code batch} conditions, flattened, C order
     * @param batch the number of rows
     * @param noise {@code batch × noiseDim} values, or null when the graph takes no noise
     * @return the graph's output, flattened
     */
    float[] run(float[] condition, int batch, float[] noise) {
        ModelCard mc = card.modelCard();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(card.conditionInput(), OnnxTensor.createTensor(env, FloatBuffer.wrap(condition),
                    SampleSet.batchShape(batch, mc.conditionShape())));
            if (noiseDim > 0) {
                feed.put(card.noiseInput().orElseThrow(), OnnxTensor.createTensor(env, FloatBuffer.wrap(noise),
                        new long[] {batch, noiseDim}));
            }
            try (OrtSession.Result r = session.run(feed, java.util.Set.of(card.output()))) {
                Optional<ai.onnxruntime.OnnxValue> v = r.get(card.output());
                OnnxTensor t = (OnnxTensor) v.orElseThrow();
                long[] shape = t.getInfo().getShape();
                long[] want = SampleSet.batchShape(batch, mc.targetShape());
                if (!Arrays.equals(shape, want)) {
                    throw BadInputException.at(model, "output '" + card.output() + "'", "the graph returned shape "
                            + Arrays.toString(shape) + " for a batch of " + batch + ", the card promises " + Arrays.toString(want));
                }
                FloatBuffer fb = t.getFloatBuffer();
                float[] out = new float[fb.remaining()];
                fb.get(out);
                return out;
            }
        } catch (OrtException e) {
            throw BadInputException.at(model, "", "ONNX Runtime cannot run the graph on a batch of " + batch + " ("
                    + OnnxCard.firstLine(e) + ")", e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            // nothing left to do with a session that will not close
        }
    }
}
