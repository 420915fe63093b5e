package org.realitycheck.cli.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.realitycheck.core.bench.Benchmark;
import org.realitycheck.core.bench.BenchmarkProvider;

/**
 * A test-only provider (registered in the test classpath's {@code META-INF/services}) whose benchmarks report
 * the JVM state they find: {@code probe.first} and {@code probe.second} each return 1000 + the number of
 * other probe benchmarks that already ran in this JVM. In a fresh JVM each returns 1000; after another one
 * in the same JVM, 1001. No domain, no GAN.
 */
public final class ProbeBenchmarks implements BenchmarkProvider {
    /** The probe benchmarks that have run in this JVM. */
    static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @Override
    public String domain() {
        return "probe";
    }

    @Override
    public List<Benchmark> benchmarks() {
        return List.of(probe("probe.first"), probe("probe.second"));
    }

    private static Benchmark probe(String name) {
        return new Benchmark(name, "runs/s", Double.NaN, "JVM state probe", () -> {
            long others = RAN.stream().filter(n -> !n.equals(name)).count();
            RAN.add(name);
            return 1000 + others;
        });
    }
}
