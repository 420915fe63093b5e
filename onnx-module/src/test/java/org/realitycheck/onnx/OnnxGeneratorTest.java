package org.realitycheck.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.data.FloatArrays;
import org.realitycheck.core.model.ImportFidelity;
import org.realitycheck.core.nn.ExternalSpec;

/**
 * ONNX generators against the outputs PyTorch computed for the same inputs (make_fixtures.py, the
 * independent source), and every way a model, its card or its reference can be wrong.
 */
class OnnxGeneratorTest {
    /** numpy.allclose's rule with the card's default tolerances. */
    private static void assertClose(float[] got, float[] ref) {
        assertThat(got).hasSameSizeAs(ref);
        for (int i = 0; i < ref.length; i++) {
            assertThat((double) got[i]).as("value %d", i).isCloseTo(ref[i], within(1e-5 + 1e-4 * Math.abs(ref[i])));
        }
    }

    private static Models.Loaded load(Path dir, String stem) {
        Path model = dir.resolve(stem + ".onnx");
        return new OnnxModelFormat().load(model);
    }

    /** Replaces text in a copied file, failing when it is not there (an edit that changes nothing tests nothing). */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file.getFileName().toString()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** Loading the model {@code stem} fails with bad input, one line. */
    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> rejects(Path dir, String stem) {
        return assertThatThrownBy(() -> load(dir, stem)).isInstanceOf(BadInputException.class).hasMessageNotContaining("\n");
    }

    private static float[] generate(Generator g, Npy.Array in, long seed) {
        INDArray c = FloatArrays.of(in.data(), in.shape());
        return FloatArrays.copyOf(g.generate(c, seed));
    }

    @Test
    void mlpAndUNetReproducePyTorchThroughGenerate(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        for (String stem : new String[] {"mlp", "unet"}) {
            Models.Loaded l = load(tmp, stem);
            try (Generator g = l.generator()) {
                float[] y = generate(g, Npy.read(tmp.resolve(stem + ".inputs.npy")), 42);
                assertClose(y, Npy.read(tmp.resolve(stem + ".outputs.npy")).data());
            }
            ImportFidelity f = l.fidelity().orElseThrow();
            assertThat(f.maxAbsDiff()).isLessThan(1e-5);
            assertThat(f.cases()).isEqualTo(stem.equals("mlp") ? 16 : 2);
            assertThat(f.engine()).isEqualTo("ONNX Runtime 1.22.0");
            assertThat(l.domainFrame()).isFalse();
        }
    }

