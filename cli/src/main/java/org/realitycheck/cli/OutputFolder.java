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
        checkReplaceable(out, option, false);
    }

    /**
     * Refuses an {@code --out} that would destroy something that is not ours (unless {@code force}),
     * or that cannot be written, before any work starts: the root, an existing file or other
     * non-folder, a file on the path, a folder that cannot be written.
     *
     * @param force replace an existing folder of the user's own files (the command's {@code --force})
     * @throws UsageException naming the folder and what to do
     */
    static void checkReplaceable(Path out, String option, boolean force) throws IOException {
        Path abs = Outputs.checkPath(out, option);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UsageException(option + " " + out + ": exists and is " + (Files.isRegularFile(abs) ? "a file" : "not a folder")
                    + "; expected a folder to create");
        }
        if (!force && Files.isDirectory(abs) && !Files.exists(abs.resolve(MARKER))) {
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new UsageException(option + " " + out + ": exists and is not a realitycheck output folder (no "
                            + MARKER + "); choose another folder, or add --force to replace it and everything in it");
                }
            }
        }
        Outputs.probe(abs, out, option);
    }

    /** Fills {@code out} atomically and marks it. */
    static void write(Path out, AtomicFiles.FolderWriter writer) throws IOException {
        AtomicFiles.writeFolder(out, dir -> {
            writer.write(dir);
            Files.writeString(dir.resolve(MARKER), "written by realitycheck; a later run may replace this folder\n");
        });
    }
}
