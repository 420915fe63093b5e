package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Every command in README.md and docs/*.md as written: extracted from the fenced code blocks (a line that
 * starts with {@code ./realitycheck}, {@code realitycheck}, {@code mvn} or {@code python3}, after
 * {@code $ }, environment assignments and {@code \} continuations), then
 * <ul>
 *   <li>always (fast, in {@code mvn test}): each realitycheck command parses against the real command line
 *       (every option exists, every required one is given, every value converts), every repository file it
 *       names exists, every {@code -P} profile of a Maven command is declared in a pom, every Python script
 *       exists;</li>
 *   <li>with {@code -Ddocs.run=quick} (opt-in, minutes): each realitycheck command runs in a scratch folder in
 *       a fresh JVM, exactly as written except that {@link #QUICK the long ones} get smaller sizes appended,
 *       and must not exit 2 or 3 (0 or 1, the gate's verdict, are both fine). The documented stand-in names
 *       ({@code galaxy.zip}, {@code tracks.zip}, {@code my-cutouts/}, {@code my-events/}, {@code my-policy.yaml},
 *       {@code last/result.json}) are made first from the shipped models and simulated data:
 *       <pre>mvn -B -pl cli -am test -Dtest=DocsCommandsTest -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.run=quick</pre>
 *       Training from recipes, {@code demo --train}, {@code bench} and the PyTorch example stay parse-only even
 *       then: they take from minutes to an hour.</li>
 * </ul>
 */
class DocsCommandsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\w*)\\s*$");
    private static final Pattern ENV = Pattern.compile("^[A-Z_][A-Z0-9_]*=\\S*\\s+");
    /** Repository folders whose paths a command may name as inputs (they must exist as written). */
    private static final List<String> REPO_DIRS = List.of("models/", "examples/", "docs/", "bench/", "astro-module/",
            "hep-module/", "validation/", "gan-core/", "cli/", "reports/", "onnx-module/");

    /** One command: where it is written, and its words after the shell would split them. */
    record Doc(String file, int line, String text, List<String> words) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }

        boolean realitycheck() {
            return !words.isEmpty() && (words.get(0).equals("./realitycheck") || words.get(0).equals("realitycheck"));
        }
    }

    static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** @return every command of the fenced blocks of one Markdown file */
    static List<Doc> commands(Path md) throws IOException {
        List<String> lines = Files.readAllLines(md);
        List<Doc> out = new ArrayList<>();
        boolean in = false;
        String rel = ROOT.relativize(md).toString();
        for (int i = 0; i < lines.size(); i++) {
            Matcher f = FENCE.matcher(lines.get(i));
            if (f.matches()) {
                in = !in;
                continue;
            }
            if (!in) {
                continue;
            }
            int first = i;
            StringBuilder cmd = new StringBuilder(lines.get(i).strip());
            while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
                cmd.setLength(cmd.length() - 1);
                cmd.append(' ').append(lines.get(++i).strip());
            }
            String c = cmd.toString();
            if (c.startsWith("$ ")) {
                c = c.substring(2);
            }
            Matcher env = ENV.matcher(c);
            while (env.find()) {
                c = c.substring(env.end());
                env = ENV.matcher(c);
            }
            if (c.startsWith("./realitycheck") || c.startsWith("realitycheck ") || c.startsWith("mvn ")
                    || c.startsWith("/usr/bin/python3 ") || c.startsWith("python3 ")) {
                out.add(new Doc(rel, first + 1, cmd.toString(), words(c)));
            }
        }
        return out;
    }

    /** Splits a command as a POSIX shell would (quotes, a comment, a pipe ends it); no expansion. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    w.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(ch)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else if ((ch == '#' && w == null) || ch == '|' || ch == ';' || ch == '&' || ch == '>') {
                break;
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(ch);
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }

    static List<Doc> all() throws IOException {
        List<Doc> out = new ArrayList<>();
        for (Path p : docs()) {
            out.addAll(commands(p));
        }
        return out;
    }

    @Test
    void theExtractorSeesWhatAShellWould() {
        assertThat(words("./realitycheck validate --out 'out dir' --x \"a b\"  # a comment")).containsExactly(
                "./realitycheck", "validate", "--out", "out dir", "--x", "a b");
        assertThat(words("./realitycheck demo | tee log")).containsExactly("./realitycheck", "demo");
    }

    @Test
    void everyDocumentedCommandParsesAndNamesFilesThatExist() throws IOException {
        List<Doc> docs = all();
        assertThat(docs.stream().filter(Doc::realitycheck).count()).as("the docs show commands").isGreaterThan(15);
        List<String> problems = new ArrayList<>();
        String poms = poms();
        for (Doc d : docs) {
            List<String> w = d.words();
            if (d.realitycheck()) {
                try {
                    new CommandLine(new Main()).parseArgs(w.subList(1, w.size()).toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    problems.add(d + "\n    " + e.getMessage());
                }
            } else if (w.get(0).equals("mvn")) {
                for (String a : w) {
                    if (a.startsWith("-P") && !poms.contains("<id>" + a.substring(2) + "</id>")) {
                        problems.add(d + "\n    no Maven profile " + a.substring(2) + " in any pom.xml");
                    }
                }
            }
            for (int i = 1; i < w.size(); i++) {
                String a = w.get(i);
                boolean input = !(i > 0 && w.get(i - 1).equals("--out"));
                if (input && REPO_DIRS.stream().anyMatch(a::startsWith) && !a.contains("<") && !Files.exists(ROOT.resolve(a))) {
                    problems.add(d + "\n    names " + a + ", which is not in the repository");
                }
            }
        }
        assertThat(problems).as("commands in the docs that would not run as written").isEmpty();
    }

    private static String poms() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(ROOT, 2)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    /**
     * Commands that take minutes to an hour as written: run with smaller sizes appended in quick mode, or
     * (null) left parse-only.
     */
    static List<String> quick(List<String> w) {
        String cmd = w.size() > 1 ? w.get(1) : "";
        if (cmd.equals("bench") || w.contains("--recipe") || w.contains("--train")) {
            return null;
        }
        List<String> out = new ArrayList<>(w.subList(1, w.size()));
        switch (cmd) {
            case "demo" -> out.addAll(List.of("--samples", "40"));
            case "validate" -> {
                if (!w.contains("--samples")) {
                    out.addAll(List.of("--samples", "60"));
                }
            }
            case "train" -> {
                if (!w.contains("--epochs")) {
                    out.addAll(List.of("--epochs", "1"));
                }
                out.addAll(List.of("--count", "128"));
            }
            default -> { }
        }
        return out;
    }

    @Test
    void everyDocumentedCommandRunsAsWritten(@TempDir Path scratch) throws Exception {
        String mode = System.getProperty("docs.run", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(mode.equals("quick"), "opt-in: -Ddocs.run=quick");
        standIns(scratch);
        List<String> problems = new ArrayList<>();
        for (Doc d : all()) {
            if (!d.realitycheck()) {
                continue;
            }
            List<String> args = quick(d.words());
            if (args == null) {
                System.out.println("parse-only (long): " + d);
                continue;
            }
            long t0 = System.nanoTime();
            Process p = java(scratch, args);
            boolean done = p.waitFor(20, TimeUnit.MINUTES);
            String log = new String(p.getInputStream().readAllBytes());
            int code = done ? p.exitValue() : -1;
            System.out.printf(Locale.ROOT, "exit %d in %.0f s: %s%n", code, (System.nanoTime() - t0) / 1e9, d);
            if (code != 0 && code != 1) {
                problems.add(d + "\n    exit " + code + ": " + log.lines().reduce((a, b) -> b).orElse(""));
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Process java(Path dir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-D" + DemoCommand.HOME_PROPERTY + "=" + ROOT, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** The names the docs use for the reader's own files, made from the shipped models and simulated data. */
    private static void standIns(Path dir) throws Exception {
        Files.copy(ROOT.resolve("models/astro-default.zip"), dir.resolve("galaxy.zip"));
        Files.copy(ROOT.resolve("models/hep-default.zip"), dir.resolve("tracks.zip"));
        Files.copy(ROOT.resolve("hep-module/src/main/resources/org/realitycheck/hep/default-policy.yaml"),
                dir.resolve("my-policy.yaml"));
        run(dir, "simulate", "hep", "--count", "300", "--seed", "3", "--out", "my-events");
        // docs/data.md's example folder: its catalog as written, cut-outs simulated under its ids
        run(dir, "simulate", "astro", "--count", "3", "--seed", "5", "--out", "sim-cutouts");
        List<String> doc = Files.readAllLines(ROOT.resolve("docs/data.md"));
        int from = doc.indexOf("my-cutouts/catalog.csv:") + 1;
        List<String> catalog = new ArrayList<>();
        for (int i = from; !doc.get(i).startsWith("my-cutouts/"); i++) {
            catalog.add(doc.get(i).strip());
        }
        Path mine = Files.createDirectories(dir.resolve("my-cutouts/degraded"));
        Files.writeString(dir.resolve("my-cutouts/catalog.csv"), String.join("\n", catalog) + "\n");
        List<Path> sims;
        try (Stream<Path> s = Files.list(dir.resolve("sim-cutouts/degraded"))) {
            sims = s.sorted().toList();
        }
        for (int i = 1; i < catalog.size(); i++) {
            String id = catalog.get(i).substring(0, catalog.get(i).indexOf(','));
            Files.copy(sims.get(i - 1), mine.resolve(id + ".fits"));
        }
        run(dir, "validate", "--domain", "hep", "--model", "tracks.zip", "--samples", "200", "--out", "last");
    }

    private static void run(Path dir, String... args) throws Exception {
        Process p = java(dir, List.of(args));
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(String.join(" ", args) + "\n" + log).isIn(0, 1);
    }
}
