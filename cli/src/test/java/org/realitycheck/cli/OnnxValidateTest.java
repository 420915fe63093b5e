package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.validation.io.ResultJson;

/**
 * {@code realitycheck validate --model x.onnx} on the PyTorch-trained track GAN of examples/onnx: a
 * verdict with the import-fidelity result in the provenance, and exit 2 with one line naming the file
 * for a reference that does not match, a truncated model, a card missing a field, and shapes that do not fit.
 */
class OnnxValidateTest {
    static final Path EXAMPLE = Path.of("..", "examples", "onnx").toAbsolutePath().normalize();
    static final String[] FILES = {"track-gan.onnx", "track-gan.card.json", "track-gan.reference-hits.npy",
        "track-gan.reference-noise.npy", "track-gan.reference-params.npy"};

    private static Path copyExample(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String f : FILES) {
            Files.copy(EXAMPLE.resolve(f), dir.resolve(f));
        }
        return dir.resolve("track-gan.onnx");
    }

    @Test
    void gatesThePyTorchTrackGanAndRecordsItsImportFidelity(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        MainTest.Run r = MainTest.run("validate", "--domain", "hep", "--model", EXAMPLE.resolve("track-gan.onnx").toString(),
                "--samples", "1000", "--seed", "5", "-q", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isIn(ExitCode.OK, ExitCode.GATE_FAILED);
        assertThat(r.out()).contains("track-gan.onnx").contains("ood.covariate").contains("report: ");
        JsonNode json = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(r.code()).isEqualTo(json.get("verdict").asText().equals("FAILED") ? ExitCode.GATE_FAILED : ExitCode.OK);
        JsonNode f = json.at("/provenance/importFidelity/0");
        assertThat(f.get("engine").asText()).startsWith("ONNX Runtime");
        assertThat(f.get("cases").asInt()).isEqualTo(256);
        assertThat(f.get("maxAbsDiff").asDouble()).isLessThan(1e-5);
        // the card gave the out-of-distribution check the training ranges
        assertThat(json.at("/provenance/trainingRanges/pt/max").asDouble()).isGreaterThan(50);
        assertThat(json.at("/provenance/card/architecture/generator/type").asText()).isEqualTo("external");
        try (InputStream in = ResultJson.class.getResourceAsStream(ResultJson.SCHEMA_RESOURCE)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(json)).isEmpty();
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("import fidelity").contains("256 cases");
        assertThat(ResultJson.read(out.resolve("result.json")).provenance().importFidelity()).hasSize(1);
    }

    @Test
    void theHepFrameIsAddedAroundAModelThatWorksInIt() {
        // the card says "frame": "domain": the hep domain rotates the hits in and adds the azimuth back to φ0.
        // Without it, φ0 would be off by the innermost hit's azimuth, uniform in (−π, π]: a median error ~1.5 rad.
        org.realitycheck.hep.HepDomain hep = new org.realitycheck.hep.HepDomain();
        org.realitycheck.core.SampleSet set = hep.data().simulate(400, 9, java.util.Map.of());
        try (org.realitycheck.core.Generator g = org.realitycheck.core.model.Models.load(EXAMPLE.resolve("track-gan.onnx"))) {
            java.util.List<float[]> y = g.generateAll(set, 1);
            double[] err = new double[y.size()];
            for (int i = 0; i < err.length; i++) {
                float[] truth = set.get(i).target().orElseThrow();
                err[i] = Math.abs(org.realitycheck.hep.track.TrackParameters.wrapAngle(y.get(i)[1] - truth[1]));
            }
            Arrays.sort(err);
            assertThat(err[err.length / 2]).as("median |Δφ0|, rad").isLessThan(0.05);
        }
    }

    @Test
    void aCardThatIsNotBesideTheModelIsNamedWithCard(@TempDir Path tmp) throws Exception {
        Path m = copyExample(tmp.resolve("m"));
        Path card = m.resolveSibling("my-card.json");
        Files.move(m.resolveSibling("track-gan.card.json"), card);
        badInput(tmp, m, m.toString(), "an ONNX model needs its card beside it: track-gan.card.json or card.json");
        org.realitycheck.core.model.Models.Loaded l = org.realitycheck.core.model.Models.open(m, card);
        assertThat(l.fidelity().orElseThrow().cases()).isEqualTo(256);
        l.generator().close();
        Path missing = tmp.resolve("none.json");
        Path out = tmp.resolve("out");
        MainTest.Run r = MainTest.run("validate", "--domain", "hep", "--model", m.toString(), "--card", missing.toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("realitycheck: " + missing + ": --card: no such file");
        assertThat(out).doesNotExist();
    }

    private static void badInput(Path tmp, Path model, String... expect) {
        Path out = tmp.resolve("out");
        MainTest.Run r = MainTest.run("validate", "--domain", "hep", "--model", model.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip().lines().toList()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("realitycheck: ").contains(expect));
        assertThat(out).doesNotExist();
    }

    @Test
    void badOnnxInputIsExit2WithOneLineNamingTheFile(@TempDir Path tmp) throws Exception {
        // a reference that does not match
        Path m1 = copyExample(tmp.resolve("ref"));
        Path params = m1.resolveSibling("track-gan.reference-params.npy");
        byte[] b = Files.readAllBytes(params);
        int last = b.length - 4; // the last float: sample 255, output 4
        float v = java.nio.ByteBuffer.wrap(b, last, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat();
        java.nio.ByteBuffer.wrap(b, last, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(v + 0.5f);
        Files.write(params, b);
        badInput(tmp, m1, params.toString(), "sample 255, output 4", "does not reproduce its reference");
        // a truncated model
        Path m2 = copyExample(tmp.resolve("trunc"));
        Files.write(m2, Arrays.copyOf(Files.readAllBytes(m2), 4000));
        badInput(tmp, m2, m2.toString(), "not a readable ONNX model, or truncated");
        // a card missing a required field
        Path m3 = copyExample(tmp.resolve("card"));
        Path card = m3.resolveSibling("track-gan.card.json");
        JsonNode tree = new ObjectMapper().readTree(card.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("covariateRanges");
        Files.writeString(card, tree.toString());
        badInput(tmp, m3, card.toString(), "covariateRanges");
        // shapes that do not fit: the card promises 38 hit values, the graph takes 40
        Path m4 = copyExample(tmp.resolve("shape"));
        Path card4 = m4.resolveSibling("track-gan.card.json");
        Files.writeString(card4, Files.readString(card4).replaceFirst("\"conditionShape\": \\[\\s*40\\s*\\]", "\"conditionShape\": [38]"));
        badInput(tmp, m4, m4.toString(), "input 'hits'", "[38]");
    }
}