    @Test
    void theCardTellsValidationWhatTheModelIs(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        try (Generator g = load(tmp, "mlp").generator()) {
            var card = g.card();
            assertThat(card.domain()).isEqualTo("hep");
            assertThat(card.conditionShape()).containsExactly(40);
            assertThat(card.targetShape()).containsExactly(5);
            assertThat(card.covariateRanges().get("pt").max()).isEqualTo(100.0);
            assertThat(card.architecture().generator()).isInstanceOf(ExternalSpec.class);
            assertThat(card.notes().get("import")).contains("PyTorch 1.13.1").contains("ONNX Runtime");
            assertThat(g.preferredBatchSize()).isEqualTo(4096);
        }
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndOutput(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        Models.Loaded l = load(tmp, "mlp_noise");
        assertThat(l.fidelity().orElseThrow().maxAbsDiff()).isLessThan(1e-5); // the reference noise was fed
        try (Generator g = l.generator()) {
            Npy.Array in = Npy.read(tmp.resolve("mlp_noise.inputs.npy"));
            float[] a = generate(g, in, 7);
            float[] b = generate(g, in, 7);
            float[] c = generate(g, in, 8);
            assertThat(a).containsExactly(b);
            assertThat(Arrays.equals(a, c)).as("another seed, other noise").isFalse();
            // the noise reaches the output: it moves each of the 16 samples
            for (int s = 0; s < 16; s++) {
                assertThat(Arrays.equals(Arrays.copyOfRange(a, 5 * s, 5 * s + 5), Arrays.copyOfRange(c, 5 * s, 5 * s + 5)))
                        .as("sample %d", s).isFalse();
            }
        }
        float[] z = OnnxGenerator.noise(1000, 8, 3);
        double mean = 0;
        double sq = 0;
        for (float v : z) {
            mean += v / 8000.0;
            sq += v * v / 8000.0;
        }
        // N(0,1): the mean of 8,000 draws has σ = 0.011, the variance σ ≈ 0.016; 5σ margins
        assertThat(mean).isCloseTo(0, within(0.056));
        assertThat(sq - mean * mean).isCloseTo(1, within(0.08));
    }

    @Test
    void aReferenceThatDoesNotMatchNamesTheLargestDifferenceAndWhere(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        Path outs = tmp.resolve("mlp.outputs.npy");
        Npy.Array ref = Npy.read(outs);
        float[] changed = ref.data().clone();
        changed[3 * 5 + 2] += 0.01f; // sample 3, output 2
        changed[7 * 5 + 4] += 0.001f;
        Fixtures.writeNpy(outs, changed, ref.shape());
        rejects(tmp, "mlp")
                .hasMessageStartingWith(outs + ": sample 3, output 2: the ONNX model does not reproduce its reference")
                .hasMessageContaining("2 of 80 values").hasMessageContaining("not judged");
    }

    @Test
    void referenceShapesMustFitTheCard(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        Path ins = tmp.resolve("mlp.inputs.npy");
        Fixtures.writeNpy(ins, new float[16 * 38], 16, 38);
        rejects(tmp, "mlp")
                .hasMessage(ins + ": shape: expected [n, 40] (conditionShape), got [16, 38]");
    }

    @Test
    void aModelWhoseInputsDoNotFitTheCardIsRejected(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        Path card = tmp.resolve("mlp.card.json");
        edit(card, "\"conditionShape\": [40]", "\"conditionShape\": [38]");
        Path model = tmp.resolve("mlp.onnx");
        rejects(tmp, "mlp")
                .hasMessageStartingWith(model + ": input 'condition': the graph's shape [-1, 40] does not fit mlp.card.json "
                        + "conditionShape [38]");
        edit(card, "\"conditionShape\": [38]", "\"conditionShape\": [40]");
        edit(card, "\"condition\": \"condition\"", "\"condition\": \"hits\"");
        rejects(tmp, "mlp")
                .hasMessageStartingWith(model + ": input 'hits': the graph has no such input (it has [condition])");
    }

    @Test
    void aGraphWithInputsNoGeneratorHasIsUnsupported(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        rejects(tmp, "three_inputs")
                .hasMessageStartingWith(tmp.resolve("three_inputs.onnx") + ": inputs: the graph has 3 inputs");
        // a noise input the card does not name is one input too many
        Path card = tmp.resolve("mlp_noise.card.json");
        edit(card, ", \"noise\": \"noise\"}", "}");
        edit(card, ", \"noise\": \"mlp_noise.noise.npy\"", "");
        rejects(tmp, "mlp_noise")
                .hasMessageContaining("the graph has 2 inputs");
    }

    @Test
    void aTruncatedModelIsBadInput(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        Path model = tmp.resolve("mlp.onnx");
        byte[] b = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(b, b.length / 2));
        rejects(tmp, "mlp")
                .hasMessageStartingWith(model + ": not a readable ONNX model, or truncated");
    }

    @Test
    void aCardMissingARequiredFieldNamesTheField(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        Path card = tmp.resolve("mlp.card.json");
        edit(card, "\"output\": \"params\",", "");
        rejects(tmp, "mlp")
                .hasMessageStartingWith(card + ": ").hasMessageContaining("output");
        Files.copy(Fixtures.resource("mlp.card.json"), card, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        edit(card, "\"reference\": {", "\"reference\": {\"tolerance\": 1, ");
        rejects(tmp, "mlp")
                .hasMessageStartingWith(card + ": ").hasMessageContaining("tolerance");
        Files.delete(card);
        rejects(tmp, "mlp")
                .hasMessageContaining("an ONNX model needs its card beside it: mlp.card.json or card.json");
    }

    @Test
    void noiseWithoutReferenceNoiseIsACardError(@TempDir Path tmp) throws IOException {
        Fixtures.copyTo(tmp);
        Path card = tmp.resolve("mlp_noise.card.json");
        edit(card, ", \"noise\": \"mlp_noise.noise.npy\"", "");
        rejects(tmp, "mlp_noise")
                .hasMessageStartingWith(card + ": reference.noise: the graph takes noise");
    }

    @Test
    void theFormatTakesOnnxFilesOnly() {
        OnnxModelFormat f = new OnnxModelFormat();
        assertThat(f.accepts(Path.of("a/b/Model.ONNX"))).isTrue();
        assertThat(f.accepts(Path.of("model.zip"))).isFalse();
        assertThat(Models.formats()).anyMatch(x -> x instanceof OnnxModelFormat);
    }
}
