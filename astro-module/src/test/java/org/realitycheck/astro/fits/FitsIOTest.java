package org.realitycheck.astro.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;

class FitsIOTest {
    @TempDir
    Path dir;

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * 1e3);
        }
        x[5] = Float.MIN_VALUE;
        x[6] = -0.0f;
        return x;
    }

    @Test
    void float32RoundTripIsBitExact() throws IOException {
        float[] v = random(64 * 48, 1);
        Path f = dir.resolve("img.fits");
        FitsIO.write(f, new FitsImage(v, 1, 64, 48, 0, Map.of("RC_ID", "gal-1", "SKYSIG", "0.06")));
        FitsImage back = FitsIO.read(f);
        assertThat(back.height()).isEqualTo(64);
        assertThat(back.width()).isEqualTo(48);
        for (int i = 0; i < v.length; i++) {
            assertThat(Float.floatToRawIntBits(back.data()[i])).isEqualTo(Float.floatToRawIntBits(v[i]));
        }
        assertThat(back.keywords()).containsEntry("RC_ID", "gal-1").containsEntry("SKYSIG", "0.06");
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("ORIGIN  = 'realitycheck'");
    }

    @Test
    void cubeRoundTrip() throws IOException {
        float[] v = random(3 * 16 * 16, 2);
        Path f = dir.resolve("cube.fits");
        FitsIO.write(f, new FitsImage(v, 3, 16, 16, 0, Map.of()));
        FitsImage back = FitsIO.read(f);
        assertThat(back.bands()).isEqualTo(3);
        assertThat(back.data()).isEqualTo(v);
    }

    /** Integer data with BSCALE/BZERO and BLANK in an IMAGE extension after an empty primary HDU. */
    @Test
    void scaledIntegersBlankAndSeveralHdus() throws Exception {
        short[][] raw = new short[16][16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raw[y][x] = (short) (y * 16 + x - 100);
            }
        }
        raw[2][3] = -32768;
        Path f = dir.resolve("scaled.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(BasicHDU.getDummyHDU());
            BasicHDU<?> hdu = Fits.makeHDU(raw);
            hdu.getHeader().addValue("BSCALE", 0.5, "");
            hdu.getHeader().addValue("BZERO", 10.0, "");
            hdu.getHeader().addValue("BLANK", -32768, "");
            fits.addHDU(hdu);
            BasicHDU<?> second = Fits.makeHDU(new float[][] {{1, 2}, {3, 4}});
            fits.addHDU(second);
            fits.write(f.toFile());
        }
        List<FitsImage> all = FitsIO.readAll(f);
        assertThat(all).hasSize(2);
        FitsImage img = all.get(0);
        assertThat(img.hdu()).isEqualTo(1);
        assertThat(img.data()[0]).isEqualTo(10 + 0.5f * -100);
        assertThat(img.data()[5 * 16 + 7]).isEqualTo(10 + 0.5f * (5 * 16 + 7 - 100));
        assertThat(img.data()[2 * 16 + 3]).isNaN();
        assertThat(img.missing()).isEqualTo(1);
        assertThat(all.get(1).data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void notFits() throws IOException {
        Path f = dir.resolve("notes.fits");
        Files.writeString(f, "this is not a FITS file at all, just some text that happens to be long enough".repeat(40));
        assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("notes.fits").hasMessageContaining("HDU 0").hasMessageContaining("not a FITS file");
    }

    @Test
    void truncated() throws IOException {
        Path good = dir.resolve("good.fits");
        FitsIO.write(good, FitsImage.of(random(128 * 128, 3), 128, 128));
        byte[] all = Files.readAllBytes(good);
        for (int keep : new int[] {2880 * 3, 2880 * 3 + 1000}) {
            Path f = dir.resolve("cut" + keep + ".fits");
            Files.write(f, Arrays.copyOf(all, keep));
            assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining(f.getFileName().toString()).hasMessageContaining("truncated");
        }
    }

    @Test
    void wrongDimensionality() throws Exception {
        Path f = dir.resolve("spectrum.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(Fits.makeHDU(new float[] {1, 2, 3, 4}));
            fits.write(f.toFile());
        }
        assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("spectrum.fits").hasMessageContaining("HDU 0").hasMessageContaining("NAXIS=1");
    }

    @Test
    void allNan() throws IOException {
        float[] v = new float[16 * 16];
        Arrays.fill(v, Float.NaN);
        Path f = dir.resolve("blank.fits");
        FitsIO.write(f, FitsImage.of(v, 16, 16));
        assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("blank.fits").hasMessageContaining("HDU 0").hasMessageContaining("NaN");
    }

    /** A BITPIX of 12 is not FITS; it used to be read and trained on. */
    @Test
    void illegalBitpixIsRejectedNamingTheKeyword() throws IOException {
        Path f = dir.resolve("bitpix.fits");
        FitsIO.write(f, FitsImage.of(new float[16 * 16], 16, 16));
        byte[] b = Files.readAllBytes(f);
        String card = String.format("%-8s= %20s", "BITPIX", "12");
        System.arraycopy(card.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, b, 80, card.length());
        Files.write(f, b);
        assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ": HDU 0, keyword BITPIX: illegal value 12; expected one of [8, 16, 32, 64, -32, -64]");
    }

    /** The same image and keywords give the same bytes (card order fixed, nothing run-dependent). */
    @Test
    void sameImageGivesIdenticalBytes() throws IOException {
        Map<String, String> kw = new java.util.LinkedHashMap<>();
        for (String k : List.of("RC_ID", "RC_KIND", "BUNIT", "PIXSCALE", "PSFTYPE", "PSFFWHM", "SKYSIG", "REDSHIFT")) {
            kw.put(k, k.equals("RC_ID") ? "gal-1" : k.equals("RC_KIND") ? "galaxy" : "1.5");
        }
        float[] v = new float[32 * 32];
        v[5] = 3;
        FitsIO.write(dir.resolve("a.fits"), new FitsImage(v, 1, 32, 32, 0, kw));
        FitsIO.write(dir.resolve("b.fits"), new FitsImage(v, 1, 32, 32, 0, kw));
        assertThat(Files.readAllBytes(dir.resolve("a.fits"))).isEqualTo(Files.readAllBytes(dir.resolve("b.fits")));
        String header = new String(Files.readAllBytes(dir.resolve("a.fits")), 0, 2880, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(header.indexOf("RC_ID")).isLessThan(header.indexOf("RC_KIND"));
        assertThat(header.indexOf("PSFFWHM")).isLessThan(header.indexOf("SKYSIG")).isLessThan(header.indexOf("REDSHIFT"));
        assertThat(header).doesNotContain("DATE").doesNotContain("Java FITS:").doesNotContain(" UTC ");
    }
}
