package org.realitycheck.astro.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.astro.metrics.GiniM20;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

class MorphologyTest {
    /**
     * The smooth simulator is the one before the morphology existed, bit for bit: these hashes were printed by
     * the commit before it (514b3f7) with {@code new GalaxySimulator(config).simulate(16, 5).sha256()}.
     */
    @Test
    void theDefaultIsTheOldSmoothSimulatorBitForBit() {
        assertThat(SimConfig.defaults().morphology()).isEqualTo(Morphology.SMOOTH);
        assertThat(new GalaxySimulator(SimConfig.defaults()).simulate(16, 5).sha256())
                .isEqualTo("4c64001345408dd61ccff52a79a41397227d8b0a001f68f89c7980e55edd0b19");
        SimConfig other = SimConfig.fromOptions(Map.of("bands", "3", "bulge-disk", "true", "injected-fraction", "0.3",
                "empty-fraction", "0.1", "morphology", "smooth"));
        assertThat(new GalaxySimulator(other).simulate(16, 5).sha256())
                .isEqualTo("418379805a98e10657986f338890981d91954c3c047681a1d8fc1adde57f9782");
    }

    @Test
    void optionsSelectTheMixAndEachFeature() {
        assertThat(SimConfig.fromOptions(Map.of("morphology", "mixed")).morphology()).isEqualTo(Morphology.MIXED);
        Morphology armsOnly = SimConfig.fromOptions(Map.of("arms", "1")).morphology();
        assertThat(armsOnly).isEqualTo(new Morphology(1, 0, 0, 0, 0, 0));
        assertThat(SimConfig.fromOptions(Map.of("morphology", "mixed", "stars", "0")).morphology().stars()).isZero();
        assertThatThrownBy(() -> SimConfig.fromOptions(Map.of("morphology", "spiky"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("smooth or mixed");
        assertThatThrownBy(() -> SimConfig.fromOptions(Map.of("bar", "1.5"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bar");
    }

    /** Each feature occurs at its probability (binomial, 4 standard errors) and is recorded in the covariates. */
    @Test
    void featuresOccurAtTheirProbabilities() {
        SampleSet set = new GalaxySimulator(SimConfig.fromOptions(Map.of("morphology", "mixed"))).simulate(400, 11);
        int disks = 0;
        int arms = 0;
        int stars = 0;
        for (Sample s : set) {
            if (s.covariate("sersic_n").orElseThrow() < 1.5) {
                disks++;
                arms += (int) s.covariate("arms").orElseThrow();
            } else {
                assertThat(s.covariate("arms").orElseThrow()).isZero();
                assertThat(s.covariate("clumps").orElseThrow()).isZero();
            }
            stars += s.covariate("stars").orElseThrow() > 0 ? 1 : 0;
        }
        double pa = Morphology.MIXED.arms();
        assertThat((double) arms / disks).isCloseTo(pa, within(4 * Math.sqrt(pa * (1 - pa) / disks)));
        double ps = Morphology.MIXED.stars();
        assertThat((double) stars / set.size()).isCloseTo(ps, within(4 * Math.sqrt(ps * (1 - ps) / set.size())));
    }

    /** Arms redistribute the disk's light without changing its flux in the stamp. */
    @Test
    void armsKeepTheFlux() {
        Sersic disk = new Sersic(300, 6, 1, 0.7, 0.4, 32.2, 31.7);
        float[] smooth = new float[64 * 64];
        disk.addTo(smooth, 0, 64, 64, 1);
        float[] spiral = new float[64 * 64];
        new Morphology(1, 0, 0, 0, 0, 0).render(spiral, 0, 64, disk, true, 1, new java.util.SplittableRandom(3));
        double a = 0;
        double b = 0;
        double diff = 0;
        for (int i = 0; i < smooth.length; i++) {
            a += smooth[i];
            b += spiral[i];
            diff += Math.abs(smooth[i] - spiral[i]);
        }
        assertThat(b).isCloseTo(a, within(1e-3 * a));
        assertThat(diff / a).isGreaterThan(0.1);
    }

    /**
     * The mixed sky is less smooth in the Gini-M20 plane (Lotz, Primack & Madau 2004): its galaxies spread to higher
     * M20 and some fall above the merger line of Lotz et al. 2008, where smooth single profiles almost never do.
     */
    @Test
    void theMixMovesGalaxiesInTheGiniM20Plane() {
        double[] smooth = plane(SimConfig.defaults());
        double[] mixed = plane(SimConfig.fromOptions(Map.of("morphology", "mixed")));
        assertThat(mixed[1]).isGreaterThan(smooth[1] + 0.1);
        assertThat(mixed[2]).isGreaterThan(smooth[2] + 0.05);
    }

    /** @return mean Gini, mean M20 and the merger fraction of 150 truth images */
    private static double[] plane(SimConfig c) {
        SampleSet set = new GalaxySimulator(c).simulate(150, 21);
        double g = 0;
        double m = 0;
        int merger = 0;
        int n = 0;
        for (Sample s : set) {
            GiniM20.Result r = GiniM20.measure(s.target().orElseThrow(), 64);
            if (Double.isNaN(r.gini()) || Double.isNaN(r.m20())) {
                continue;
            }
            g += r.gini();
            m += r.m20();
            merger += r.merger() ? 1 : 0;
            n++;
        }
        return new double[] {g / n, m / n, (double) merger / n};
    }
}
