package org.realitycheck.calo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;

/** The NumPy files: byte layout of the header, round trip, and clear errors on malformed files. */
class ShowerFilesTest {
    @Test
    void theHeaderIsNumpysVersion1LayoutPaddedTo64Bytes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.npy");
        Npy.write(f, new float[][] {{1, 2, 3}, {4, 5, 6}}, 3);
        byte[] b = Files.readAllBytes(f);
        assertThat(b[0] & 0xff).isEqualTo(0x93);
        assertThat(new String(b, 1, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertThat((10 + headerLen) % 64).isZero();
        String header = new String(b, 10, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat(b.length).isEqualTo(10 + headerLen + 6 * 4);
        assertThat(Npy.read(f)).isDeepEqualTo(new float[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void aTruncatedFileIsRejectedNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("showers.npy");
        Npy.write(f, new float[][] {{1, 2}}, 2);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 3));
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(BadInputException.class).hasMessageContaining("showers.npy")
                .hasMessageContaining("bytes");
    }

    @Test
    void aFolderWithoutShowersIsRejectedNamingTheMissingFile(@TempDir Path dir) throws IOException {
        Npy.write(dir.resolve(ShowerFiles.ENERGIES), new float[][] {{1000}}, 1);
        assertThatThrownBy(() -> ShowerFiles.read(dir, 360)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(ShowerFiles.SHOWERS);
    }

    @Test
    void aShowerOfTheWrongCellCountIsRejected(@TempDir Path dir) throws IOException {
        Npy.write(dir.resolve(ShowerFiles.ENERGIES), new float[][] {{1000}}, 1);
        Npy.write(dir.resolve(ShowerFiles.SHOWERS), new float[][] {{1, 2}}, 2);
        assertThatThrownBy(() -> ShowerFiles.read(dir, 360)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("360 cells");
    }
}
