package org.realitycheck.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes that never leave partial output: content goes to a temporary file or folder beside the
 * destination, which is then renamed over it. A reader sees either the old content or the new,
 * never half of one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes one file's content. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Fills a folder. */
    @FunctionalInterface
    public interface FolderWriter {
        void write(Path folder) throws IOException;
    }

    /**
     * Writes {@code target} atomically: the writer fills a temporary file in the same folder, which
     * is then moved over {@code target}. On failure the temporary file is removed and {@code target}
     * is untouched.
     */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            readableByAll(tmp, "rw-r--r--");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            move(tmp, abs);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes a string as UTF-8, atomically. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Fills a folder atomically: the writer fills a temporary folder beside {@code target}; then an
     * existing {@code target} is moved aside, the new folder renamed into place, and the old one
     * deleted. On failure the temporary folder is removed and {@code target} is untouched.
     */
    public static void writeFolder(Path target, FolderWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException(abs + ": exists and is not a folder");
        }
        Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".");
        try {
            readableByAll(tmp, "rwxr-xr-x");
            writer.write(tmp);
            if (Files.exists(abs)) {
                Path old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old.");
                Files.delete(old);
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * Temporary files are created owner-only (0600/0700); outputs such as models, data sets and
     * reports are meant to be shared, so they get ordinary permissions before the rename.
     */
    private static void readableByAll(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
