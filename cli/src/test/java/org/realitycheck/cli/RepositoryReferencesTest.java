package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The repository is its own map: no file refers to a document outside it (the design notes the project
 * started from are not in the repository) or cites an issue number (the issue tracker is not either).
 * Every page in {@code docs/} is listed in {@code docs/README.md}. A failure lists each hit as
 * {@code file:line: text}.
 */
class RepositoryReferencesTest {
    /** The project root: Surefire runs in {@code cli/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * Files allowed to keep a hit while their owners rewrite them, as paths relative to the root. Empty:
     * every hit is a failure.
     */
    private static final Set<String> ALLOWED = Set.of();

    /** Folders that hold build output or run output, never sources. */
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".realitycheck", "realitycheck-out",
            ".idea", "node_modules");

    /** Text files by extension; the launcher and the CI script have none. */
    private static final Pattern TEXT = Pattern.compile(
            ".*\\.(java|md|yaml|yml|xml|properties|txt|json|py|sh|mustache|html|css|csv)|realitycheck|run|\\.gitignore");

    // spelled in parts so that this file does not match itself
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./" + "shared|\\b(DESIGN|SCIENCE|STYLE|DL4J-NOTES)"
            + "\\.md\\b");
    private static final Pattern ISSUE = Pattern.compile("(?i)\\biss" + "ues?\\s*#?\\d+");

    @Test
    void noFileRefersToADocumentOutsideTheRepositoryOrToAnIssueNumber() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path f : textFiles()) {
            String rel = ROOT.relativize(f).toString().replace('\\', '/');
            if (ALLOWED.contains(rel)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                continue; // not text after all (a binary fixture with a text-like name)
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (OUTSIDE.matcher(line).find() || ISSUE.matcher(line).find()) {
                    hits.add(rel + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(hits).as("references to documents outside the repository or to issue numbers "
                + "(write what they said into the repository: docs/architecture.md, docs/science.md)").isEmpty();
    }

    @Test
    void everyDocIsIndexed() throws IOException {
        String index = Files.readString(ROOT.resolve("docs/README.md"));
        List<String> missing = new ArrayList<>();
        try (var files = Files.walk(ROOT.resolve("docs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String rel = ROOT.resolve("docs").relativize(f).toString().replace('\\', '/');
                if (!rel.equals("README.md") && !index.contains("(" + rel + ")")) {
                    missing.add("docs/" + rel);
                }
            }
        }
        assertThat(missing).as("pages in docs/ without a link in docs/README.md").isEmpty();
        // and every link of the index leads somewhere
        Matcher m = Pattern.compile("\\]\\(([^)#]+)").matcher(index);
        List<String> broken = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).startsWith("http") && !Files.exists(ROOT.resolve("docs").resolve(m.group(1)))) {
                broken.add(m.group(1));
            }
        }
        assertThat(broken).as("links in docs/README.md that lead nowhere").isEmpty();
    }

    /** The test itself finds what it must: a planted hit of each kind is reported. */
    @Test
    void thePatternsCatchWhatTheyMust() {
        assertThat(OUTSIDE.matcher("see ../" + "shared/notes").find()).isTrue();
        assertThat(OUTSIDE.matcher("(" + "SCIENCE" + ".md)").find()).isTrue();
        assertThat(OUTSIDE.matcher("docs/science.md").find()).isFalse();
        assertThat(ISSUE.matcher("as Iss" + "ue 12 measured").find()).isTrue();
        assertThat(ISSUE.matcher("(iss" + "ue #9)").find()).isTrue();
        assertThat(ISSUE.matcher("no issue with 3 layers").find()).isFalse();
    }

    static List<Path> textFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(ROOT) && SKIPPED_DIRS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && attrs.size() < 4_000_000
                        && TEXT.matcher(file.getFileName().toString()).matches()) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }
}
