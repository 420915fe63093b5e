package org.realitycheck.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.bench.BenchmarkProvider;

/** The bench suite finds the domains' benchmarks through ServiceLoader; nothing heavy is run here. */
class BenchSuiteTest {
    @Test
    void eachGanDomainGetsNetworkAndModelRowsAndEachProviderItsOwnInOrder() {
        List<String> names = new BenchSuite(1, line -> { }).names();
        for (BenchmarkProvider p : BenchmarkProvider.all()) {
            String d = p.domain();
            List<String> own = p.benchmarks().stream().map(b -> b.name()).toList();
            assertThat(names).containsSubsequence(own).contains("validate." + d);
            if (p.gan().isPresent()) {
                assertThat(names).containsSubsequence(d + ".gan.train", d + ".gan.infer", d + ".model.infer");
            } else {
                assertThat(names).doesNotContain(d + ".gan.train", d + ".model.infer");
            }
            assertThat(names.contains(d + ".onnx.infer")).isEqualTo(p.onnxPeer().isPresent());
        }
        assertThat(BenchmarkProvider.all()).extracting(BenchmarkProvider::domain).contains("astro", "hep", "probe");
    }

    @Test
    void onlySelectsByPrefixInRunOrder() {
        BenchSuite s = new BenchSuite(1, line -> { }, List.of("hep.gan", "astro.model"));
        assertThat(s.selected()).containsExactly("astro.model.infer", "hep.gan.train", "hep.gan.infer");
    }

    @Test
    void anUnknownPrefixListsTheBenchmarks() {
        assertThatThrownBy(() -> new BenchSuite(1, line -> { }, List.of("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hep.fit");
    }

    @Test
    void thePeerGetsTheSameNetworksAsTheNetworkRows() {
        List<BenchSuite.PeerSpec> specs = new BenchSuite(1, line -> { }, List.of("hep.gan.train")).peerSpecs();
        assertThat(specs).extracting(BenchSuite.PeerSpec::domain).containsExactly("hep");
        var spec = PytorchPeer.spec(specs);
        assertThat(spec.toString()).contains("mlp_generator").contains("linear_skip=true").contains("batch=512");
        assertThat(PytorchPeer.spec(new BenchSuite(1, line -> { }, List.of("astro.simulate")).peerSpecs()).toString())
                .isEqualTo("{networks=[]}");
    }
}
