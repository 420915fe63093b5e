package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.ModelCard;

/** The commands end to end, through {@link Main#run}, on the real domains. */
class CommandsTest {
    @Test
    void bothDomainsAreRegistered() {
        assertThat(Domains.names()).contains("astro", "hep");
    }

    @Test
    void simulateAstroWritesTheContractLayout(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("astro");
        MainTest.Run r = MainTest.run("simulate", "astro", "--count", "5", "--seed", "7", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("catalog.csv"))).hasSize(6);
        try (var s = Files.list(out.resolve("truth"))) {
            assertThat(s.count()).isEqualTo(5);
        }
        try (var s = Files.list(out.resolve("degraded"))) {
            assertThat(s.count()).isEqualTo(5);
        }
        // the same seed gives the same files
        Path again = tmp.resolve("again");
        MainTest.run("simulate", "astro", "--count", "5", "--seed", "7", "--out", again.toString());
        assertThat(Files.readAllBytes(again.resolve("catalog.csv"))).isEqualTo(Files.readAllBytes(out.resolve("catalog.csv")));
    }

    @Test
    void unknownDomainOptionIsExit2WithNoOutput(@TempDir Path tmp) {
        Path out = tmp.resolve("astro");
        MainTest.Run r = MainTest.run("simulate", "astro", "--count", "2", "-O", "zmax=0.3", "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("zmax").contains("known options");
        assertThat(r.err().lines().filter(l -> l.startsWith("realitycheck:")).count()).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void trainWritesALoadableArtifact(@TempDir Path tmp) {
        Path zip = tmp.resolve("m.zip");
        MainTest.Run r = MainTest.run("train", "astro", "--count", "16", "--epochs", "1", "--batch", "8",
                "--out", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote ").doesNotContain("Added differentiated op");
        ModelCard card = ModelArtifact.read(zip).card();
        assertThat(card.domain()).isEqualTo("astro");
        assertThat(card.trainingSamples()).isEqualTo(16);
        assertThat(card.covariateRanges()).containsKey("redshift");
        // the astro default learns a correction to Richardson-Lucy, and its card says so
        assertThat(card.notes()).containsKey("preprocessing");
        assertThat(card.notes().get("preprocessing")).startsWith("astro.residual-rl/1:");
    }

    @Test
    void formulationIsChosenByNameAndRecordedOnlyWhenItHasPreprocessing(@TempDir Path tmp) {
        Path zip = tmp.resolve("m.zip");
        MainTest.Run r = MainTest.run("train", "astro", "--formulation", "direct", "--count", "8", "--epochs", "1",
                "--batch", "8", "--out", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ModelArtifact.read(zip).card().notes()).doesNotContainKey("preprocessing");
        r = MainTest.run("train", "astro", "--formulation", "wiener", "--count", "8", "--out", tmp.resolve("w.zip").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--formulation").contains("direct, residual-rl");
        r = MainTest.run("train", "hep", "--formulation", "direct", "--count", "8", "--out", tmp.resolve("h.zip").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--formulation").contains("hep");
    }

    @Test
    void simulateHepWritesTrackMlFilesAndTrainedModelsLoadInPhysicalUnits(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("hep");
        MainTest.Run r = MainTest.run("simulate", "hep", "--count", "150", "--seed", "3", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("event000000000-hits.csv")).get(0))
                .isEqualTo("hit_id,x,y,z,volume_id,layer_id,module_id");
        assertThat(Files.readAllLines(out.resolve("event000000000-particles.csv")).get(0))
                .isEqualTo("particle_id,vx,vy,vz,px,py,pz,q,nhits");
        assertThat(Files.readAllLines(out.resolve("event000000000-truth.csv")).get(0))
                .isEqualTo("hit_id,particle_id,tx,ty,tz,tpx,tpy,tpz,weight");

        Path zip = tmp.resolve("hep.zip");
        r = MainTest.run("train", "hep", "--data", out.toString(), "--epochs", "1", "--batch", "32", "--out", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Generator g = Models.load(zip);
        SampleSet data = Domains.byName("hep").data().load(out);
        float[] params = g.generateAll(data.slice(0, 4), 1).get(0);
        assertThat(params).hasSize(5);
        // φ0 comes back in the detector frame (not the innermost-hit frame): within [-π, π]
        assertThat(Math.abs(params[1])).isLessThanOrEqualTo((float) Math.PI + 1e-5f);
    }

    @Test
    void modelOfAnUnknownDomainIsBadInput(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("m.zip");
        assertThat(MainTest.run("train", "astro", "--count", "8", "--epochs", "1", "--batch", "8", "--out",
                zip.toString()).code()).isZero();
        Path foreign = tmp.resolve("foreign.zip");
        try (var in = new java.util.zip.ZipFile(zip.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(foreign))) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("card.json")) {
                    b = new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\"domain\" : \"astro\"",
                            "\"domain\" : \"radio\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.write(b);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> Models.load(foreign)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(foreign.toString()).hasMessageContaining("card.json: domain")
                .hasMessageContaining("unknown domain 'radio'");
    }

    @Test
    void trainOnMissingDataIsExit2(@TempDir Path tmp) {
        MainTest.Run r = MainTest.run("train", "astro", "--data", tmp.resolve("nope").toString(), "--out",
                tmp.resolve("m.zip").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Files.exists(tmp.resolve("m.zip"))).isFalse();
    }
}
