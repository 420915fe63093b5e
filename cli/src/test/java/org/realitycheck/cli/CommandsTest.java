package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.Domains;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.model.ModelCard;

/** The commands end to end, through {@link Main#run}, on the real domains. */
class CommandsTest {
    @Test
    void bothDomainsAreRegistered() {
        assertThat(Domains.names()).contains("astro");
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
    }

    @Test
    void trainOnMissingDataIsExit2(@TempDir Path tmp) {
        MainTest.Run r = MainTest.run("train", "astro", "--data", tmp.resolve("nope").toString(), "--out",
                tmp.resolve("m.zip").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Files.exists(tmp.resolve("m.zip"))).isFalse();
    }
}
