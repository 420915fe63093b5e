package org.realitycheck.astro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.realitycheck.astro.data.AstroDataLoader;
import org.realitycheck.astro.data.AstroDataWriter;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/** A user's own astro folder: catalog CSV dialects, values checked where they enter, kinds and instrument from the data. */
class AstroDataLoaderTest {
    private static final AstroDomain ASTRO = new AstroDomain();
    /** 3 galaxies, 2 empty fields, 1 injection, in the simulate layout. */
    private static SampleSet set;

    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() {
        set = ASTRO.data().simulate(6, 11, Map.of("empty-fraction", "0.34", "injected-fraction", "0.17"));
    }

    private Path written() throws IOException {
        Path out = dir.resolve("data");
        AstroDataWriter.write(set, out);
        return out;
    }

    /** The catalog as rows of fields (our writer quotes nothing, so a split is exact here). */
    private static List<String[]> rows(Path folder) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(folder.resolve("catalog.csv"))) {
            out.add(l.split(",", -1));
        }
        return out;
    }

    private static Sample byId(String id) {
        return set.samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static int col(List<String[]> rows, String name) {
        return List.of(rows.get(0)).indexOf(name);
    }

    private static void writeCatalog(Path folder, String text) throws IOException {
        Files.write(folder.resolve("catalog.csv"), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pythonStyleCatalogWithBomCrlfQuotesBlankLinesAndExtraColumnsLoads() throws IOException {
        Path out = written();
        List<String[]> rows = rows(out);
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", rows.get(0))).append(",source,mag\r\n\r\n");
        for (int i = 1; i < rows.size(); i++) {
            sb.append(String.join(",", rows.get(i))).append(",\"SDSS DR7, \"\"stripe 82\"\"\",").append(17 + i).append("\r\n");
            if (i == 2) {
                sb.append("\r\n");
            }
        }
        writeCatalog(out, sb.toString());
        SampleSet back = ASTRO.data().load(out);
        assertThat(back.size()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            Sample s = back.get(i);
            assertThat(s.id()).isEqualTo(set.get(i).id());
            assertThat(s.kind()).isEqualTo(set.get(i).kind());
            assertThat(s.condition()).isEqualTo(set.get(i).condition());
            assertThat(s.metadata()).containsEntry("source", "SDSS DR7, \"stripe 82\"");
            assertThat(s.covariate("mag").getAsDouble()).isEqualTo(18.0 + i);
        }
        assertThat(back.notes()).anyMatch(n -> n.startsWith("catalog text columns kept as sample metadata: ") && n.contains("source"))
                .anyMatch(n -> n.contains("covariates") && n.contains("mag"));
        assertThat(back.assumptions()).isEmpty();
    }

    /**
     * docs/data.md's own example, read from the page: a catalog whose ids are catalog names (J0912+0252), the
     * first cut-out with the header it shows, the others without one (their PSF is then assumed, loudly).
     */
    @Test
    void theExampleOfDocsDataMdLoadsAsWritten() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("..", "docs", "data.md"));
        int from = doc.indexOf("my-cutouts/catalog.csv:") + 1;
        assertThat(from).as("docs/data.md still has its example").isPositive();
        List<String> catalog = new ArrayList<>();
        for (int i = from; !doc.get(i).startsWith("my-cutouts/"); i++) {
            catalog.add(doc.get(i).strip());
        }
        Path out = dir.resolve("my-cutouts");
        Files.createDirectories(out.resolve("degraded"));
        writeCatalog(out, String.join("\n", catalog) + "\n");
        List<Sample> galaxies = set.samples().stream().filter(x -> !x.kind().equals("empty")).toList();
        Sample sky = set.samples().stream().filter(x -> x.kind().equals("empty")).findFirst().orElseThrow();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("SEEING", "1.41");
        header.put("PIXSCALE", "0.396");
        header.put("SKYSIG", "0.058");
        FitsIO.write(out.resolve("degraded/J0912+0252.fits"), new FitsImage(galaxies.get(0).condition(), 1, 64, 64, 0, header));
        FitsIO.write(out.resolve("degraded/J0913+0301.fits"), new FitsImage(galaxies.get(1).condition(), 1, 64, 64, 0, Map.of()));
        FitsIO.write(out.resolve("degraded/sky-0001.fits"), new FitsImage(sky.condition(), 1, 64, 64, 0, Map.of()));

        SampleSet back = ASTRO.data().load(out);
        assertThat(back.samples()).extracting(Sample::id).containsExactly("J0912+0252", "J0913+0301", "sky-0001");
        assertThat(back.samples()).extracting(Sample::kind).containsExactly("galaxy", "galaxy", "empty");
        assertThat(back.get(0).covariate("redshift").getAsDouble()).isEqualTo(0.047);
        assertThat(back.get(0).covariate("psf_fwhm_pix").getAsDouble()).isCloseTo(1.41 / 0.396, within(1e-9));
        assertThat(back.get(2).metadata()).containsEntry("source", "blank field, 2' from J0912+0252");
        assertThat(back.assumptions()).singleElement().asString().startsWith("PSF assumed").contains("2 of 3 samples");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../up", "a/b", "a\\b", ".hidden", "a:b", "a*b", "a?b", "a|b", "a<b"})
    void anIdThatDoesNotNameOneFileIsRejectedSayingWhy(String id) throws IOException {
        Path out = written();
        List<String[]> rows = rows(out);
        rows.get(1)[col(rows, "id")] = "\"" + id + "\"";
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(String.join(",", r)).append('\n'));
        writeCatalog(out, sb.toString());
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("catalog.csv").hasMessageContaining("line 2, column id")
                .hasMessageContaining("expected an id that names a file");
    }

    @Test
    void metadataRoundTripsThroughTheWriter() throws IOException {
        List<Sample> withMeta = new ArrayList<>();
        for (Sample s : set) {
            withMeta.add(new Sample(s.id(), s.kind(), s.condition(), s.target().orElse(null), s.covariates(),
                    Map.of("source", "a, \"b\"")));
        }
        Path out = dir.resolve("meta");
        AstroDataWriter.write(new SampleSet(withMeta, set.conditionShape(), set.targetShape()), out);
        SampleSet back = ASTRO.data().load(out);
        assertThat(back.get(3).metadata()).containsEntry("source", "a, \"b\"");
        assertThat(back.get(3).covariates()).isEqualTo(set.get(3).covariates());
    }

    @Test
    void blankLinesKeepLineNumbersRight() throws IOException {
        Path out = written();
        List<String[]> rows = rows(out);
        int z = col(rows, "redshift");
        rows.get(2)[z] = "abc";
        String text = String.join(",", rows.get(0)) + "\n\n" + String.join(",", rows.get(1)) + "\n\n" + String.join(",", rows.get(2)) + "\n";
        writeCatalog(out, text);
        // header on line 1, blank, row on 3, blank, bad row on 5
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("catalog.csv: line 5, column redshift: expected a number, got 'abc'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "NaN", "1e300", "-5"})
    void impossibleRedshiftIsRejectedWithFileLineAndColumn(String z) throws IOException {
        Path out = written();
        List<String[]> rows = rows(out);
        rows.get(3)[col(rows, "redshift")] = z;
        writeCatalog(out, rows.stream().map(r -> String.join(",", r)).reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(out.resolve("catalog.csv") + ": line 4, column redshift: expected a");
    }

    @Test
    void duplicateHeaderColumnIsRejectedNamingTheColumn() throws IOException {
        Path out = written();
        List<String[]> rows = rows(out);
        StringBuilder sb = new StringBuilder(String.join(",", rows.get(0))).append(",redshift\n");
        for (int i = 1; i < rows.size(); i++) {
            sb.append(String.join(",", rows.get(i))).append(",0.1\n");
        }
        writeCatalog(out, sb.toString());
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 1").hasMessageContaining("duplicate column 'redshift'");
    }

    @Test
    void unknownKindIsRejectedListingTheKnownOnes() throws IOException {
        Path out = written();
        List<String[]> rows = rows(out);
        rows.get(2)[1] = "quasar";
        writeCatalog(out, rows.stream().map(r -> String.join(",", r)).reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3, column kind: unknown kind 'quasar'; known: galaxy, empty, injected");
    }

    @Test
    void rowWithoutItsFitsFileIsNamedByRowAndFile() throws IOException {
        Path out = written();
        String id = set.get(4).id();
        Files.delete(out.resolve("degraded").resolve(id + ".fits"));
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("catalog.csv: line 6: row '" + id + "' has no degraded image")
                .hasMessageContaining(id + ".fits");
    }

    @Test
    void duplicateIdNamesTheFileAndBothLines() throws IOException {
        Path out = written();
        List<String[]> rows = rows(out);
        rows.get(4)[0] = rows.get(2)[0];
        writeCatalog(out, rows.stream().map(r -> String.join(",", r)).reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(out.resolve("catalog.csv") + ": line 5, column id: duplicate id '" + rows.get(2)[0]
                        + "' (first on line 3)");
    }

    @Test
    void wrongFieldCountNamesTheLine() throws IOException {
        Path out = written();
        List<String> lines = Files.readAllLines(out.resolve("catalog.csv"));
        lines.set(2, lines.get(2) + ",extra");
        writeCatalog(out, String.join("\n", lines));
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3: expected " + rows(written2()).get(0).length + " fields");
    }

    private Path written2() throws IOException {
        Path out = dir.resolve("data2");
        AstroDataWriter.write(set, out);
        return out;
    }

    /** Writes the degraded images with only the given header keywords, no catalog, no truth. */
    private Path bareFolder(Map<String, String> keywords) throws IOException {
        Path out = dir.resolve("bare");
        Files.createDirectories(out);
        for (Sample s : set) {
            FitsIO.write(out.resolve(s.id() + ".fits"), new FitsImage(s.condition(), 1, 64, 64, 0, keywords));
        }
        return out;
    }

    @Test
    void withoutCatalogKindsComeFromTheDetectionRuleAndTheNotesSaySo() throws IOException {
        SampleSet back = ASTRO.data().load(bareFolder(Map.of("SKYSIG", "0.06")));
        assertThat(back.size()).isEqualTo(6);
        for (Sample s : back) {
            assertThat(s.hasTarget()).isFalse();
            String want = byId(s.id()).kind().equals("empty") ? "empty" : "galaxy";
            assertThat(s.kind()).as(s.id()).isEqualTo(want);
        }
        assertThat(back.notes()).anyMatch(n -> n.startsWith("kind of 6 of 6 samples from the detection rule"))
                .anyMatch(n -> n.contains("no truth images"));
    }

    @Test
    void withoutCatalogKindsComeFromRcKindWhenTheHeaderHasIt() throws IOException {
        Path out = written();
        Files.delete(out.resolve("catalog.csv"));
        SampleSet back = ASTRO.data().load(out);
        for (Sample s : back) {
            assertThat(s.kind()).isEqualTo(byId(s.id()).kind());
            assertThat(s.hasTarget()).isTrue();
        }
        assertThat(back.notes()).anyMatch(n -> n.equals("kind of 6 of 6 samples from the header keyword RC_KIND"));
    }

    @Test
    void headerPsfInArcsecWithWcsScaleIsReadAndNothingIsAssumed() throws IOException {
        // CD matrix of a 0.2"/px image rotated by 30 degrees
        double s = 0.2 / 3600;
        double c = Math.cos(Math.toRadians(30));
        double n = Math.sin(Math.toRadians(30));
        Map<String, String> kw = new LinkedHashMap<>();
        kw.put("CD1_1", Double.toString(-s * c));
        kw.put("CD1_2", Double.toString(s * n));
        kw.put("CD2_1", Double.toString(s * n));
        kw.put("CD2_2", Double.toString(s * c));
        kw.put("SEEING", "0.94");
        SampleSet back = ASTRO.data().load(bareFolder(kw));
        assertThat(back.get(0).covariate("psf_fwhm_pix").getAsDouble()).isCloseTo(4.7, within(1e-9));
        assertThat(back.get(0).covariate("pixel_scale").getAsDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(back.assumptions()).isEmpty();
        assertThat(back.notes()).contains("PSF FWHM of 6 of 6 samples from header SEEING (arcsec)",
                "pixel scale of 6 of 6 samples from header WCS CD matrix",
                "sky sigma of 6 of 6 samples from the image (robust noise estimate)");
    }

    @Test
    void withoutAnyPsfTheDefaultIsAssumedLoudly() throws IOException {
        SampleSet back = ASTRO.data().load(bareFolder(Map.of()));
        assertThat(back.get(0).covariate("psf_fwhm_pix").getAsDouble()).isCloseTo(1.4 / 0.396, within(1e-9));
        assertThat(back.assumptions()).singleElement().asString().startsWith("PSF assumed, not read: Gaussian FWHM 3.54 px")
                .contains("6 of 6 samples");
    }

    @Test
    void psfFitsBesideTheDataGivesTheFwhm() throws IOException {
        Path out = bareFolder(Map.of());
        float[] stamp = org.realitycheck.astro.degrade.Psf.gaussian(4.7).stamp(31, 1, true);
        FitsIO.write(out.resolve("psf.fits"), FitsImage.of(stamp, 31, 31));
        SampleSet back = ASTRO.data().load(out);
        assertThat(back.size()).isEqualTo(6);
        // second moments of a pixel-integrated Gaussian, pixel width removed: within 2% of the true FWHM
        assertThat(back.get(0).covariate("psf_fwhm_pix").getAsDouble()).isCloseTo(4.7, within(0.1));
        assertThat(back.assumptions()).isEmpty();
        assertThat(back.notes()).anyMatch(x -> x.startsWith("PSF FWHM of 6 of 6 samples from psf.fits"));
    }

    @Test
    void impossibleHeaderValuesAreRejectedNamingTheKeyword() throws IOException {
        Path neg = bareFolder(Map.of("SKYSIG", "-1"));
        assertThatThrownBy(() -> ASTRO.data().load(neg)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("HDU 0, keyword SKYSIG: expected a value > 0, got -1.0");
    }

    @Test
    void mostlyBlankCutoutsAreDroppedAndCountedAndTooManyIsAnError() throws IOException {
        List<Sample> many = new ArrayList<>();
        SampleSet big = ASTRO.data().simulate(24, 5, Map.of());
        for (int i = 0; i < big.size(); i++) {
            Sample s = big.get(i);
            float[] c = s.condition();
            if (i == 7) {
                java.util.Arrays.fill(c, 0, c.length * 3 / 4, Float.NaN);
            }
            many.add(new Sample(s.id(), s.kind(), c, s.target().orElseThrow(), s.covariates()));
        }
        Path out = dir.resolve("edge");
        AstroDataWriter.write(new SampleSet(many, big.conditionShape(), big.targetShape()), out);
        SampleSet back = ASTRO.data().load(out);
        assertThat(back.size()).isEqualTo(23);
        assertThat(back.notes()).anyMatch(n -> n.startsWith("1 of 24 samples dropped") && n.contains(big.get(7).id()));
        // a second blank one: 2 of 24 > 5%
        float[] nan = new float[64 * 64];
        java.util.Arrays.fill(nan, Float.NaN);
        nan[0] = 1;
        FitsIO.write(out.resolve("degraded").resolve(big.get(3).id() + ".fits"), new FitsImage(nan, 1, 64, 64, 0, Map.of()));
        assertThatThrownBy(() -> ASTRO.data().load(out)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("2 of 24 samples would be dropped (more than 5%)");
    }

    @Test
    void dataOptionsFillInWhatTheDataDoesNotSayAndNeverOverrideIt() throws IOException {
        Path bare = bareFolder(Map.of());
        SampleSet back = AstroDataLoader.load(bare, Map.of("psf-fwhm-arcsec", "1.0", "pixel-scale", "0.25", "sky-sigma", "0.07"));
        assertThat(back.get(0).covariate("psf_fwhm_pix").getAsDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(back.get(0).covariate("sky_sigma").getAsDouble()).isEqualTo(0.07);
        assertThat(back.assumptions()).isEmpty();
        assertThat(back.notes()).contains("PSF FWHM of 6 of 6 samples from --data-option psf_fwhm_arcsec (arcsec)",
                "pixel scale of 6 of 6 samples from --data-option pixel_scale");
        Path seeing = dir.resolve("seeing");
        Files.createDirectories(seeing);
        FitsIO.write(seeing.resolve("x.fits"), new FitsImage(set.get(0).condition(), 1, 64, 64, 0,
                Map.of("FWHM", "3.0")));
        assertThat(AstroDataLoader.load(seeing, Map.of("psf_fwhm_pix", "4.7")).get(0).covariate("psf_fwhm_pix").getAsDouble())
                .isEqualTo(3.0);
        assertThatThrownBy(() -> ASTRO.data().load(bare, Map.of("seeing", "1.2"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown data option 'seeing'; known: psf-fwhm-pix, psf-fwhm-arcsec, pixel-scale, sky-sigma, psf-type, "
                        + "moffat-beta");
        assertThatThrownBy(() -> ASTRO.data().load(bare, Map.of("sky-sigma", "-1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a value > 0, got -1.0");
    }
}
