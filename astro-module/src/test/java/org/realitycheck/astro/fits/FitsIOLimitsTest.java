package org.realitycheck.astro.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;

/**
 * What a FITS header may make the reader allocate: the NAXIS product is bounded and must
 * fit in the file, checked before the data is read. Headers are written card by card here, as the
 * FITS standard (4.0, section 4) lays them out, so the test does not depend on the writer under test.
 */
class FitsIOLimitsTest {
    /** A header of 80-character cards padded to a 2880-byte block, then {@code dataBytes} zero bytes padded to 2880. */
    static Path fits(Path file, long dataBytes, String... cards) throws IOException {
        StringBuilder h = new StringBuilder();
        for (String c : cards) {
            h.append(String.format("%-80s", c));
        }
        h.append(String.format("%-80s", "END"));
        while (h.length() % 2880 != 0) {
            h.append(' ');
        }
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        long padded = (dataBytes + 2879) / 2880 * 2880;
        byte[] all = Arrays.copyOf(head, (int) (head.length + padded));
        Files.write(file, all);
        return file;
    }

    static String card(String key, String value) {
        return String.format("%-8s= %20s", key, value);
    }

    @Test
    void aHugeAxisProductIsRefusedNamingTheLimitBeforeAllocating(@TempDir Path tmp) throws IOException {
        // 30000 × 30000 float32 would be 3.6 GB; the file holds one block of data
        Path f = fits(tmp.resolve("huge.fits"), 2880, card("SIMPLE", "T"), card("BITPIX", "-32"), card("NAXIS", "2"),
                card("NAXIS1", "30000"), card("NAXIS2", "30000"));
        assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("900000000 values")
                .hasMessageContaining("limit of 67108864");
    }

    @Test
    void naxisLargerThanTheDataIsTruncationNotAnAllocation(@TempDir Path tmp) throws IOException {
        // 4000 × 4000 float32 = 64 MB declared, 2880 bytes present: under the value limit, over the file
        Path f = fits(tmp.resolve("short.fits"), 2880, card("SIMPLE", "T"), card("BITPIX", "-32"), card("NAXIS", "2"),
                card("NAXIS1", "4000"), card("NAXIS2", "4000"));
        assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("truncated").hasMessageContaining("64000000 bytes");
    }

    @Test
    void aFileThatHoldsItsDataIsStillRead(@TempDir Path tmp) throws IOException {
        Path f = fits(tmp.resolve("ok.fits"), 4 * 3 * 5, card("SIMPLE", "T"), card("BITPIX", "-32"), card("NAXIS", "2"),
                card("NAXIS1", "5"), card("NAXIS2", "3"));
        FitsImage img = FitsIO.read(f);
        assertThat(img.width()).isEqualTo(5);
        assertThat(img.height()).isEqualTo(3);
        assertThat(img.data()).containsOnly(0f);
    }

    @Test
    void anAbsurdNaxisIsRefusedBeforeTheLibraryAllocatesItsAxes(@TempDir Path tmp) throws IOException {
        // found by fuzzing (cli FuzzTest, fits/regressions): nom-tam-fits allocated int[2147483647] and ran out of memory
        Path f = fits(tmp.resolve("naxis.fits"), 2880, card("SIMPLE", "T"), card("BITPIX", "-32"), card("NAXIS", "2147483647"),
                card("NAXIS1", "32"), card("NAXIS2", "32"));
        assertThatThrownBy(() -> FitsIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("NAXIS").hasMessageContaining("0 to 999");
    }
}
