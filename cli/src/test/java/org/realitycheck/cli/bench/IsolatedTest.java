package org.realitycheck.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each benchmark in a JVM of its own: state cannot leak from one to the next, and each has its own peak memory. */
class IsolatedTest {
    @Test
    void aBenchmarkInItsOwnJvmSeesNoStateOfThePreviousOneWhileInOneJvmItDoes() throws Exception {
        List<String> lines = new ArrayList<>();
        List<Measurement> isolated = Isolated.run(List.of("probe.first", "probe.second"), 1, false, lines::add,
                new ArrayList<>());
        assertThat(isolated).extracting(Measurement::name).containsExactly("probe.first", "probe.second");
        assertThat(isolated).extracting(Measurement::median).containsExactly(1000.0, 1000.0);
        for (Measurement m : isolated) {
            // each child's own high-water mark: a JVM takes tens of MiB at least, and well under the 1 GiB heap cap here
            assertThat(m.peakRssMiB()).isBetween(20.0, 2000.0);
        }
        assertThat(lines).anyMatch(l -> l.contains("probe: first")).noneMatch(l -> l.contains("incubator"));

        ProbeBenchmarks.RAN.clear();
        BenchSuite inOne = new BenchSuite(1, l -> { }, List.of("probe."));
        assertThat(inOne.run()).extracting(Measurement::median).containsExactly(1000.0, 1001.0);
        ProbeBenchmarks.RAN.clear();
    }

    @Test
    void aFailingChildIsAnErrorNamingTheBenchmark() {
        assertThatThrownBy(() -> Isolated.run(List.of("probe.nope"), 1, false, l -> { }, new ArrayList<>()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("probe.nope")
                .hasMessageContaining("no benchmark named");
    }

    @Test
    void childJvmOptionsReplaceTheMemoryCapsAndKeepTheRest() {
        List<String> opts = Isolated.childJvmOptions(List.of("-Xmx4g", "--add-modules=jdk.incubator.vector",
                "-Dorg.bytedeco.javacpp.maxbytes=8G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=12G", "-Drealitycheck.home=/x"),
                "1g", "1536m");
        assertThat(opts).containsExactly("--add-modules=jdk.incubator.vector", "-Drealitycheck.home=/x", "-Xmx1g",
                "-Dorg.bytedeco.javacpp.maxbytes=1536m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + ((1L << 30) + 1536L * (1 << 20) + (1L << 30)));
        assertThat(Isolated.bytes("2g")).isEqualTo(2L << 30);
        assertThatThrownBy(() -> Isolated.bytes("lots")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lots");
    }
}
