package org.realitycheck.hep.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;

/** The detector description: the shipped toy and TrackML barrel, the round trip, and every bad key named. */
class DetectorYamlTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedToyIsTheDetectorOfScienceMd() {
        // docs/science.md, "The default toy detector": the numbers typed in from there, not from the resource
        Detector toy = Detector.toy();
        assertThat(toy.bField()).isEqualTo(2.0);
        assertThat(toy.radii()).containsExactly(32, 72, 116, 172, 260, 360, 500, 660, 820, 1020);
        assertThat(toy.sigmaRphi()).containsExactly(0.015, 0.015, 0.015, 0.015, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04);
        assertThat(toy.sigmaZ()).containsExactly(0.05, 0.05, 0.05, 0.05, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        assertThat(toy.volumeIds()).containsExactly(8, 8, 8, 8, 13, 13, 13, 13, 17, 17);
        assertThat(toy.layerIds()).containsExactly(2, 4, 6, 8, 2, 4, 6, 8, 2, 4);
        assertThat(toy.halfLengths()).containsOnly(3000.0);
        assertThat(toy.efficiency()).isEqualTo(1.0);
        assertThat(toy.multipleScattering()).isFalse();
        assertThat(toy.materialPerLayer()).isEqualTo(0.02);
        assertThat(toy).isEqualTo(new Detector(2.0, toy.radii(), toy.sigmaRphi(), toy.sigmaZ(), 3000.0, 1.0, false, 0.02));
    }

    @Test
    void theTrackMlBarrelHasTheChallengeDetectorsLayers() {
        // ACTS GenericDetectorML (the TrackML detector): barrel radii and module grids, see the resource's comments
        Detector d = Detector.trackMlBarrel();
        assertThat(d.radii()).containsExactly(32, 72, 116, 172, 260, 360, 500, 660, 820, 1020);
        assertThat(d.volumeIds()).containsExactly(8, 8, 8, 8, 13, 13, 13, 13, 17, 17);
        assertThat(d.layerIds()).containsExactly(2, 4, 6, 8, 2, 4, 6, 8, 2, 4);
        assertThat(d.halfLengths()).containsExactly(491, 491, 491, 491, 1084, 1084, 1084, 1084, 1084, 1084);
        assertThat(d.layerIndex(13, 6)).isEqualTo(6);
        assertThat(d.layerIndex(7, 2)).isEqualTo(-1);
    }

    @Test
    void writtenDescriptionsReadBackEqual() throws IOException {
        for (Detector d : new Detector[] {Detector.toy(), Detector.trackMlBarrel(),
                Detector.equallySpaced(7, 41.3, 977.7, 0.0123, 0.456, 3.8).withEfficiency(0.97).withMultipleScattering(true)}) {
            Path f = tmp.resolve("d.yaml");
            DetectorYaml.write(d, f);
            assertThat(DetectorYaml.read(f)).isEqualTo(d);
            byte[] first = Files.readAllBytes(f);
            DetectorYaml.write(d, f);
            assertThat(Files.readAllBytes(f)).isEqualTo(first);
        }
    }

    private BadInputException error(String yaml) throws IOException {
        Path f = tmp.resolve("detector.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        try {
            DetectorYaml.read(f);
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith(f.toString());
            return e;
        }
        throw new AssertionError("accepted " + yaml);
    }

    private static final String L = "  - {volume_id: 8, layer_id: %d, radius: %s, half_length: 500, sigma_rphi: 0.01, sigma_z: 0.1}\n";

    private static String layers(String... radii) {
        StringBuilder b = new StringBuilder("layers:\n");
        for (int i = 0; i < radii.length; i++) {
            b.append(String.format(L, i + 1, radii[i]));
        }
        return b.toString();
    }

    @Test
    void badDescriptionsNameTheKeyAndWhatWasExpected() throws IOException {
        assertThat(error("b_field: 2\nradiuz: 3\n" + layers("30", "60", "90")).getMessage())
                .contains("radiuz: unknown key; known keys: b_field, efficiency, layers, material_per_layer, multiple_scattering");
        assertThat(error(layers("30", "60", "90")).getMessage()).contains("b_field: missing");
        assertThat(error("b_field: -2\n" + layers("30", "60", "90")).getMessage())
                .contains("b_field: expected a finite number > 0, got -2");
        assertThat(error("b_field: 2\n" + layers("30", "90", "60")).getMessage())
                .contains("layers[2].radius: layers must be listed by strictly increasing radius, got 60.0 after 90.0");
        assertThat(error("b_field: 2\n" + layers("30", "abc", "90")).getMessage())
                .contains("layers[1].radius: expected a finite number > 0, got \"abc\"");
        assertThat(error("b_field: 2\n" + layers("30", ".nan", "90")).getMessage()).contains("line 4: not valid YAML");
        assertThat(error("b_field: 2\n" + layers("30", "60")).getMessage()).contains("layers: expected a list of at least 3");
        assertThat(error("b_field: 2\n" + layers("30", "60", "90").replace("layer_id: 3", "layer_id: 2")).getMessage())
                .contains("both volume 8, layer 2");
        assertThat(error("b_field: 2\n" + layers("30", "60", "90").replace("sigma_z: 0.1}\n", "}\n")).getMessage())
                .contains("layers[0].sigma_z: missing");
        assertThat(error("b_field: 2\nb_field: 3\n" + layers("30", "60", "90")).getMessage()).contains("Duplicate field 'b_field'");
        assertThat(error("b_field: [2\n").getMessage()).contains("not valid YAML");
        assertThat(error("b_field: 2\nefficiency: 1.5\n" + layers("30", "60", "90")).getMessage())
                .contains("efficiency must be in (0, 1]");
        assertThatThrownBy(() -> DetectorYaml.read(tmp.resolve("nope.yaml"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nope.yaml: no such detector description");
    }
}
