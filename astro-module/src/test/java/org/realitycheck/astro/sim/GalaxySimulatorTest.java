package org.realitycheck.astro.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

class GalaxySimulatorTest {
    private final GalaxySimulator sim = new GalaxySimulator(SimConfig.defaults());

    @Test
    void sameSeedSameData() {
        assertThat(sim.simulate(12, 5).sha256()).isEqualTo(sim.simulate(12, 5).sha256());
        assertThat(sim.simulate(12, 5).sha256()).isNotEqualTo(sim.simulate(12, 6).sha256());
    }

    @Test
    void galaxiesCarryTheirParametersWithinThePriors() {
        SampleSet set = sim.simulate(40, 1);
        assertThat(set.conditionShape()).containsExactly(1, 64, 64);
        for (Sample s : set) {
            assertThat(s.kind()).isEqualTo("galaxy");
            assertThat(s.covariate("redshift").getAsDouble()).isBetween(0.01, 0.05);
            assertThat(s.covariates()).containsKeys("flux", "r_e", "sersic_n", "q", "sky_sigma", "psf_fwhm_pix");
            assertThat(s.covariate("sky_sigma").getAsDouble()).isEqualTo(1.2 * 0.05, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void emptyFieldsHaveBlankTruthAndInjectionsAreLabelled() {
        SampleSet e = sim.simulate(GalaxySimulator.Kind.EMPTY, 3, 2);
        for (Sample s : e) {
            assertThat(s.kind()).isEqualTo("empty");
            assertThat(s.target().orElseThrow()).containsOnly(0f);
        }
        SampleSet inj = sim.injections(6, 3);
        assertThat(inj.samples()).extracting(GalaxySimulator::injectionType)
                .containsExactly("point", "companion", "clump", "point", "companion", "clump");
        assertThat(inj.get(0).id()).startsWith("inj-point-");
        assertThat(inj.get(0).covariates()).containsKeys("inj_x", "inj_y", "inj_flux");
    }

    @Test
    void redshiftSweepShrinksGalaxies() {
        SampleSet sweep = sim.redshiftSweep(0.01, 0.25, 5, 4);
        assertThat(sweep.get(4).covariate("redshift").getAsDouble()).isEqualTo(0.25);
        double ratio = sweep.get(0).covariate("r_e").getAsDouble() / sweep.get(0).covariate("r_e_kpc").getAsDouble()
                / (sweep.get(4).covariate("r_e").getAsDouble() / sweep.get(4).covariate("r_e_kpc").getAsDouble());
        Cosmology c = Cosmology.defaults();
        assertThat(ratio).isCloseTo(c.angularDiameterDistance(0.25) / c.angularDiameterDistance(0.01),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void bulgeDiskPoissonAndDownsamplingOptions() {
        SampleSet bd = new GalaxySimulator(SimConfig.fromOptions(Map.of("bulge-disk", "true", "noise", "poisson")))
                .simulate(4, 3);
        for (Sample s : bd) {
            assertThat(s.covariate("b_t").getAsDouble()).isBetween(0.0, 0.6);
            assertThat(s.covariate("noise_type").getAsDouble()).isEqualTo(1.0);
        }
        SimConfig ds = SimConfig.fromOptions(Map.of("downsample", "2"));
        Sample s = new GalaxySimulator(ds).simulate(1, 3).get(0);
        float[] d = s.condition();
        assertThat(d[0]).isEqualTo(d[1]).isEqualTo(d[64]).isEqualTo(d[65]);
        // the forward model (PSF, then 2×2 block average) explains the truth: χ²/ndf ≈ 1 on 32² blocks
        double chi = new org.realitycheck.astro.AstroForwardModel().consistency(s.target().orElseThrow(), s).chi2PerNdf();
        assertThat(chi).isBetween(0.8, 1.2);
    }

    @Test
    void optionsAreParsedAndUnknownKeysRejected() {
        SimConfig c = SimConfig.fromOptions(Map.of("z-min", "0.1", "z-max", "0.2", "psf", "moffat", "fwhm", "2.0", "sig", "1.5",
                "bands", "3"));
        assertThat(c.zMin()).isEqualTo(0.1);
        assertThat(c.psfKind()).isEqualTo(org.realitycheck.astro.degrade.Psf.Kind.MOFFAT);
        assertThat(c.bands()).isEqualTo(3);
        SampleSet three = new GalaxySimulator(c).simulate(2, 1);
        assertThat(three.conditionShape()).containsExactly(3, 64, 64);
        assertThatThrownBy(() -> SimConfig.fromOptions(Map.of("zmax", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zmax").hasMessageContaining("z-max");
        assertThatThrownBy(() -> SimConfig.fromOptions(Map.of("psf", "airy"))).hasMessageContaining("gaussian, moffat");
        assertThatThrownBy(() -> SimConfig.fromOptions(Map.of("sig", "x"))).hasMessageContaining("sig");
    }
}
