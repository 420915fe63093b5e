package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.io.AtomicFiles;

/**
 * The hostile-input cases on outputs and inputs, through {@link Main#run} in-process: every one ends in
 * exit 2 with one line naming the path and what was expected, checked before any expensive work,
 * and nothing of the user's is lost. The train cases would take minutes if the checks came after
 * training; they use a tiny count anyway so that a regression fails rather than hangs.
 */
class OutputsAndInputsTest {
    /** Exit 2, exactly one "realitycheck:" line containing every {@code expect}, no stack trace, no "bug". */
    static MainTest.Run bad(String[] expect, String... args) {
        MainTest.Run r = MainTest.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> lines = r.err().lines().filter(l -> l.startsWith("realitycheck:")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        for (String e : expect) {
            assertThat(lines.get(0)).contains(e);
        }
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("bug").doesNotContain("Exception");
        return r;
    }

    static String[] expect(String... s) {
        return s;
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void trainWithHistoryEqualToOutIsRefusedBeforeTraining(@TempDir Path tmp) throws IOException {
        Path m = tmp.resolve("m.zip");
        bad(expect("--history", "same file"), "train", "astro", "--count", "8", "--epochs", "1", "--out", m.toString(),
                "--history", m.toString());
        bad(expect("same file"), "train", "astro", "--count", "8", "--epochs", "1", "--out", m.toString(),
                "--history", tmp.resolve("sub").resolve("..").resolve("m.zip").toString());
        assertThat(names(tmp)).isEmpty();
    }

    @Test
    void trainChecksHistoryAndOutBeforeTrainingAndWritesNeitherWhenOneCannotBe(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Path m = tmp.resolve("m.zip");
        bad(expect("--history", "notes.txt is a file, not a folder"), "train", "astro", "--count", "8", "--epochs", "1",
                "--out", m.toString(), "--history", file.resolve("h.json").toString());
        assertThat(m).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void trainOutOfTheWrongKindIsExit2(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        bad(expect("--out", "is a folder"), "train", "astro", "--count", "8", "--out", dir.toString());
        bad(expect("--out", "is a folder"), "train", "astro", "--count", "8", "--out", ".");
        bad(expect("--out", "root"), "train", "astro", "--count", "8", "--out", "/");
        Path thesis = Files.writeString(tmp.resolve("thesis.tex"), "precious");
        bad(expect("--out", "not a realitycheck model artifact"), "train", "astro", "--count", "8", "--out", thesis.toString());
        assertThat(Files.readString(thesis)).isEqualTo("precious");
        bad(expect("--out", "thesis.tex is a file, not a folder"), "train", "astro", "--count", "8", "--out",
                thesis.resolve("m.zip").toString());
        bad(expect("--out", "not a regular file"), "train", "astro", "--count", "8", "--out", "/dev/full");
    }

    @Test
    void anOutputInAFolderThatCannotBeWrittenIsExit2BeforeWork() {
        // /sys refuses new files even to root (a read-only or permission-denied folder, whoever runs the test)
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !canCreate(sys));
        bad(expect("--out", "cannot write in /sys (permission denied)"), "train", "astro", "--count", "8", "--out", "/sys/m.zip");
        bad(expect("--out", "cannot write in /sys"), "simulate", "astro", "--count", "2", "--out", "/sys/data");
    }

    private static boolean canCreate(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void simulateNeverReplacesAFolderOfTheUsersOwnFilesUnlessForced(@TempDir Path tmp) throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        bad(expect("--out", "not a realitycheck output folder", "--force"), "simulate", "hep", "--count", "3", "--out",
                mine.toString());
        assertThat(names(mine)).containsExactly("thesis.tex");
        // a folder realitycheck wrote is replaced, as before
        Path ours = tmp.resolve("ours");
        assertThat(MainTest.run("simulate", "hep", "--count", "3", "--out", ours.toString()).code()).isZero();
        assertThat(names(ours)).contains(OutputFolder.DATA_MARKER);
        assertThat(MainTest.run("simulate", "hep", "--count", "3", "--seed", "2", "--out", ours.toString()).code()).isZero();
        // --force replaces the user's folder, as asked
        MainTest.Run forced = MainTest.run("simulate", "hep", "--count", "3", "--force", "--out", mine.toString());
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(names(mine)).doesNotContain("thesis.tex").contains(OutputFolder.DATA_MARKER);
        assertThat(names(tmp)).containsExactly("mine", "ours");
    }

    @Test
    void simulateOutDotOrRootOrAFileIsExit2NotANullPointer(@TempDir Path tmp) throws IOException {
        bad(expect("--out", "root"), "simulate", "astro", "--count", "2", "--out", "/");
        // the working folder holds the project's files: never ours to replace
        bad(expect("--out", "not a realitycheck output folder"), "simulate", "astro", "--count", "2", "--out", ".");
        Path f = Files.writeString(tmp.resolve("data"), "mine");
        bad(expect("--out", "exists and is a file"), "simulate", "astro", "--count", "2", "--out", f.toString());
        assertThat(Files.readString(f)).isEqualTo("mine");
    }

    @Test
    void aLegal255CharacterNameWorks(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("d".repeat(255));
        MainTest.Run r = MainTest.run("simulate", "hep", "--count", "2", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(tmp)).containsExactly("d".repeat(255));
    }

    @Test
    void anAbsurdCountIsExit2NamingTheLimitAndLeavesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("o");
        bad(expect("--count 2147483647", "limit", String.valueOf(Limits.MAX_COUNT)), "simulate", "astro", "--count",
                "2147483647", "--out", out.toString());
        bad(expect("--count", "heap limit", "-Xmx"), "simulate", "astro", "--count", String.valueOf(Limits.MAX_COUNT),
                "--out", out.toString());
        bad(expect("--count 2147483647", "limit"), "train", "hep", "--count", "2147483647", "--out",
                tmp.resolve("m.zip").toString());
        assertThat(names(tmp)).isEmpty();
    }

    @Test
    void staleTemporariesOfAKilledRunAreRemovedByTheNextRun(@TempDir Path tmp) throws IOException {
        // what kill -9 in the middle of 'simulate' leaves: a temporary folder named by a dead process id
        Path stale = Files.createDirectories(tmp.resolve(AtomicFiles.TEMP_PREFIX + "2147483646-99").resolve("truth"));
        Files.writeString(stale.resolve("g0.fits"), "half");
        MainTest.Run r = MainTest.run("simulate", "hep", "--count", "2", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(tmp)).containsExactly("o");
    }

    @Test
    void benchWithAMissingPythonIsExit2BeforeBenchmarking(@TempDir Path tmp) {
        bad(expect("--python /nonexistent", "no such file"), "bench", "--vs-pytorch", "--python", "/nonexistent");
        bad(expect("--python /nonexistent"), "bench", "--python", "/nonexistent");
        bad(expect("--python no-such-python-here", "PATH"), "bench", "--python", "no-such-python-here");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against the hang this test is about, not a timing
    void aFifoGivenAsInputIsExit2AndNeverHangs(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("pipe");
        assumeTrue(mkfifo(fifo));
        bad(expect("pipe", "not a regular file"), "validate", "--domain", "hep", "--model", fifo.toString(), "--out",
                tmp.resolve("v").toString());
        bad(expect("pipe", "not a regular file"), "report", "--result", fifo.toString(), "--out",
                tmp.resolve("r.html").toString());
        bad(expect("pipe", "not a regular file"), "compare", fifo.toString(), fifo.toString(), "--out",
                tmp.resolve("c").toString());
        bad(expect("pipe"), "train", "--recipe", fifo.toString(), "--out", tmp.resolve("m.zip").toString());
        Path data = Files.createDirectories(tmp.resolve("data"));
        assumeTrue(mkfifo(data.resolve("catalog.csv")));
        bad(expect("catalog.csv", "not a regular file"), "train", "astro", "--data", data.toString(), "--out",
                tmp.resolve("m.zip").toString());
    }

    static boolean mkfifo(Path p) {
        try {
            Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            return pr.waitFor(30, TimeUnit.SECONDS) && pr.exitValue() == 0 && Files.exists(p) && !Files.isRegularFile(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void reportAndCompareRefuseOutputsOfTheWrongKind(@TempDir Path tmp) throws IOException {
        Path notJson = Files.writeString(tmp.resolve("result.json"), "{");
        bad(expect("--out is a folder"), "report", "--result", notJson.toString(), "--out", "/");
        bad(expect("same file"), "report", "--result", notJson.toString(), "--out", notJson.toString());
        assertThat(Files.readString(notJson)).isEqualTo("{");
        Path f = Files.writeString(tmp.resolve("f"), "x");
        bad(expect("--out", "not a folder"), "compare", notJson.toString(), notJson.toString(), "--out", f.toString());
        bad(expect("result.json"), "compare", notJson.toString(), notJson.toString(), "--out", tmp.resolve("c").toString());
        assertThat(tmp.resolve("c")).doesNotExist();
    }

    @Test
    void validateAndDemoLimitSamplesLikeCount(@TempDir Path tmp) throws IOException {
        Path models = Path.of("..", "models");
        assumeTrue(Files.isRegularFile(models.resolve("hep-default.zip")));
        bad(expect("--samples 2147483647", "limit"), "validate", "--domain", "hep", "--model",
                models.resolve("hep-default.zip").toString(), "--samples", "2147483647", "--out", tmp.resolve("v").toString());
        bad(expect("--samples 2147483647", "limit"), "demo", "--models", models.toString(), "--only", "hep-default",
                "--samples", "2147483647", "--out", tmp.resolve("d").toString());
        assertThat(names(tmp)).isEmpty();
    }
}
