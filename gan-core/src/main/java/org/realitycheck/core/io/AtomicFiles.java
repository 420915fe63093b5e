package org.realitycheck.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes that never leave partial output: content goes to a temporary file or folder beside the
 * destination, is forced to disk ({@link FileChannel#force}), and is then renamed over it. A reader
 * sees either the old content or the new, never half of one, also after a power cut.
 *
 * <p>Temporary names are short and fixed in form, {@value #TEMP_PREFIX}{@code <pid>-<digits>[.tmp]},
 * so that they fit any legal destination name (a 255-byte name still works) and so that the next
 * write into the same folder recognises and removes the ones a killed run ({@code kill -9}, power
 * cut) left behind: a temporary whose process id is no longer alive is stale.
 */
public final class AtomicFiles {
    /** The prefix of every temporary file and folder this class creates. */
    public static final String TEMP_PREFIX = ".rctmp-";
    /** The prefix of an output's previous content during the instant it is being replaced. */
    public static final String ASIDE_PREFIX = ".rcold-";

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
     * is forced to disk and then moved over {@code target}. On failure the temporary file is removed
     * and {@code target} is untouched.
     *
     * @throws IOException from the writer, or when the folder cannot be written (the exception names it)
     */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Map<Path, StreamWriter> one = new LinkedHashMap<>();
        one.put(target, writer);
        writeAll(one);
    }

    /** Writes a string as UTF-8, atomically. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Writes several files as one unit (for example a model and its training history): every file
     * is written to a temporary and forced to disk before any destination is touched; then each is
     * renamed into place, an existing destination first moved aside so that a failed rename can put
     * it back. A failure in any writer leaves every destination as it was.
     *
     * @param files destinations and their writers, in the order they are renamed; no two the same file
     * @throws IOException from a writer, or when a folder cannot be written
     */
    public static void writeAll(Map<Path, StreamWriter> files) throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>(); // destination -> temporary
        try {
            for (Map.Entry<Path, StreamWriter> e : files.entrySet()) {
                Path abs = destination(e.getKey());
                if (temps.containsKey(abs)) {
                    throw new FileSystemException(e.getKey().toString(), null, "named twice among the outputs of one write");
                }
                Path tmp = createTemp(abs.getParent(), false);
                temps.put(abs, tmp);
                readableByAll(tmp, "rw-r--r--");
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                    e.getValue().write(out);
                    out.flush();
                    ch.force(true);
                } catch (IOException io) {
                    throw named(e.getKey(), io);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            temps.values().forEach(AtomicFiles::deleteQuietly);
            throw e;
        }
        commit(temps);
    }

    /** Renames every temporary into place; on a failed rename, puts back what was already replaced. */
    private static void commit(Map<Path, Path> temps) throws IOException {
        List<Path[]> done = new ArrayList<>(); // {destination, its moved-aside old content or null when it was new}
        try {
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                Path dest = e.getKey();
                Path aside = null;
                if (temps.size() > 1 && Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                    aside = createAside(dest.getParent(), false);
                    move(dest, aside);
                }
                try {
                    move(e.getValue(), dest);
                } catch (IOException | RuntimeException ex) {
                    if (aside != null) {
                        move(aside, dest);
                    }
                    throw ex;
                }
                done.add(new Path[] {dest, aside});
                syncFolder(dest.getParent());
            }
        } catch (IOException | RuntimeException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                Path[] d = done.get(i);
                try {
                    if (d[1] != null) {
                        move(d[1], d[0]);
                    } else {
                        Files.deleteIfExists(d[0]);
                    }
                } catch (IOException ignored) {
                    // keep the first failure; a moved-aside file keeps its temporary name and is found as stale
                }
            }
            temps.values().forEach(AtomicFiles::deleteQuietly);
            throw e;
        }
        for (Path[] d : done) {
            if (d[1] != null) {
                deleteQuietly(d[1]);
            }
        }
    }

    /**
     * Fills a folder atomically: the writer fills a temporary folder beside {@code target}; every
     * file in it is forced to disk; then an existing {@code target} is moved aside, the new folder
     * renamed into place, and the old one deleted. On failure the temporary folder is removed and
     * {@code target} is untouched.
     *
     * @throws IOException from the writer; or when {@code target} exists and is not a folder, is
     *     the file-system root, or its folder cannot be written (the exception names the path)
     */
    public static void writeFolder(Path target, FolderWriter writer) throws IOException {
        Path abs = destination(target);
        Path parent = abs.getParent();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new FileSystemException(abs.toString(), null, "exists and is not a folder");
        }
        Path tmp = createTemp(parent, true);
        try {
            readableByAll(tmp, "rwxr-xr-x");
            try {
                writer.write(tmp);
                syncTree(tmp);
            } catch (IOException io) {
                throw named(target, io);
            }
            if (Files.exists(abs)) {
                Path old = createAside(parent, true);
                Files.delete(old);
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | RuntimeException e) {
                    Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
                    throw e;
                }
                syncFolder(parent);
                // from here the old content is garbage: give it a temporary's name, so that a run killed while
                // deleting a large folder leaves something the next run removes as stale
                Path garbage = createTemp(parent, true);
                Files.delete(garbage);
                Files.move(old, garbage, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(garbage);
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                syncFolder(parent);
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * An I/O failure that names no file ("No space left on device" from a stream) gets the
     * destination's name, so that the user learns which output could not be written.
     */
    private static IOException named(Path destination, IOException io) {
        if (io instanceof FileSystemException fs && fs.getFile() != null) {
            return io;
        }
        FileSystemException named = new FileSystemException(destination.toString(), null,
                io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
        named.initCause(io);
        return named;
    }

    /**
     * The absolute, normalised destination ({@code --out .} is the current folder, not a file
     * named "."); its folder is created when missing and cleared of stale temporaries.
     */
    private static Path destination(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new FileSystemException(target.toString(), null, "is the file-system root; expected a file or folder name");
        }
        Files.createDirectories(abs.getParent());
        removeStale(abs.getParent());
        return abs;
    }

    private static Path createTemp(Path dir, boolean folder) throws IOException {
        String prefix = TEMP_PREFIX + ProcessHandle.current().pid() + "-";
        Path p = folder ? Files.createTempDirectory(dir, prefix) : Files.createTempFile(dir, prefix, ".tmp");
        InFlight.add(p);
        return p;
    }

    /**
     * A name for an existing output's old content while its replacement is renamed into place. It
     * is neither removed as stale nor by the shutdown hook: should the run die between the two
     * renames, this is the user's only copy ({@value #ASIDE_PREFIX}{@code <pid>-...} beside the output).
     */
    private static Path createAside(Path dir, boolean folder) throws IOException {
        String prefix = ASIDE_PREFIX + ProcessHandle.current().pid() + "-";
        return folder ? Files.createTempDirectory(dir, prefix) : Files.createTempFile(dir, prefix, ".old");
    }

    /**
     * The temporaries of writes in progress, removed by a shutdown hook when the JVM is stopped
     * (SIGTERM, Ctrl-C) in the middle of a write; after {@code kill -9} the next write removes them
     * ({@link #removeStale}). A temporary that was renamed into place no longer exists under its
     * name, so the hook cannot touch an output.
     */
    private static final class InFlight {
        private static final java.util.Set<Path> PATHS = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PATHS.forEach(AtomicFiles::deleteQuietly),
                    "realitycheck-remove-temporaries"));
        }

        static void add(Path p) {
            PATHS.add(p);
            // entries of finished writes are dropped lazily: a path that no longer exists is done
            if (PATHS.size() > 64) {
                PATHS.removeIf(q -> !Files.exists(q, LinkOption.NOFOLLOW_LINKS));
            }
        }
    }

    /**
     * Removes the temporaries that a run which is no longer alive left in {@code dir} (after
     * {@code kill -9} or a power cut). Another live run's temporaries are left alone. Best effort:
     * what cannot be removed stays for the next run.
     *
     * @return how many were removed
     */
    public static int removeStale(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path p : s) {
                long pid = pidOf(p.getFileName().toString());
                boolean alive = pid == ProcessHandle.current().pid()
                        || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (pid > 0 && !alive) {
                    deleteQuietly(p);
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable folder: the write that follows reports the real problem
        }
        return removed;
    }

    /** The process id in {@value #TEMP_PREFIX}{@code <pid>-...}, or -1. */
    static long pidOf(String name) {
        int start = TEMP_PREFIX.length();
        int end = name.indexOf('-', start);
        if (!name.startsWith(TEMP_PREFIX) || end <= start) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(start, end));
        } catch (NumberFormatException e) {
            return -1;
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

    /** Forces every regular file under {@code dir}, and the folders themselves, to disk. */
    private static void syncTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        ch.force(true);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                syncFolder(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Forces a folder's entries (a rename) to disk where the platform allows opening a folder. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform or file system: the rename is still atomic
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(p);
            } else {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort; a later run removes it as stale
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
