package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.TrainingContent;
import org.realitycheck.core.model.ModelArtifact;

/**
 * {@code simulate astro --from}, {@code train --data} and {@code validate --data} on a scientist's own images:
 * the card says the training data is real and lists its content, and a held-out folder holding re-degraded
 * copies of training images is refused before any check runs.
 */
class RealSkyCommandsTest {
    @TempDir
    Path tmp;

    private static List<Path> fits(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".fits")).sorted().toList();
        }
    }

    @Test
    void heldOutCopiesOfTrainingImagesAreRefusedAtValidateTime() throws Exception {
        // "high-resolution" inputs: noisy simulated images stand in for the scientist's cut-outs
        MainTest.Run sim = MainTest.run("simulate", "astro", "--count", "16", "--seed", "3", "--out", tmp.resolve("sim").toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (Path f : fits(tmp.resolve("sim/degraded"))) {
            Files.copy(f, in.resolve(f.getFileName()));
        }
        Path deg = tmp.resolve("deg");
        MainTest.Run d = MainTest.run("simulate", "astro", "--from", in.toString(), "-O", "held-out-fraction=0.3", "--out", deg.toString());
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(d.out()).contains("degraded 16 real images").contains("held out");
        List<Path> train = fits(deg.resolve("train/degraded"));
        List<Path> held = fits(deg.resolve("held-out/degraded"));
        assertThat(train).isNotEmpty();
        assertThat(held).isNotEmpty();
        assertThat(MainTest.run("simulate", "astro", "--from", in.toString(), "--count", "3", "--out", tmp.resolve("x").toString())
                .code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(MainTest.run("simulate", "hep", "--from", in.toString(), "--out", tmp.resolve("y").toString()).err())
                .contains("hep domain has no degrade path");

        Path model = tmp.resolve("m.zip");
        MainTest.Run t = MainTest.run("train", "astro", "--data", deg.resolve("train").toString(), "--epochs", "1",
                "--formulation", "direct", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        ModelCard card = ModelArtifact.read(model).card();
        assertThat(card.notes().get(TrainingContent.NOTE_ORIGIN)).contains("samples real").contains("source folder SHA-256");
        assertThat(TrainingContent.prefixes(card)).hasSize(train.size());

        // a second "held-out" set: two training images under new names, re-degraded with another seed
        Path in2 = Files.createDirectories(tmp.resolve("in2"));
        Files.copy(in.resolve(train.get(0).getFileName()), in2.resolve("again-a.fits"));
        Files.copy(in.resolve(train.get(1).getFileName()), in2.resolve("again-b.fits"));
        for (Path h : held) {
            Files.copy(in.resolve(h.getFileName()), in2.resolve(h.getFileName()));
        }
        Path deg2 = tmp.resolve("deg2");
        assertThat(MainTest.run("simulate", "astro", "--from", in2.toString(), "--seed", "9", "-O", "held-out-fraction=0",
                "--out", deg2.toString()).code()).isZero();
        Path out = tmp.resolve("v");
        MainTest.Run v = MainTest.run("validate", "--domain", "astro", "--model", model.toString(), "--data", deg2.toString(),
                "--out", out.toString());
        assertThat(v.code()).as(v.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(v.err()).contains("2 of " + (held.size() + 2) + " held-out samples were in the model's training set")
                .contains("again-a").contains("again-b");
        assertThat(out).doesNotExist();
    }
}
