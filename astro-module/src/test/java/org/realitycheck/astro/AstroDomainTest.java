package org.realitycheck.astro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.astro.data.AstroDataWriter;
import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.core.Probes;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

class AstroDomainTest {
    private final AstroDomain astro = new AstroDomain();

    @TempDir
    Path dir;

    // Registration, determinism, one shape per set, unknown options, the write → load round trip of
    // every field, the truth's χ²/ndf, recovered(truth), blank outputs on empty fields, the policy's
    // YAML, the architecture's shapes, the redshift sweep: AstroDomainContractTest (gan-core's contract kit).

    @Test
    void writerLaysOutTheCatalogAndRefusesAFullFolder() throws IOException {
        SampleSet set = astro.data().simulate(6, 3, Map.of("empty-fraction", "0.3", "injected-fraction", "0.3"));
        Path out = dir.resolve("sim");
        AstroDataWriter.write(set, out);
        assertThat(out.resolve("catalog.csv")).exists();
        assertThat(Files.readAllLines(out.resolve("catalog.csv")).get(0)).startsWith("id,kind,subtype,redshift,flux,r_e,");
        assertThat(astro.data().load(out).size()).isEqualTo(6);
        assertThatThrownBy(() -> AstroDataWriter.write(set, out)).hasMessageContaining("not empty");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(out);
        }
    }

    @Test
    void folderOfDegradedFitsGivesSamplesWithoutTarget() throws IOException {
        SampleSet set = astro.data().simulate(3, 4, Map.of());
        Path out = dir.resolve("sim");
        AstroDataWriter.write(set, out);
        Files.delete(out.resolve("catalog.csv"));
        try (var s = Files.list(out.resolve("truth"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        SampleSet real = astro.data().load(out.resolve("degraded"));
        assertThat(real.size()).isEqualTo(3);
        assertThat(real.get(0).hasTarget()).isFalse();
        assertThat(real.get(0).covariate("sky_sigma").getAsDouble()).isCloseTo(0.06, within(1e-9));
        assertThat(real.get(0).covariate("psf_fwhm_pix").getAsDouble()).isCloseTo(1.4 / 0.396, within(1e-9));
        // the conventional method runs on it
        assertThat(astro.reference().conventionalMethod().estimate(real.get(0)).value()).hasSize(64 * 64);
    }

    @Test
    void badCatalogNamesFileLineAndField() throws IOException {
        SampleSet set = astro.data().simulate(2, 4, Map.of());
        Path out = dir.resolve("sim");
        AstroDataWriter.write(set, out);
        List<String> lines = Files.readAllLines(out.resolve("catalog.csv"));
        Files.writeString(out.resolve("catalog.csv"), lines.get(0) + "\n" + lines.get(1).replaceFirst(",galaxy,none,[^,]*,", ",galaxy,none,abc,") + "\n");
        assertThatThrownBy(() -> astro.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("catalog.csv").hasMessageContaining("line 2").hasMessageContaining("redshift");
    }

    @Test
    void emptyFieldsAndErasedInjections() {
        SampleSet empty = astro.probes().emptyInputs(4, 1);
        for (Sample s : empty) {
            assertThat(astro.probes().detect(s.target().orElseThrow(), s).count()).isZero();
            assertThat(astro.probes().detect(s.condition(), s).count()).isZero();
        }
        float[] blob = new float[64 * 64];
        new org.realitycheck.astro.sim.Sersic(30, 2, 1, 1, 0, 20, 20).addTo(blob, 0, 64, 64, 1);
        Probes.Detections det = astro.probes().detect(blob, empty.get(0));
        assertThat(det.count()).isEqualTo(1);
        // the flux of the pixels above 5σ: most of the blob's 30 counts
        assertThat(det.spuriousSignal()).isBetween(15.0, 30.0);

        SampleSet inj = astro.probes().injections(9, 2);
        for (Sample s : inj) {
            // a restoration that erased the object: the truth without it is approximated by the aperture blanked
            float[] erased = s.target().orElseThrow();
            double x = s.covariate("inj_x").getAsDouble();
            double y = s.covariate("inj_y").getAsDouble();
            for (int py = 0; py < 64; py++) {
                for (int px = 0; px < 64; px++) {
                    if (Math.hypot(px + 0.5 - x, py + 0.5 - y) <= 3) {
                        erased[py * 64 + px] = 0;
                    }
                }
            }
            assertThat(astro.probes().recovered(erased, s)).as(s.id()).isFalse();
        }
    }

    @Test
    void forwardModelRejectsABlankOutput() {
        ForwardModel fm = astro.reference().forwardModel();
        SampleSet set = astro.data().simulate(8, 12, Map.of());
        // the truth's χ²/ndf ≈ 1 is the contract kit's; a blank output does not explain a galaxy
        assertThat(fm.consistency(new float[64 * 64], set.get(0)).chi2PerNdf()).isGreaterThan(3);
        // RL's χ² comes with its estimate
        assertThat(new RichardsonLucy(30).estimate(set.get(0)).chi2PerNdf()).isLessThan(2);
    }

    @Test
    void observablesOnTheTruth() {
        Sample s = astro.data().simulate(1, 8, Map.of()).get(0);
        float[] t = s.target().orElseThrow();
        Map<String, Double> v = new java.util.LinkedHashMap<>();
        for (Observable o : astro.reference().observables()) {
            v.put(o.name(), o.compute(t, s));
        }
        assertThat(v).containsKeys("flux_total", "flux_aperture", "r_half", "centroid_x", "centroid_y", "detections");
        assertThat(v.get("centroid_x")).isCloseTo(s.covariate("x0").getAsDouble(), within(0.5));
        assertThat(v.get("flux_total")).isLessThanOrEqualTo(s.covariate("flux").getAsDouble() * 1.001);
        assertThat(v.get("detections")).isEqualTo(1.0);
    }

    // the default policy parses and enables the six checks: validation's DefaultPoliciesTest
    @Test
    void defaultArchitectureIsPix2pix() {
        assertThat(astro.recipe().architecture().generator()).isInstanceOf(org.realitycheck.core.nn.UNetSpec.class);
    }
}
