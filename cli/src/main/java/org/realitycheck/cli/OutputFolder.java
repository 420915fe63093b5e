package org.realitycheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.realitycheck.core.io.AtomicFiles;

/**
 * A folder of outputs written as one unit ({@link AtomicFiles#writeFolder}) and marked as ours, so
 * that a later run replaces it only when an earlier run of the same kind wrote it (or it is empty).
 *
 * <p><b>The output rule.</b> realitycheck never deletes or overwrites a file that it did not write,
 * in this run or in an earlier run of the same kind:
 * <ol>
 *   <li>an output never contains, nor lies inside, nor is, an input of the same run (the data
 *       folder, the policy, the model, the card, the baseline, the recipe, a result.json read);
 *       checked on real paths, so a symbolic link does not hide it ({@link Inputs#checkApart});</li>
 *   <li>an existing output folder is replaced only when it carries the marker of its kind:
 *       {@value #MARKER} for report folders ({@code validate}, {@code demo}), {@value #DATA_MARKER}
 *       for data folders ({@code simulate}). A data folder is an input of later runs and is never
 *       replaced by a report, nor a report folder by {@code simulate};</li>
 *   <li>an existing output file is replaced only when it is what the command writes: a model
 *       artifact for {@code train --out}, a history for {@code --history}, a realitycheck HTML
 *       report for {@code report --out}, a comparison for {@code compare --out}
 *       ({@link Outputs#checkOurs}).</li>
 * </ol>
 * {@code --force} ({@code validate}, {@code simulate}, {@code demo}) is the one way to replace a
 * folder of other files, and only by the user's explicit consent; it never overrides rule 1 (an
 * input is refused with or without it) nor the kinds of rule 2 (a data folder stays a data folder).
 */
final class OutputFolder {
    /** The marker every report output folder (validate, demo) holds. */
    static final String MARKER = ".realitycheck-output";
    /** The marker every data folder {@code simulate} writes holds: an input of later runs, never replaced by a report. */
    static final String DATA_MARKER = ".realitycheck-data";

    /** What wrote a folder. */
    enum Kind {
        /** validate and demo: result.json, reports; replaceable by the next run of its kind. */
        REPORT(MARKER, "a realitycheck report folder"),
        /** simulate: a data set, the input of later runs. */
        DATA(DATA_MARKER, "a data folder written by 'realitycheck simulate'");

        final String marker;
        final String description;

        Kind(String marker, String description) {
            this.marker = marker;
            this.description = description;
        }
    }

    private OutputFolder() {
    }

    /**
     * As {@link #checkReplaceable(Path, String, boolean, Kind, Map)} for a report folder with no inputs to keep apart.
     *
     * @throws UsageException naming the folder and what to do
     */
    static void checkReplaceable(Path out, String option, boolean force) throws IOException {
        checkReplaceable(out, option, force, Kind.REPORT, Map.of());
    }

    /**
     * Refuses an {@code --out} that would destroy something that is not ours (the class's rule),
     * or that cannot be written, before any work starts: an input or a folder holding one, the root,
     * an existing file or other non-folder, a file on the path, a folder of another kind, a folder
     * of the user's files (unless {@code force}), a folder that cannot be written.
     *
     * @param force replace an existing folder of the user's own files (the command's {@code --force});
     *     never an input, never a folder of the other kind
     * @param kind what this run writes
     * @param inputs the run's inputs by option name (absent ones left out)
     * @throws UsageException naming the folder and what to do
     */
    static void checkReplaceable(Path out, String option, boolean force, Kind kind, Map<String, Path> inputs)
            throws IOException {
        Path abs = Outputs.checkPath(out, option);
        Inputs.checkApart(out, option, inputs);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UsageException(option + " " + out + ": exists and is " + (Files.isRegularFile(abs) ? "a file" : "not a folder")
                    + "; expected a folder to create");
        }
        if (Files.isDirectory(abs)) {
            Kind found = kindOf(abs);
            if (found != null && found != kind) {
                throw new UsageException(option + " " + out + ": is " + found.description + ", not " + kind.description
                        + "; realitycheck never replaces one with the other (even with --force); choose another folder");
            }
            if (found == null && !force && !isEmpty(abs)) {
                throw new UsageException(option + " " + out + ": exists and is not a realitycheck output folder (no "
                        + kind.marker + "); choose another folder, or add --force to replace it and everything in it");
            }
        }
        Outputs.probe(abs, out, option);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /**
     * @return the kind of realitycheck folder {@code dir} is, or null when it carries no marker. A
     *     folder of an earlier version carries {@value #MARKER} whatever wrote it: it is a report
     *     folder when it holds {@code result.json} or says so, else a data folder (older
     *     {@code simulate} runs marked theirs the same way).
     */
    static Kind kindOf(Path dir) throws IOException {
        if (Files.exists(dir.resolve(DATA_MARKER))) {
            return Kind.DATA;
        }
        Path m = dir.resolve(MARKER);
        if (!Files.isRegularFile(m)) {
            return null;
        }
        String text = Files.size(m) < 4096 ? Files.readString(m, StandardCharsets.UTF_8) : "";
        if (text.contains("kind: report") || Files.exists(dir.resolve("result.json")) || Files.exists(dir.resolve("index.html"))) {
            return Kind.REPORT;
        }
        return Kind.DATA;
    }

    /** Fills {@code out} atomically and marks it as a report folder. */
    static void write(Path out, AtomicFiles.FolderWriter writer) throws IOException {
        write(out, Kind.REPORT, writer);
    }

    /** Fills {@code out} atomically and marks it with the marker of {@code kind}. */
    static void write(Path out, Kind kind, AtomicFiles.FolderWriter writer) throws IOException {
        AtomicFiles.writeFolder(out, dir -> {
            writer.write(dir);
            Files.writeString(dir.resolve(kind.marker), kind == Kind.REPORT
                    ? "kind: report\nwritten by realitycheck; a later validate or demo run may replace this folder\n"
                    : "kind: data\nwritten by 'realitycheck simulate'; an input of later runs, never replaced by one of "
                            + "their reports; a later simulate run may replace it\n");
        });
    }
}
