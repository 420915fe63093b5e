package org.realitycheck.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Range;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;
import org.realitycheck.core.nn.ExternalSpec;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.TrainingConfig;

/**
 * The card beside an ONNX generator ({@code <name>.card.json}, else {@code card.json}): the graph's
 * input and output names, the shapes, the units (physical, or a recorded normalisation), the frame, the
 * training ranges and the reference outputs of the source framework. Its JSON Schema is the resource
 * {@value #SCHEMA}; every card is checked against it, so a missing or mistyped field is an error that
 * names the field. docs/onnx.md describes each field.
 *
 * @param file the card's file
 * @param domain the domain name
 * @param domainFrame true for {@code "frame": "domain"}
 * @param conditionInput name of the graph's condition input
 * @param noiseInput name of the graph's noise input, if any
 * @param output name of the graph's output
 * @param modelCard the card as the rest of realitycheck reads it (report, out-of-distribution check)
 * @param reference the reference files, resolved beside the card
 */
public record OnnxCard(Path file, String domain, boolean domainFrame, String conditionInput,
        Optional<String> noiseInput, String output, ModelCard modelCard, Reference reference) {
    /** Class-path resource of the card's JSON Schema. */
    public static final String SCHEMA = "/org/realitycheck/onnx/onnx-card.schema.json";
    /** The card schema this code reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public OnnxCard {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(noiseInput, "noiseInput");
        Objects.requireNonNull(modelCard, "modelCard");
        Objects.requireNonNull(reference, "reference");
    }

    /**
     * The source framework's reference run.
     *
     * @param inputs condition inputs, shape {@code [n, ...conditionShape]}
     * @param noise the noise fed with them, when the graph takes noise
     * @param outputs the graph's outputs, shape {@code [n, ...targetShape]}
     * @param absoluteTolerance absolute term of the tolerance
     * @param relativeTolerance relative term of the tolerance
     */
    public record Reference(Path inputs, Optional<Path> noise, Path outputs, double absoluteTolerance,
            double relativeTolerance) {
    }

    /**
     * The card of a model: {@code <stem>.card.json} beside {@code model.onnx}, else {@code card.json}.
     *
     * @throws BadInputException naming the model when neither exists
     */
    public static Path beside(Path model) {
        Path abs = model.toAbsolutePath();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path named = abs.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".card.json");
        if (Files.isRegularFile(named)) {
            return named;
        }
        Path plain = abs.resolveSibling("card.json");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw BadInputException.at(model, "", "an ONNX model needs its card beside it: " + named.getFileName()
                + " or card.json in the same folder (docs/onnx.md)");
    }

    /**
     * Reads and checks a card.
     *
     * @throws BadInputException naming the card and the field when it is missing, not JSON, breaks the
     *     schema, or is inconsistent (a noise input without reference noise, a range with min > max)
     */
    public static OnnxCard read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "", "no such file");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw BadInputException.at(file, "", "not valid JSON (" + firstLine(e) + ")", e);
        }
        if (tree == null || !tree.isObject()) {
            throw BadInputException.at(file, "", "expected a JSON object (an ONNX model card, docs/onnx.md)");
        }
        JsonNode v = tree.get("schemaVersion");
        if (v != null && v.canConvertToInt() && v.intValue() > SCHEMA_VERSION) {
            throw BadInputException.at(file, "schemaVersion", "schema " + v.intValue() + " is newer than this tool reads (<= "
                    + SCHEMA_VERSION + "); upgrade realitycheck");
        }
        var errors = schema().validate(tree).stream().sorted(Comparator.comparing(ValidationMessage::getMessage)).toList();
        if (!errors.isEmpty()) {
            ValidationMessage first = errors.get(0);
            throw BadInputException.at(file, "", first.getMessage() + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                    + " more)" : "") + "; see docs/onnx.md");
        }
        return of(file, tree);
    }

    private static OnnxCard of(Path file, JsonNode t) {
        Path dir = file.toAbsolutePath().getParent();
        JsonNode in = t.get("inputs");
        Optional<String> noise = Optional.ofNullable(in.get("noise")).map(JsonNode::asText);
        JsonNode ref = t.get("reference");
        Optional<Path> refNoise = Optional.ofNullable(ref.get("noise")).map(n -> dir.resolve(n.asText()));
        if (noise.isPresent() != refNoise.isPresent()) {
            throw BadInputException.at(file, noise.isPresent() ? "reference.noise" : "inputs.noise",
                    noise.isPresent() ? "the graph takes noise (inputs.noise), so the reference needs the noise it was run with"
                            : "the reference has noise but the card names no noise input");
        }
        Reference reference = new Reference(dir.resolve(ref.get("inputs").asText()), refNoise,
                dir.resolve(ref.get("outputs").asText()), number(ref, "absoluteTolerance", 1e-5),
                number(ref, "relativeTolerance", 1e-4));
        Map<String, Range> ranges = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : t.get("covariateRanges").properties()) {
            double min = e.getValue().get("min").asDouble();
            double max = e.getValue().get("max").asDouble();
            if (!(min <= max)) {
                throw BadInputException.at(file, "covariateRanges." + e.getKey(), "needs min <= max, got [" + min + ", "
                        + max + "]");
            }
            ranges.put(e.getKey(), new Range(min, max));
        }
        Normalization norm = Normalization.identity();
        if (t.has("normalization")) {
            try {
                norm = JSON.treeToValue(t.get("normalization"), Normalization.class);
            } catch (IOException | IllegalArgumentException e) {
                throw BadInputException.at(file, "normalization", "not a valid normalisation (" + firstLine(e) + ")", e);
            }
        }
        JsonNode tr = t.get("training");
        TrainingConfig cfg;
        try {
            cfg = new TrainingConfig(tr.get("epochs").asInt(), tr.get("batchSize").asInt(), tr.get("loss").asText(),
                    number(tr, "l1Weight", 0), tr.get("learningRate").asDouble(), number(tr, "beta1", 0.9),
                    number(tr, "beta2", 0.999), tr.has("discriminatorSteps") ? tr.get("discriminatorSteps").asInt() : 1,
                    0.01, tr.get("seed").asLong());
        } catch (IllegalArgumentException e) {
            throw BadInputException.at(file, "training", e.getMessage(), e);
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        if (tr.has("finalLosses")) {
            tr.get("finalLosses").properties().forEach(e -> losses.put(e.getKey(), e.getValue().asDouble()));
        }
        Map<String, String> notes = new TreeMap<>();
        if (t.has("notes")) {
            t.get("notes").properties().forEach(e -> notes.put(e.getKey(), e.getValue().asText()));
        }
        String framework = tr.get("framework").asText();
        notes.putIfAbsent("import", "generator exported to ONNX from " + framework + ", run by " + OnnxGenerator.engine()
                + "; no discriminator (an export holds the generator only)");
        String domain = t.get("domain").asText();
        ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION, domain,
                new GanArchitecture(new ExternalSpec("onnx", t.get("architecture").asText()),
                        new ExternalSpec("onnx", "not part of the export")),
                cfg, cfg.seed(), tr.has("dataSha256") ? tr.get("dataSha256").asText() : "", tr.get("samples").asInt(),
                longs(t.get("conditionShape")), longs(t.get("targetShape")), ranges, norm,
                new Provenance(framework + " (ONNX export)", "none", "unknown", "unknown", "unknown"),
                number(tr, "seconds", 0), tr.has("steps") ? tr.get("steps").asLong() : 0, losses, notes);
        return new OnnxCard(file, domain, "domain".equals(t.path("frame").asText("physical")), in.get("condition").asText(),
                noise, t.get("output").asText(), card, reference);
    }

    private static double number(JsonNode obj, String field, double dflt) {
        return obj.has(field) ? obj.get(field).asDouble() : dflt;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static JsonSchema schema() {
        try (InputStream in = OnnxCard.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCHEMA + " is missing from the jar");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    @Override
    public String toString() {
        return "OnnxCard[" + file + ", domain=" + domain + ", condition=" + conditionInput + " "
                + Arrays.toString(modelCard.conditionShape()) + ", output=" + output + "]";
    }
}
