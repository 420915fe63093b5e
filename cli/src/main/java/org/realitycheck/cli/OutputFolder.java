package org.realitycheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.realitycheck.core.io.AtomicFiles;

/**
 * A folder of outputs written as one unit ({@link AtomicFiles#writeFolder}) and marked as ours with
 * {@value #MARKER}, so that a later run replaces it only when it is a realitycheck output (or empty):
 * an existing folder of the user's own files is never replaced.
 */
final class OutputFolder {
    /** The marker file every output folder holds. */
    static final String MARKER = ".realitycheck-output";

    private OutputFolder() {
    }

    /**
     * Refuses an {@code --out} that would destroy something that is not ours, before any work starts.
     *
     * @throws UsageException naming the folder and what to do
     */
    static void checkReplaceable(Path out, String option) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new UsageException(option + " " + out + ": cannot write outputs to the file-system root");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UsageException(option + " " + out + ": exists and is a file; expected a folder to create");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new UsageException(option + " " + out + ": " + p + " is a file, not a folder");
            }
        }
        if (Files.isDirectory(abs) && !Files.exists(abs.resolve(MARKER))) {
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new UsageException(option + " " + out + ": exists and is not a realitycheck output folder (no "
                            + MARKER + "); choose another folder or remove it");
                }
            }
        }
    }

    /** Fills {@code out} atomically and marks it. */
    static void write(Path out, AtomicFiles.FolderWriter writer) throws IOException {
        AtomicFiles.writeFolder(out, dir -> {
            writer.write(dir);
            Files.writeString(dir.resolve(MARKER), "written by realitycheck; a later run may replace this folder\n");
        });
    }
}
