package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Truncated FITS files printed 25–62 lines of nom-tam-fits' {@code java.util.logging}
 * output before our one-line error. Library logging is off unless {@code --debug}; the end-to-end
 * case runs the real command in a fresh JVM, where {@code java.util.logging}'s console handler
 * writes to the process's own stderr, so that every line a user would see is counted.
 */
class QuietLibrariesTest {
    @Test
    void libraryLoggersAreOffWithoutDebugAndOnWithIt() {
        Main.run(new String[] {"--version"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        java.util.logging.Logger fits = java.util.logging.Logger.getLogger("nom.tam.fits.Fits");
        assertThat(fits.isLoggable(java.util.logging.Level.SEVERE)).isFalse();
        assertThat(LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4jBackend").isErrorEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.realitycheck.validation.Suite").isInfoEnabled()).isTrue();
        Main.run(new String[] {"--debug", "--version"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(fits.isLoggable(java.util.logging.Level.WARNING)).isTrue();
        assertThat(LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4jBackend").isDebugEnabled()).isTrue();
        Main.run(new String[] {"--version"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(fits.isLoggable(java.util.logging.Level.SEVERE)).isFalse();
    }

    @Test
    void truncatedFitsFilesGiveOneLineOnStderrAndExit2(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        MainTest.Run sim = MainTest.run("simulate", "astro", "--count", "2", "--seed", "3", "--out", data.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        Path victim;
        try (Stream<Path> s = Files.list(data.resolve("degraded"))) {
            victim = s.sorted().findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(victim);
        List<String> failures = new ArrayList<>();
        // truncated at a 2880-byte boundary: the header alone, and the header with part of the data
        for (int keep : new int[] {2880, 2 * 2880}) {
            Files.write(victim, java.util.Arrays.copyOf(good, keep));
            check(data, tmp, "truncated to " + keep, failures);
        }
        // NAXIS1 larger than the data: the header claims 4× the pixels the file holds
        Files.write(victim, good);
        patchCard(victim, "NAXIS1", "256");
        check(data, tmp, "NAXIS1 = 256", failures);
        // a header block with no END card: the data block read as header
        Files.write(victim, good);
        patchCard(victim, "END", null);
        check(data, tmp, "no END", failures);
        assertThat(failures).isEmpty();
    }

    private static void check(Path data, Path tmp, String what, List<String> failures) throws Exception {
        Path out = tmp.resolve("m.zip");
        Process p = new ProcessBuilder(javaCommand("train", "astro", "--data", data.toString(), "--epochs", "1",
                "--out", out.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            failures.add(what + ": did not finish");
            return;
        }
        List<String> lines = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        if (p.exitValue() != ExitCode.BAD_INPUT || lines.size() != 1 || !lines.get(0).startsWith("realitycheck: ")
                || Files.exists(out)) {
            failures.add(what + ": exit " + p.exitValue() + ", stderr " + lines.size() + " lines: " + err);
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Sets a header card's value in place (or blanks the card when {@code value} is null). */
    private static void patchCard(Path fits, String key, String value) throws IOException {
        byte[] b = Files.readAllBytes(fits);
        for (int i = 0; i + 80 <= 2880; i += 80) {
            String card = new String(b, i, 80, StandardCharsets.US_ASCII);
            if (card.startsWith(String.format("%-8s", key))) {
                String repl = value == null ? " ".repeat(80) : String.format("%-8s= %20s", key, value);
                try (RandomAccessFile f = new RandomAccessFile(fits.toFile(), "rw")) {
                    f.seek(i);
                    f.write(String.format("%-80s", repl).getBytes(StandardCharsets.US_ASCII));
                }
                return;
            }
        }
        throw new IllegalStateException("no card " + key + " in " + fits);
    }
}
