package org.realitycheck.astro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives byte-identical files. Written once here and once in a second JVM (the
 * header card order used to follow a per-JVM hash order, and a date was written), then compared by SHA-256.
 */
class WriterDeterminismTest {
    private static final Map<String, String> OPTIONS = Map.of("empty-fraction", "0.25", "injected-fraction", "0.25");

    /** Entry point of the second JVM: writes the set of seed {@code args[1]} to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        new AstroDomain().data().simulateInto(Path.of(args[0]), 8, Long.parseLong(args[1]), OPTIONS);
    }

    @Test
    void simulateTwiceWithTheSameSeedGivesByteIdenticalFiles(@TempDir Path dir) throws Exception {
        main(new String[] {dir.resolve("a").toString(), "17"});
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), WriterDeterminismTest.class.getName(), dir.resolve("b").toString(), "17")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("second JVM finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        Map<String, String> a = hashes(dir.resolve("a"));
        Map<String, String> b = hashes(dir.resolve("b"));
        assertThat(a).hasSize(1 + 8 + 8); // catalog.csv, degraded/ and truth/ (blank sky for the empty fields)
        assertThat(b).isEqualTo(a);
        main(new String[] {dir.resolve("c").toString(), "18"});
        assertThat(hashes(dir.resolve("c")).get("catalog.csv")).isNotEqualTo(a.get("catalog.csv"));
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(f)) {
                    md.update(in.readAllBytes());
                }
                out.put(root.relativize(f).toString(), HexFormat.of().formatHex(md.digest()));
            }
        }
        return out;
    }
}
