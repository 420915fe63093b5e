package org.realitycheck.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;

/**
 * Zip bombs against the model loaders (a 1.3 MB zip hiding a 1 GiB entry ran out of
 * memory): the declared sizes, the bytes actually inflated and the compression ratio are bounded,
 * each limit named in the message, before anything large is allocated.
 */
class ModelArtifactLimitsTest {
    /** Writes {@code zeros} zero bytes as a deflated entry {@code name}, after the given small entries. */
    static Path zip(Path file, String name, long zeros, String... small) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i + 1 < small.length; i += 2) {
                z.putNextEntry(new ZipEntry(small[i]));
                z.write(small[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                z.write(block, 0, (int) Math.min(block.length, left));
            }
            z.closeEntry();
        }
        return file;
    }

    static final String CARD = "{\"schemaVersion\": 1}";

    @Test
    void anEntryDeclaredAboveTheSizeLimitIsRefusedBeforeInflating(@TempDir Path tmp) throws IOException {
        Path bomb = zip(tmp.resolve("bomb.zip"), ModelArtifact.GENERATOR, ModelArtifact.MAX_ENTRY_BYTES + (1L << 20),
                ModelArtifact.CARD, CARD);
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        assertThatThrownBy(() -> ModelArtifact.load(bomb)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(bomb.toString()).hasMessageContaining("generator.sd")
                .hasMessageContaining("MAX_ENTRY_BYTES");
    }

    @Test
    void aHighlyCompressedEntryIsRefusedByItsRatio(@TempDir Path tmp) throws IOException {
        Path bomb = zip(tmp.resolve("ratio.zip"), ModelArtifact.GENERATOR, 16L << 20, ModelArtifact.CARD, CARD);
        assertThatThrownBy(() -> ModelArtifact.load(bomb)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("generator.sd").hasMessageContaining("MAX_RATIO");
    }

    @Test
    void declaredSizesThatLieAreCaughtWhileInflating(@TempDir Path tmp) throws IOException {
        // the card is the first entry read: 16 MiB of zeros declared as 1000 bytes
        Path bomb = zip(tmp.resolve("liar.zip"), ModelArtifact.CARD, 16L << 20);
        lieAboutSizes(bomb, 1000);
        assertThatThrownBy(() -> ModelArtifact.load(bomb)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("card.json").hasMessageContaining("MAX_RATIO");
        // a DL4J ModelSerializer zip goes through DL4J's own reader: it is inflated and counted first
        Path dl4j = zip(tmp.resolve("dl4j.zip"), "coefficients.bin", 16L << 20, "configuration.json", "{}");
        lieAboutSizes(dl4j, 1000);
        assertThatThrownBy(() -> ModelArtifact.load(dl4j)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("coefficients.bin");
    }

    @Test
    void theShippedSizesAreFarInsideTheLimits() {
        // the largest shipped entry is 1.6 MB at a ratio of 1.09 (models/astro-default.zip, generator.sd)
        assertThat(ModelArtifact.MAX_ENTRY_BYTES).isGreaterThan(100 * 1_600_000);
        assertThat(ModelArtifact.MAX_RATIO).isGreaterThan(50);
    }

    /** Rewrites every local and central header's uncompressed size field to {@code size} (APPNOTE 4.3.7, 4.3.12). */
    static void lieAboutSizes(Path zip, int size) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= b.limit(); i++) {
            int sig = b.getInt(i);
            if (sig == 0x04034b50 && i + 26 <= b.limit() && (b.getShort(i + 6) & 8) == 0) {
                b.putInt(i + 22, size);
            } else if (sig == 0x02014b50 && i + 28 <= b.limit()) {
                b.putInt(i + 24, size);
            } else if (sig == 0x08074b50 && i + 16 <= b.limit()) {
                b.putInt(i + 12, size); // data descriptor
            }
        }
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(b.array());
        }
    }
}
