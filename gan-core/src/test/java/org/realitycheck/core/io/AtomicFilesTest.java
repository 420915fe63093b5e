package org.realitycheck.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void failedWriteLeavesOldContentAndNoTemporaries(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("result.json");
        AtomicFiles.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes());
            throw new IOException("No space left on device");
        })).isInstanceOf(java.nio.file.FileSystemException.class) // a stream's failure names the file it was writing
                .hasMessage(f.toAbsolutePath().normalize() + ": No space left on device");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(Files.getPosixFilePermissions(f)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        try (var s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactly(f);
        }
    }

    @Test
    void folderIsReplacedWholeOrNotAtAll(@TempDir Path tmp) throws IOException {
        Path d = tmp.resolve("out");
        AtomicFiles.writeFolder(d, dir -> Files.writeString(dir.resolve("a.txt"), "1"));
        assertThatThrownBy(() -> AtomicFiles.writeFolder(d, dir -> {
            Files.writeString(dir.resolve("b.txt"), "2");
            throw new IOException("No space left on device");
        })).isInstanceOf(java.nio.file.FileSystemException.class).hasMessage(d + ": No space left on device");
        assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("1");
        assertThat(Files.exists(d.resolve("b.txt"))).isFalse();
        AtomicFiles.writeFolder(d, dir -> Files.writeString(dir.resolve("c.txt"), "3"));
        assertThat(Files.exists(d.resolve("a.txt"))).isFalse();
        assertThat(Files.getPosixFilePermissions(d)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        try (var s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactly(d);
        }
    }

    @Test
    void staleTemporariesOfDeadRunsAreRemovedAndLiveOnesKept(@TempDir Path tmp) throws IOException {
        // a pid above Linux's pid_max (2^22) is never alive: a run that was killed with -9
        Path deadFile = Files.writeString(tmp.resolve(AtomicFiles.TEMP_PREFIX + "2147483646-123.tmp"), "half a model");
        Path deadDir = Files.createDirectories(tmp.resolve(AtomicFiles.TEMP_PREFIX + "2147483646-456").resolve("truth"));
        Files.writeString(deadDir.resolve("a.fits"), "x");
        // pid 1 is always alive: another run's work in progress is left alone
        Path live = Files.writeString(tmp.resolve(AtomicFiles.TEMP_PREFIX + "1-789.tmp"), "in progress");
        Path users = Files.writeString(tmp.resolve(".rctmp-notes.txt"), "the user's own file");
        AtomicFiles.writeString(tmp.resolve("result.json"), "{}");
        assertThat(deadFile).doesNotExist();
        assertThat(deadDir.getParent()).doesNotExist();
        assertThat(live).exists();
        assertThat(users).exists();
    }

    @Test
    void aLegal255ByteNameCanBeWritten(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("m".repeat(251) + ".zip");
        AtomicFiles.writeString(f, "model");
        assertThat(Files.readString(f)).isEqualTo("model");
        Path d = tmp.resolve("d".repeat(255));
        AtomicFiles.writeFolder(d, dir -> Files.writeString(dir.resolve("a"), "1"));
        assertThat(d.resolve("a")).exists();
    }

    @Test
    void severalFilesAreWrittenTogetherOrNotAtAll(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("m.zip");
        Path history = tmp.resolve("h.json");
        AtomicFiles.writeString(model, "old model");
        java.util.Map<Path, AtomicFiles.StreamWriter> both = new java.util.LinkedHashMap<>();
        both.put(model, out -> out.write("new model".getBytes()));
        both.put(history, out -> {
            throw new IOException("No space left on device");
        });
        assertThatThrownBy(() -> AtomicFiles.writeAll(both)).hasMessageContaining("No space left");
        assertThat(Files.readString(model)).isEqualTo("old model");
        assertThat(history).doesNotExist();
        both.put(history, out -> out.write("[]".getBytes()));
        AtomicFiles.writeAll(both);
        assertThat(Files.readString(model)).isEqualTo("new model");
        assertThat(Files.readString(history)).isEqualTo("[]");
        try (var s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactlyInAnyOrder(model, history);
        }
        java.util.Map<Path, AtomicFiles.StreamWriter> same = new java.util.LinkedHashMap<>();
        same.put(model, out -> out.write(1));
        same.put(tmp.resolve(".").resolve("m.zip"), out -> out.write(2));
        assertThatThrownBy(() -> AtomicFiles.writeAll(same)).hasMessageContaining("named twice");
        assertThat(Files.readString(model)).isEqualTo("new model");
    }

    @Test
    void theRootIsRefusedAndDotIsTheFolderItself(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> AtomicFiles.writeFolder(Path.of("/"), dir -> { }))
                .isInstanceOf(java.nio.file.FileSystemException.class).hasMessageContaining("root");
        Path d = tmp.resolve("out");
        AtomicFiles.writeFolder(d.resolve("."), dir -> Files.writeString(dir.resolve("a"), "1"));
        assertThat(d.resolve("a")).exists();
    }
}
