package org.realitycheck.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.realitycheck.core.io.AtomicFiles;

/**
 * Checks on an output path made <em>before</em> any expensive work starts (training, simulation,
 * validation), so that a user learns in a second, not after an hour, that the result could not be
 * written. Nothing is created by the checks: a probe file in the nearest existing folder is
 * created and removed at once.
 */
final class Outputs {
    private Outputs() {
    }

    /**
     * An output file ({@code --out MODEL.zip}, {@code --history}, {@code --json}, {@code --out report.html}).
     *
     * @return the absolute, normalised path
     * @throws UsageException when it is the root or a folder, exists as something other than a regular
     *     file, has a file where a folder should be on its path, or its folder is not writable
     */
    static Path checkFile(Path out, String option) {
        Path abs = checkPath(out, option);
        if (Files.isDirectory(abs)) {
            throw new UsageException(option + " " + out + ": is a folder; expected a file name inside it or elsewhere");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs)) {
            throw new UsageException(option + " " + out + ": exists and is not a regular file (a FIFO, device or socket)");
        }
        probe(abs, out, option);
        return abs;
    }

    /** What a command writes into an output file, and how to recognise an earlier one (rule 3 of {@link OutputFolder}). */
    enum Written {
        /** A model artifact: a zip holding card.json. */
        MODEL("a realitycheck model artifact (a zip holding card.json)"),
        /** A training history: JSON starting with {"steps". */
        HISTORY("a realitycheck training history (JSON with \"steps\")"),
        /** An HTML validation report. */
        REPORT("a realitycheck HTML report"),
        /** compare.html or compare.md. */
        COMPARISON("a realitycheck comparison (compare.html or compare.md)");

        final String description;

        Written(String description) {
            this.description = description;
        }
    }

    /**
     * Rule 3 of {@link OutputFolder}'s output rule: an existing, non-empty {@code abs} is replaced
     * only when it is what this command writes, so that {@code report --out thesis.tex} or
     * {@code train --out notes.zip} never destroys a file of the user's.
     *
     * @throws UsageException naming the file and what it would have to be
     */
    static void checkOurs(Path abs, Path out, String option, Written what) {
        try {
            if (!Files.isRegularFile(abs) || Files.size(abs) == 0 || isOurs(abs, what)) {
                return;
            }
        } catch (IOException e) {
            throw new UsageException(option + " " + out + ": cannot read the existing file (" + e.getMessage() + ")");
        }
        throw new UsageException(option + " " + out + ": exists and is not " + what.description
                + "; realitycheck replaces only files it wrote; choose another name or remove it yourself");
    }

    private static boolean isOurs(Path file, Written what) throws IOException {
        switch (what) {
            case MODEL -> {
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
                    return z.getEntry("card.json") != null;
                } catch (java.util.zip.ZipException e) {
                    return false;
                }
            }
            case HISTORY -> {
                return head(file, 256).replaceAll("\\s", "").startsWith("{\"steps\"");
            }
            case REPORT -> {
                String h = head(file, 1 << 20);
                return h.startsWith("<!DOCTYPE html>") && h.contains("realitycheck validation report");
            }
            case COMPARISON -> {
                String h = head(file, 1 << 20);
                return h.startsWith("### realitycheck compare:")
                        || h.startsWith("<!DOCTYPE html>") && h.contains("realitycheck comparison");
            }
            default -> throw new IllegalStateException(what.name());
        }
    }

    private static String head(Path file, int max) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(max), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The path-level checks every output shares: not the root, no file where a folder should be.
     *
     * @return the absolute, normalised path
     */
    static Path checkPath(Path out, String option) {
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new UsageException(option + " " + out + ": is the file-system root; give a name to write");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new UsageException(option + " " + out + ": " + p + " is a file, not a folder");
            }
        }
        return abs;
    }

    /**
     * Creates and removes a probe file in the nearest existing folder above {@code abs}: the one
     * honest test of "writable" (permissions, a read-only mount, root's privileges, ACLs).
     */
    static void probe(Path abs, Path out, String option) {
        Path dir = abs.getParent();
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new UsageException(option + " " + out + ": no existing folder above it");
        }
        try {
            Path p = Files.createTempFile(dir, AtomicFiles.TEMP_PREFIX + ProcessHandle.current().pid() + "-", ".tmp");
            Files.delete(p);
        } catch (AccessDeniedException e) {
            throw new UsageException(option + " " + out + ": cannot write in " + dir + " (permission denied)");
        } catch (FileSystemException e) {
            throw new UsageException(option + " " + out + ": cannot write in " + dir + " ("
                    + (e.getReason() == null ? "not writable" : e.getReason()) + ")");
        } catch (IOException e) {
            throw new UsageException(option + " " + out + ": cannot write in " + dir + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Two outputs of one command must be different files: {@code train --history M --out M} would
     * otherwise replace the model with its history.
     */
    static void checkDistinct(Path a, String optionA, Path b, String optionB) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        boolean same = x.equals(y);
        if (!same && Files.exists(x) && Files.exists(y)) {
            try {
                same = Files.isSameFile(x, y);
            } catch (IOException e) {
                same = false;
            }
        }
        if (same) {
            throw new UsageException(optionB + " " + b + " and " + optionA + " " + a
                    + " name the same file; one would replace the other; give two different files");
        }
    }
}
