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
            throw new IOException("disk full");
        })).hasMessage("disk full");
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
            throw new IOException("bad input");
        })).hasMessage("bad input");
        assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("1");
        assertThat(Files.exists(d.resolve("b.txt"))).isFalse();
        AtomicFiles.writeFolder(d, dir -> Files.writeString(dir.resolve("c.txt"), "3"));
        assertThat(Files.exists(d.resolve("a.txt"))).isFalse();
        assertThat(Files.getPosixFilePermissions(d)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        try (var s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactly(d);
        }
    }
}
