package org.realitycheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;

/**
 * Checks on input paths before anything reads them, and the canonical names of domain options. A FIFO, socket or device given as input would
 * make a reader block forever (a FIFO with no writer) or read without end (a device), so only
 * regular files are accepted.
 */
final class Inputs {
    /** How deep below {@code --data} non-regular files are looked for (the layouts are at most two deep). */
    static final int DATA_DEPTH = 2;

    private Inputs() {
    }

    /**
     * The domain options under their canonical names ({@link org.realitycheck.core.DomainData#canonicalOptions}),
     * with one {@code warning:} line on {@code err} for each deprecated name used (scripts keep working).
     */
    static Map<String, String> canonicalOptions(Domain d, Map<String, String> options, PrintWriter err) {
        return d.data().canonicalOptions(options, w -> err.println("warning: " + w));
    }

    /**
     * Rule 1 of {@link OutputFolder}'s output rule: an output must not be, contain, or lie inside any
     * input of the same run. Paths are compared as real paths where they exist (a symbolic link or
     * {@code ..} does not hide an input), else as absolute normalised paths. Nothing is overridden by
     * {@code --force}.
     *
     * @param out the output file or folder
     * @param inputs the run's inputs by the option that named them; null values are skipped
     * @throws UsageException naming the output, the input and how they overlap
     */
    static void checkApart(Path out, String outOption, Map<String, Path> inputs) {
        Path o = real(out);
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Path i = real(e.getValue());
            String how = o.equals(i) ? "is" : i.startsWith(o) ? "contains" : o.startsWith(i) ? "lies inside" : null;
            if (how != null) {
                throw new UsageException(outOption + " " + out + ": " + how + " the input " + e.getKey() + " " + e.getValue()
                        + "; realitycheck never writes over its inputs (not even with --force); choose an output "
                        + "outside every input");
            }
        }
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * @throws BadInputException when {@code file} is missing, a folder, not a regular file or unreadable
     */
    static Path regularFile(Path file, String option) {
        if (!Files.exists(file)) {
            throw BadInputException.at(file, "", option + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw BadInputException.at(file, "", option + ": is a folder; expected a file");
        }
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "", option + ": not a regular file (a FIFO, device or socket); expected a file");
        }
        if (!Files.isReadable(file)) {
            throw BadInputException.at(file, "", option + ": permission denied");
        }
        return file;
    }

    /**
     * @throws BadInputException when {@code dir} is not a folder or holds, up to {@value #DATA_DEPTH}
     *     levels down, an entry that is neither a folder nor a regular file
     */
    static Path dataFolder(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw BadInputException.at(dir, "", option + ": not a folder (" + (Files.exists(dir) ? "a file" : "no such folder") + ")"
                    + "; expected a folder in the domain's layout (as 'realitycheck simulate' writes)");
        }
        try (Stream<Path> s = Files.walk(dir, DATA_DEPTH)) {
            s.filter(p -> Files.exists(p) && !Files.isDirectory(p) && !Files.isRegularFile(p)).findFirst().ifPresent(p -> {
                        throw BadInputException.at(p, "", option + " " + dir
                                + ": not a regular file (a FIFO, device or socket); expected data files");
                    });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw BadInputException.at(dir, "", option + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
        return dir;
    }
}
