package org.realitycheck.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.bench.BenchmarkProvider;

/** The bench suite finds the domains' benchmarks through ServiceLoader; nothing is run here. */
class BenchSuiteTest {
    @Test
    void theProvidersGiveTheDocumentedBenchmarksInOrder() {
        assertThat(BenchmarkProvider.all()).extracting(BenchmarkProvider::domain).containsExactly("astro", "hep");
        assertThat(new BenchSuite(1, line -> { }).names()).containsExactlyElementsOf(BenchSuite.NAMES);
    }

    @Test
    void anUnknownPrefixListsTheBenchmarks() {
        assertThatThrownBy(() -> new BenchSuite(1, line -> { }, List.of("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hep.fit");
    }
}
