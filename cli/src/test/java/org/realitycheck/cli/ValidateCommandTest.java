package org.realitycheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code realitycheck validate} end to end through {@link Main#run}, on a briefly trained track GAN:
 * the output files, the verdict's exit code, and every kind of bad input (exit 2, nothing written).
 */
class ValidateCommandTest {
    @TempDir
    static Path shared;
    static Path model;
    static Path policy;

    @BeforeAll
    static void trainABriefModel() throws Exception {
        model = shared.resolve("hep-brief.zip");
        MainTest.Run r = MainTest.run("train", "hep", "--count", "2000", "--epochs", "2", "--seed", "3", "--out", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        policy = shared.resolve("small.yaml");
        // small sample sizes keep the test quick; thresholds from the hep default policy
        Files.writeString(policy, """
                samples: 3000
                checks:
                  consistency.forward-model:
                    thresholds:
                      chi2_ndf_median: {upper: 3.0}
                """);
    }

    @Test
    void writesTheFourFilesAndExitsByTheVerdict(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        MainTest.Run r = MainTest.run("validate", "--domain", "hep", "--model", model.toString(), "--policy", policy.toString(),
                "--seed", "5", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isIn(ExitCode.OK, ExitCode.GATE_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(json.get("verdict").asText()).isIn("PASSED", "FAILED", "PASSED_WITH_WARNINGS");
        assertThat(r.code()).isEqualTo(json.get("verdict").asText().equals("FAILED") ? ExitCode.GATE_FAILED : ExitCode.OK);
        assertThat(out.resolve("junit.xml")).exists();
        assertThat(out.resolve(OutputFolder.MARKER)).exists();
        assertThat(r.out()).contains("consistency.forward-model").contains("report: ");
        assertThat(json.at("/provenance/command").toString()).contains("--seed").contains("\"5\"");
        assertThat(json.at("/provenance/model").asText()).isEqualTo("hep-brief.zip");
        // the same seed: the same result, apart from the timestamp
        Path again = tmp.resolve("again");
        MainTest.run("validate", "--domain", "hep", "--model", model.toString(), "--policy", policy.toString(), "--seed", "5",
                "--out", again.toString());
        assertThat(withoutTimestamp(again.resolve("result.json")).replace(again.toString(), out.toString()))
                .isEqualTo(withoutTimestamp(out.resolve("result.json")));
        // a run replaces its own earlier output
        MainTest.Run rerun = MainTest.run("validate", "--domain", "hep", "--model", model.toString(), "--policy",
                policy.toString(), "--seed", "5", "--out", out.toString());
        assertThat(rerun.code()).as(rerun.err()).isIn(ExitCode.OK, ExitCode.GATE_FAILED);
    }

    private static String withoutTimestamp(Path f) throws Exception {
        return Files.readString(f).replaceAll("\"timestamp\" : \"[^\"]*\"", "");
    }

    private static void badInput(Path tmp, String expect, String... args) throws Exception {
        Path out = tmp.resolve("out-" + Math.abs(String.join(" ", args).hashCode()));
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--out";
        full[args.length + 1] = out.toString();
        MainTest.Run r = MainTest.run(full);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().lines().filter(l -> l.startsWith("realitycheck:")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains(expect));
        assertThat(out).doesNotExist();
    }

    @Test
    void badInputIsExit2WithOneLineAndNoOutput(@TempDir Path tmp) throws Exception {
        badInput(tmp, "unknown domain 'radio'; known domains: astro, calo, hep", "validate", "--domain", "radio", "--model", model.toString());
        badInput(tmp, "no such file", "validate", "--domain", "hep", "--model", tmp.resolve("missing.zip").toString());
        Path corrupt = tmp.resolve("corrupt.zip");
        Files.writeString(corrupt, "not a zip");
        badInput(tmp, corrupt.toString(), "validate", "--domain", "hep", "--model", corrupt.toString());
        badInput(tmp, "the model is for domain 'hep', not 'astro'", "validate", "--domain", "astro", "--model", model.toString());
        Path unknownKey = tmp.resolve("p.yaml");
        Files.writeString(unknownKey, "checks:\n  rare-objects:\n    thresholds:\n      recovered_fraction: {lowr: 0.5}\n");
        badInput(tmp, "checks.rare-objects.thresholds.recovered_fraction.lowr: unknown key", "validate", "--domain", "hep",
                "--model", model.toString(), "--policy", unknownKey.toString());
        Path wrongType = tmp.resolve("q.yaml");
        Files.writeString(wrongType, "samples: many\nchecks: {}\n");
        badInput(tmp, "samples: expected a whole number", "validate", "--domain", "hep", "--model", model.toString(),
                "--policy", wrongType.toString());
        badInput(tmp, "not a folder", "validate", "--domain", "hep", "--model", model.toString(), "--data",
                tmp.resolve("nodata").toString());
        badInput(tmp, "unknown data option 'seeing'; known: psf-fwhm-pix, psf-fwhm-arcsec", "validate", "--domain", "astro",
                "--model", model.toString(), "--data", Files.createDirectories(tmp.resolve("data")).toString(),
                "--data-option", "seeing=1.2");
        Path notResult = tmp.resolve("old.json");
        Files.writeString(notResult, "{\"verdict\": 3");
        badInput(tmp, notResult.toString(), "validate", "--domain", "hep", "--model", model.toString(), "--baseline",
                notResult.toString());
    }

    @Test
    void aFolderOfTheUsersOwnFilesIsNeverReplaced(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        MainTest.Run r = MainTest.run("validate", "--domain", "hep", "--model", model.toString(), "--policy",
                policy.toString(), "--out", mine.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("not a realitycheck output folder");
        assertThat(Files.readString(mine.resolve("thesis.tex"))).isEqualTo("precious");
        assertThat(List.of(mine.toFile().list())).containsExactly("thesis.tex");
    }
}
