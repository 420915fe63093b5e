package org.realitycheck.astro.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.astro.degrade.Background;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.TrainingContent;
import org.realitycheck.core.nn.GanArchitecture;

/**
 * {@code simulate astro --from} on real pixels: 64×64 tiles of M51 (the IRAF test image shipped as
 * {@code skimage/data/simple.fits} by Debian's python3-skimage 0.19.3; see {@code realsky/README.md}).
 */
class RealSkyDegraderTest {
    @TempDir
    Path tmp;

    /** Writes the 16 tiles of the 256×256 M51 image, {@code prefix}NN.fits, and returns the folder. */
    static Path m51Tiles(Path dir, String prefix) throws IOException {
        Files.createDirectories(dir);
        Path m51 = dir.resolveSibling(dir.getFileName() + "-m51.fits");
        try (InputStream in = RealSkyDegraderTest.class.getResourceAsStream("/realsky/m51.fits")) {
            Files.write(m51, in.readAllBytes());
        }
        FitsImage img = FitsIO.read(m51);
        assertThat(img.width()).isEqualTo(256);
        for (int ty = 0; ty < 4; ty++) {
            for (int tx = 0; tx < 4; tx++) {
                float[] t = new float[64 * 64];
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        // sky-subtracted: the image's background is about 40 counts
                        t[y * 64 + x] = img.data()[(ty * 64 + y) * 256 + tx * 64 + x] - 40f;
                    }
                }
                FitsIO.write(dir.resolve(String.format("%s%02d.fits", prefix, ty * 4 + tx)), FitsImage.of(t, 64, 64));
            }
        }
        return dir;
    }

    private static Map<String, Sample> byId(SampleSet s) {
        return s.samples().stream().collect(Collectors.toMap(Sample::id, x -> x));
    }

    @Test
    void writesTruthFromTheInputsAndTheGalaxyGanNoiseAndSplitsCopiesTogether() throws IOException {
        Path in = m51Tiles(tmp.resolve("in"), "t");
        // copies of three tiles under other names: they must land in their originals' split
        for (String t : List.of("t03", "t05", "t10")) {
            Files.copy(in.resolve(t + ".fits"), in.resolve("copy-of-" + t + ".fits"));
        }
        Path out = tmp.resolve("out");
        RealSkyDegrader.Summary sum = RealSkyDegrader.degrade(in, out, 7, Map.of("held-out-fraction", "0.4", "fwhm-pix", "3.5"));
        assertThat(sum.images()).isEqualTo(19);
        assertThat(sum.train()).isPositive();
        assertThat(sum.heldOut()).isPositive();
        assertThat(sum.folderSha256()).isEqualTo(RealSkyDegrader.folderSha256(in)).hasSize(64);

        SampleSet train = AstroDataLoader.load(out.resolve("train"));
        SampleSet held = AstroDataLoader.load(out.resolve("held-out"));
        assertThat(train.size() + held.size()).isEqualTo(19);
        Map<String, String> split = new HashMap<>();
        train.forEach(s -> split.put(s.id(), "train"));
        held.forEach(s -> split.put(s.id(), "held-out"));
        for (String t : List.of("t03", "t05", "t10")) {
            assertThat(split.get("copy-of-" + t)).isEqualTo(split.get(t));
        }
        Set<String> trainHashes = train.samples().stream().map(TrainingContent::sha256).collect(Collectors.toSet());
        assertThat(held.samples()).noneMatch(s -> trainHashes.contains(TrainingContent.sha256(s)));

        // the truth is the input's pixels; the catalog says where it came from
        Map<String, Sample> all = new HashMap<>(byId(train));
        all.putAll(byId(held));
        Sample t05 = all.get("t05");
        assertThat(t05.target().orElseThrow()).containsExactly(FitsIO.read(in.resolve("t05.fits")).data());
        assertThat(t05.metadata()).containsEntry("origin", "real").containsEntry("source", "t05.fits")
                .containsEntry("source_folder_sha256", sum.folderSha256())
                .containsEntry("content_sha256", TrainingContent.sha256(t05));
        assertThat(t05.covariate("psf_fwhm_pix").orElseThrow()).isEqualTo(3.5);

        // GalaxyGAN's noise: the degraded background sigma is sig = 1.2 times the input's own, of which the blurred
        // native noise gives s0*|P|_2 and the added white noise the rest; the added part is degraded - P*truth
        org.realitycheck.astro.degrade.Psf psf = org.realitycheck.astro.degrade.Psf.gaussian(3.5);
        org.realitycheck.astro.degrade.Degradation deg = org.realitycheck.astro.degrade.Degradation.galaxyGan(psf, 1.2, Double.NaN);
        double[] unit = deg.blur(delta(), 64, 64);
        double norm = 0;
        for (double v : unit) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (Sample s : all.values()) {
            float[] truth = s.target().orElseThrow();
            double s0 = Background.noiseSigma(truth, 0, 64, 64);
            assertThat(s.covariate("sky_sigma").orElseThrow()).isCloseTo(1.2 * s0, within(1e-3 * s0));
            double[] blurred = deg.blur(truth, 64, 64);
            double ss = 0;
            for (int i = 0; i < blurred.length; i++) {
                double r = s.condition()[i] - blurred[i];
                ss += r * r;
            }
            double added = Math.sqrt(ss / blurred.length);
            double expected = s0 * Math.sqrt(1.44 - norm * norm);
            // 4096 Gaussian draws: the sample sigma is within 5% at far beyond 5 standard errors (1.1% each)
            assertThat(added / expected).as(s.id()).isBetween(0.95, 1.05);
        }
    }

    private static float[] delta() {
        float[] d = new float[64 * 64];
        d[0] = 1;
        return d;
    }

    @Test
    void theSameSeedGivesTheSameFilesAndTheNoiseDependsOnTheContentNotTheName() throws IOException {
        Path in = m51Tiles(tmp.resolve("in"), "t");
        Path renamed = m51Tiles(tmp.resolve("renamed"), "other");
        RealSkyDegrader.degrade(in, tmp.resolve("a"), 3, Map.of("held-out-fraction", "0"));
        RealSkyDegrader.degrade(in, tmp.resolve("b"), 3, Map.of("held-out-fraction", "0"));
        RealSkyDegrader.degrade(renamed, tmp.resolve("c"), 3, Map.of("held-out-fraction", "0"));
        RealSkyDegrader.degrade(in, tmp.resolve("d"), 4, Map.of("held-out-fraction", "0"));
        Path a = tmp.resolve("a/degraded");
        assertThat(RealSkyDegrader.folderSha256(a)).isEqualTo(RealSkyDegrader.folderSha256(tmp.resolve("b/degraded")));
        float[] t07 = FitsIO.read(a.resolve("t07.fits")).data();
        assertThat(FitsIO.read(tmp.resolve("c/degraded/other07.fits")).data()).containsExactly(t07);
        assertThat(FitsIO.read(tmp.resolve("d/degraded/t07.fits")).data()).isNotEqualTo(t07);
    }

    /** The leakage check: a held-out folder holding re-degraded copies of training images is flagged, a clean one is not. */
    @Test
    void heldOutCopiesOfTrainingImagesAreFoundThroughTheCard() throws IOException {
        Path in = m51Tiles(tmp.resolve("in"), "t");
        RealSkyDegrader.degrade(in, tmp.resolve("out"), 1, Map.of("held-out-fraction", "0.4"));
        SampleSet train = AstroDataLoader.load(tmp.resolve("out/train"));
        ModelCard card = TrainingContent.record(card(), train);
        assertThat(card.notes().get(TrainingContent.NOTE_ORIGIN)).startsWith(train.size() + " of " + train.size() + " samples real")
                .contains(RealSkyDegrader.folderSha256(in));
        assertThat(TrainingContent.overlap(card, AstroDataLoader.load(tmp.resolve("out/held-out")))).isEmpty();

        // a second "held-out" folder: two training tiles renamed, degraded again with another seed and PSF
        Path second = Files.createDirectories(tmp.resolve("second"));
        String a = train.get(0).id();
        String b = train.get(1).id();
        Files.copy(in.resolve(a + ".fits"), second.resolve("new-" + a + ".fits"));
        Files.copy(in.resolve(b + ".fits"), second.resolve("new-" + b + ".fits"));
        SampleSet leaked = null;
        for (Sample s : AstroDataLoader.load(tmp.resolve("out/held-out"))) {
            Files.copy(in.resolve(s.id() + ".fits"), second.resolve(s.id() + ".fits"));
        }
        RealSkyDegrader.degrade(second, tmp.resolve("out2"), 99, Map.of("held-out-fraction", "0", "fwhm-pix", "5"));
        leaked = AstroDataLoader.load(tmp.resolve("out2"));
        assertThat(TrainingContent.overlap(card, leaked)).containsExactlyInAnyOrder("new-" + a, "new-" + b);
    }

    @Test
    void badInputNamesTheFileOrTheOption() throws IOException {
        Path in = m51Tiles(tmp.resolve("in"), "t");
        assertThatThrownBy(() -> RealSkyDegrader.degrade(in, tmp.resolve("x"), 1, Map.of("fwhm-px", "3")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("fwhm-px").hasMessageContaining("fwhm-pix");
        assertThatThrownBy(() -> RealSkyDegrader.degrade(in, tmp.resolve("x"), 1, Map.of("sig", "0.5")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("sig");
        assertThatThrownBy(() -> RealSkyDegrader.degrade(in, tmp.resolve("x"), 1, Map.of("rebin", "8")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("t00.fits").hasMessageContaining("too small");
        Files.writeString(in.resolve("t16.fits"), "not a fits file");
        assertThatThrownBy(() -> RealSkyDegrader.degrade(in, tmp.resolve("y"), 1, Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("t16.fits");
        assertThat(tmp.resolve("y/train")).doesNotExist();
    }

    private static ModelCard card() {
        Normalization norm = new Normalization(new FeatureTransform.Affine(new double[] {0}, new double[] {1}),
                new FeatureTransform.Affine(new double[] {0}, new double[] {1}));
        GanArchitecture arch = new org.realitycheck.astro.AstroRecipe(org.realitycheck.astro.sim.SimConfig.defaults()).architecture();
        return new ModelCard(ModelCard.SCHEMA_VERSION, "astro", arch, TrainingConfig.defaults(), 1L, "0".repeat(64), 0,
                new long[] {1, 64, 64}, new long[] {1, 64, 64}, Map.of(), norm, Provenance.current(), 0, 0, Map.of());
    }
}
