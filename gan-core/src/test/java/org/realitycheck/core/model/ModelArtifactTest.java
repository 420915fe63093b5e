package org.realitycheck.core.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.testing.TestData;
import org.realitycheck.core.train.GanTrainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.realitycheck.core.testing.TestData.assertBitIdentical;
import org.realitycheck.core.ModelCard;

/** Artifact round trip and one test per kind of bad artifact. */
class ModelArtifactTest {
    @TempDir
    static Path shared;
    static SampleSet data;
    static GanModel model;
    static Path good;

    @BeforeAll
    static void trainTinyModel() {
        data = TestData.sine(64, 0.1, 2);
        Normalization n = new Normalization(new FeatureTransform.Affine(new double[] {0.1}, new double[] {0.5}),
                new FeatureTransform.Chain(java.util.List.of(new FeatureTransform.Affine(new double[] {0}, new double[] {2}),
                        new FeatureTransform.Identity())));
        model = new GanTrainer(TestData.smallMlp(2, 8), TrainingConfig.defaults().withEpochs(1)).train("test", data, n);
        good = shared.resolve("good.zip");
        ModelArtifact.write(model, good);
    }

    @Test
    void roundTripKeepsParametersCardAndOutputs() {
        GanModel back = ModelArtifact.read(good);
        assertThat(back.card()).isEqualTo(model.card());
        assertThat(back.card().covariateRanges()).containsKey("c");
        assertThat(back.state()).isEqualTo(model.state());
        assertBitIdentical(model.generatorParameters(), back.generatorParameters());
        assertBitIdentical(model.discriminatorParameters(), back.discriminatorParameters());

        INDArray c = data.conditions(0, 16);
        INDArray expected = model.generator().generate(c, 99);
        assertThat(expected.shape()).containsExactly(16, 1);
        assertThat(Arrays.equals(back.generator().generate(c, 99).data().asFloat(), expected.data().asFloat())).isTrue();
        try (Generator g = ModelArtifact.load(good)) {
            assertThat(Arrays.equals(g.generate(c, 99).data().asFloat(), expected.data().asFloat())).isTrue();
            assertThat(g.card()).isEqualTo(model.card());
            assertThat(g.generate(c, 100).equals(expected)).as("noise depends on the seed").isFalse();
            assertThatThrownBy(() -> g.generate(org.nd4j.linalg.factory.Nd4j.zeros(3, 2), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[batch, 1]");
        }
    }

    @Test
    void releaseArtifactKeepsTheGeneratorSaysWhatItLeftOutAndCannotResume(@TempDir Path dir) throws IOException {
        Path rel = dir.resolve("release.zip");
        ModelArtifact.writeRelease(model, rel);
        try (ZipFile zf = new ZipFile(rel.toFile())) {
            assertThat(zf.stream().map(ZipEntry::getName)).containsExactly(ModelArtifact.CARD, ModelArtifact.GENERATOR);
        }
        try (ZipFile full = new ZipFile(good.toFile()); ZipFile small = new ZipFile(rel.toFile())) {
            assertThat(small.getEntry(ModelArtifact.GENERATOR).getSize())
                    .as("no updater state").isLessThan(full.getEntry(ModelArtifact.GENERATOR).getSize());
        }
        INDArray c = data.conditions(0, 16);
        INDArray expected = model.generator().generate(c, 99);
        try (Generator g = ModelArtifact.load(rel)) {
            assertThat(Arrays.equals(g.generate(c, 99).data().asFloat(), expected.data().asFloat())).isTrue();
            assertThat(g.card().notes()).containsEntry(ModelCard.NOTE_ARTIFACT, ModelArtifact.RELEASE_NOTE);
            assertThat(g.card().training()).isEqualTo(model.card().training());
        }
        assertThatThrownBy(() -> ModelArtifact.read(rel)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(rel.toString()).hasMessageContaining("cannot resume training");
    }

    @Test
    void cardNotesRoundTripAndOldCardsReadWithoutThem(@TempDir Path dir) throws IOException {
        ModelCard noted = model.card().withNote(ModelCard.NOTE_TRAINING_DATA, "z_max=0.02").withNote("b", "x");
        Path f = dir.resolve("card.json");
        ModelArtifact.writeCard(noted, f);
        assertThat(ModelArtifact.readCard(f)).isEqualTo(noted);
        assertThat(Files.readString(f)).contains("\"b\" : \"x\",").contains("\"trainingData\" : \"z_max=0.02\"");
        String old = Files.readString(f).replaceAll("(?s),\\s*\"notes\"\\s*:\\s*\\{[^}]*\\}", "");
        assertThat(old).doesNotContain("notes");
        Files.writeString(f, old);
        assertThat(ModelArtifact.readCard(f).notes()).isEmpty();
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("m.zip");
        ModelArtifact.write(model, zip);
        ModelArtifact.write(model, zip);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(zip);
        }
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path zip = dir.resolve("nope.zip");
        assertBad(() -> ModelArtifact.read(zip), zip, "no such file");
        assertBad(() -> ModelArtifact.load(zip), zip, "no such file");
    }

    @Test
    void truncatedFile(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(good);
        Path zip = dir.resolve("truncated.zip");
        Files.write(zip, Arrays.copyOf(all, all.length / 2));
        assertBad(() -> ModelArtifact.read(zip), zip, "truncated");
        assertBad(() -> ModelArtifact.load(zip), zip, "truncated");
    }

    @Test
    void corruptBytes(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("garbage.zip");
        Files.write(zip, "this is not a zip file at all".getBytes(StandardCharsets.UTF_8));
        assertBad(() -> ModelArtifact.read(zip), zip, "not a zip");
    }

    @Test
    void corruptCardJson(@TempDir Path dir) throws IOException {
        Path zip = rewrite(dir, "badjson.zip", Map.of(ModelArtifact.CARD, "{\"schemaVersion\": 1, \"domain\": "));
        assertBad(() -> ModelArtifact.read(zip), zip, "card.json: not valid JSON");
    }

    @Test
    void corruptGraphEntry(@TempDir Path dir) throws IOException {
        Path zip = rewrite(dir, "badgraph.zip", Map.of(ModelArtifact.GENERATOR, "not flatbuffers"));
        assertBad(() -> ModelArtifact.load(zip), zip, "generator.sd");
    }

    @Test
    void foreignZip(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("foreign.zip");
        writeZip(zip, Map.of("README.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertBad(() -> ModelArtifact.read(zip), zip, "not a realitycheck model artifact");
        assertBad(() -> ModelArtifact.load(zip), zip, "not a realitycheck model artifact");
    }

    @Test
    void futureSchema(@TempDir Path dir) throws IOException {
        String card;
        try (ZipFile zf = new ZipFile(good.toFile())) {
            card = new String(zf.getInputStream(zf.getEntry(ModelArtifact.CARD)).readAllBytes(), StandardCharsets.UTF_8);
        }
        Path zip = rewrite(dir, "future.zip", Map.of(ModelArtifact.CARD,
                card.replaceFirst("\"schemaVersion\"\\s*:\\s*1", "\"schemaVersion\" : 99")));
        assertBad(() -> ModelArtifact.read(zip), zip, "schema 99 is newer");
        assertBad(() -> ModelArtifact.load(zip), zip, "schemaVersion");
    }

    @Test
    void pathEscapingEntry(@TempDir Path dir) throws IOException {
        Map<String, byte[]> entries = entriesOf(good);
        entries.put("../evil.txt", "x".getBytes(StandardCharsets.UTF_8));
        Path zip = dir.resolve("evil.zip");
        writeZip(zip, entries);
        assertBad(() -> ModelArtifact.read(zip), zip, "../evil.txt: zip entry name escapes");
        assertBad(() -> ModelArtifact.load(zip), zip, "escapes");
        assertThat(dir.resolveSibling("evil.txt")).doesNotExist();
    }

    @Test
    void safeNames() {
        assertThat(ModelArtifact.safeName("card.json")).isTrue();
        assertThat(ModelArtifact.safeName("a/b..c")).isTrue();
        assertThat(ModelArtifact.safeName("a/../../b")).isFalse();
        assertThat(ModelArtifact.safeName("/etc/passwd")).isFalse();
        assertThat(ModelArtifact.safeName("..\\x")).isFalse();
        assertThat(ModelArtifact.safeName("C:x")).isFalse();
    }

    private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Path file, String problem) {
        assertThatThrownBy(call).isInstanceOf(BadInputException.class).hasMessageContaining(file.toString())
                .hasMessageContaining(problem);
    }

    private static Path rewrite(Path dir, String name, Map<String, String> replace) throws IOException {
        Map<String, byte[]> entries = entriesOf(good);
        replace.forEach((k, v) -> entries.put(k, v.getBytes(StandardCharsets.UTF_8)));
        Path zip = dir.resolve(name);
        writeZip(zip, entries);
        return zip;
    }

    private static Map<String, byte[]> entriesOf(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            for (var en = zf.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                out.put(e.getName(), zf.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static void writeZip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
