package org.realitycheck.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;

class FlopsTest {
    @Test
    void defaultUNetAndPatchGanMatchAHandCount() {
        // Layer by layer for 64×64×1, depth 4, base 16 (2·k²·cin·cout·H·W, k = 4):
        // enc 1→16@32² 524288; 16→32@16², 32→64@8², 64→128@4² 4194304 each;
        // dec 128→64 from 4² 4194304; 128→32 from 8² 8388608; 64→16 from 16² 8388608; out 32→1 from 32² 1048576.
        assertThat(Flops.forward(UNetSpec.defaults())).isEqualTo(35_127_296.0);
        // 2→16@32² 1048576; 16→32@16² 4194304; 32→64@8² 4194304; patch 64→1@8² 131072.
        assertThat(Flops.forward(PatchGanSpec.defaults())).isEqualTo(9_568_256.0);
        GanArchitecture a = GanArchitecture.pix2pix(UNetSpec.defaults(), PatchGanSpec.defaults());
        assertThat(Flops.trainingStep(a)).isEqualTo(3 * 35_127_296.0 + 9 * 9_568_256.0);
    }

    @Test
    void mlpCountsDenseLayers() {
        assertThat(Flops.forward(new MlpGeneratorSpec(40, 8, 5, new int[] {128, 128})))
                .isEqualTo(2.0 * (48 * 128 + 128 * 128 + 128 * 5));
        assertThat(Flops.forward(new MlpDiscriminatorSpec(40, 5, new int[] {64})))
                .isEqualTo(2.0 * (45 * 64 + 64));
    }

    @Test
    void medianOfRepetitions() {
        Measurement m = Measurement.of("x", "u/s", new double[] {5, 1, 3, 100}, 4, "");
        assertThat(m.withFlops(1e9).gflops()).isEqualTo(4.0);
        assertThat(m.median()).isEqualTo(4.0);
        assertThat(m.min()).isEqualTo(1.0);
        assertThat(m.max()).isEqualTo(100.0);
        assertThat(m.verdict()).isEqualTo("met");
    }
}
