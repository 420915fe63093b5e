package org.realitycheck.core.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a README's code example compiled: the example lives in a test source between the lines
 * {@code // README:begin} and {@code // README:end}, and the README quotes it in the {@code ```java} block
 * that follows a line {@code <!-- snippet: PATH -->} (PATH relative to the module). A module's test
 * asserts that the two are equal ({@link #assertReadmeQuotes}) and runs the example.
 */
public final class Snippets {
    private Snippets() {
    }

    /** @return the lines between the markers of {@code source}, with their common indentation removed */
    public static List<String> marked(Path source) {
        List<String> all = read(source);
        int from = indexOf(all, "// README:begin", source);
        int to = indexOf(all, "// README:end", source);
        List<String> body = all.subList(from + 1, to);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String l : body) {
            out.add(l.isBlank() ? "" : l.substring(indent));
        }
        return out;
    }

    /** @return the lines of the java code block that follows {@code <!-- snippet: source -->} in the README */
    public static List<String> quoted(Path readme, String source) {
        List<String> all = read(readme);
        int at = indexOf(all, "<!-- snippet: " + source + " -->", readme);
        if (at + 1 >= all.size() || !all.get(at + 1).strip().equals("```java")) {
            throw new AssertionError(readme + ": a ```java block must follow the snippet marker for " + source);
        }
        List<String> out = new ArrayList<>();
        for (int i = at + 2; i < all.size() && !all.get(i).strip().equals("```"); i++) {
            out.add(all.get(i));
        }
        return out;
    }

    /**
     * Fails, showing both, when the README's block differs from the compiled example.
     *
     * @param readme e.g. {@code README.md} (tests run in the module's folder)
     * @param source the test source holding the example, relative to the module
     */
    public static void assertReadmeQuotes(Path readme, String source) {
        List<String> compiled = marked(Path.of(source));
        List<String> shown = quoted(readme, source);
        if (!compiled.equals(shown)) {
            throw new AssertionError(readme + " quotes an example that is not the compiled one in " + source
                    + "; copy it over.\n--- compiled:\n" + String.join("\n", compiled) + "\n--- README:\n"
                    + String.join("\n", shown));
        }
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(file + ": no line '" + marker + "'");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
