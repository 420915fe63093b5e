package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;

class MainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: realitycheck").contains("simulate").contains("Exit codes");
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("realitycheck").contains("1.0.0-M2.1").contains("Java");
    }

    @Test
    void unknownCommandIsUsageErrorWithHint() {
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("frobnicate").contains("--help");
        assertThat(r.err().lines().count()).isEqualTo(2);
    }

    @Test
    void noCommandIsUsageError() {
        assertThat(run().code()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void unknownDomainListsKnownOnesAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        Run r = run("simulate", "no-such-domain", "--count", "3", "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("unknown domain 'no-such-domain'").contains("known domains");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void badCountIsUsageError(@TempDir Path tmp) {
        Run r = run("simulate", "astro", "--count", "0", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--count must be >= 1");
    }

    @Test
    void benchListNamesEveryBenchmarkOfTheProviders() {
        Run r = run("bench", "--list");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines().toList()).isEqualTo(new org.realitycheck.cli.bench.BenchSuite(1, l -> { }).names())
                .contains("astro.gan.train", "astro.gan.infer", "astro.model.infer", "hep.model.infer", "hep.fit");
        assertThat(run("bench", "--help").out()).contains("--list");
    }

    @Test
    void benchOnlyWithAnUnknownPrefixIsUsageErrorListingTheBenchmarks(@TempDir Path tmp) {
        Path json = tmp.resolve("b.json");
        Run r = run("bench", "--only", "hep.gan,astro.nope", "--json", json.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--only astro.nope matches no benchmark").contains("hep.gan.infer");
        assertThat(r.err().strip().lines().count()).isLessThanOrEqualTo(2); // the error and the hint
        assertThat(json).doesNotExist();
    }

    @Test
    void exceptionsMapToExitCodes() {
        StringWriter err = new StringWriter();
        PrintWriter pw = new PrintWriter(err, true);
        assertThat(Main.handle(BadInputException.at(Path.of("x.fits"), "HDU 1", "expected 2-D image"), pw, false))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("realitycheck: x.fits: HDU 1: expected 2-D image" + System.lineSeparator());
        assertThat(Main.handle(new IllegalStateException("boom"), pw, false)).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).contains("internal error").contains("--debug").doesNotContain("\tat ");
        StringWriter dbg = new StringWriter();
        assertThat(Main.handle(new IllegalStateException("boom"), new PrintWriter(dbg, true), true))
                .isEqualTo(ExitCode.INTERNAL);
        assertThat(dbg.toString()).contains("\tat ");
    }

    @Test
    void theErrorTaxonomyBareIllegalArgumentIsABugNotBadInput() {
        StringWriter err = new StringWriter();
        PrintWriter pw = new PrintWriter(err, true);
        // a contract broken inside the code is a bug: exit 3, said so, with the --debug hint
        assertThat(Main.handle(new IllegalArgumentException("n must be >= 1, got 0"), pw, false)).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).contains("this is a bug").contains("--debug").hasLineCount(1);
        assertThat(Main.handle(new NullPointerException(), pw, false)).isEqualTo(ExitCode.INTERNAL);
        assertThat(Main.handle(new OutOfMemoryError("Java heap space"), pw, false)).isEqualTo(ExitCode.INTERNAL);
        // a user's input is exit 2, also when it is validated by a record's IllegalArgumentException-style check
        assertThat(Main.handle(new BadInputException("--option z_max: must be <= 3"), pw, false)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(new BadInputException("x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Main.handle(new UsageException("--count must be >= 1"), pw, false)).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void ioFailuresOnTheUsersFilesAreExit2NamingTheFile() {
        StringWriter err = new StringWriter();
        PrintWriter pw = new PrintWriter(err, true);
        assertThat(Main.handle(new java.nio.file.FileSystemException("/ro/out.zip", null, "Read-only file system"), pw, false))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("realitycheck: /ro/out.zip: Read-only file system" + System.lineSeparator());
        StringWriter err2 = new StringWriter();
        assertThat(Main.handle(new java.io.UncheckedIOException("cannot write model artifact m.zip",
                new java.io.IOException("No space left on device")), new PrintWriter(err2, true), false)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err2.toString()).contains("m.zip").contains("No space left on device").hasLineCount(1);
    }

    @Test
    void unknownDomainIsBadInputNotABug(@TempDir Path tmp) {
        Run r = run("simulate", "radio", "--count", "1", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).doesNotContain("bug");
    }

    /** Scripts use astro's old snake-case names: they still work, with one deprecation line each on stderr. */
    @Test
    void oldOptionNamesWorkWithADeprecationWarning(@TempDir Path tmp) throws Exception {
        Run old = run("simulate", "astro", "--count", "2", "-O", "z_max=0.02", "--out", tmp.resolve("old").toString());
        assertThat(old.code()).as(old.err()).isEqualTo(ExitCode.OK);
        assertThat(old.err().lines().filter(l -> l.contains("deprecated"))).containsExactly(
                "warning: option 'z_max' is deprecated and will be removed; use 'z-max'");
        Run now = run("simulate", "astro", "--count", "2", "-O", "z-max=0.02", "--out", tmp.resolve("new").toString());
        assertThat(now.code()).as(now.err()).isEqualTo(ExitCode.OK);
        assertThat(now.err()).doesNotContain("deprecated");
        assertThat(Files.readString(tmp.resolve("old/catalog.csv"))).isEqualTo(Files.readString(tmp.resolve("new/catalog.csv")));
    }

    @Test
    void badDomainOptionValuesAreBadInputInBothDomains(@TempDir Path tmp) {
        Run a = run("simulate", "astro", "--count", "1", "-O", "z-max=7", "--out", tmp.resolve("a").toString());
        assertThat(a.code()).as(a.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(a.err()).contains("z-max").doesNotContain("bug");
        Run h = run("simulate", "hep", "--count", "1", "-O", "pt-min=-3", "--out", tmp.resolve("h").toString());
        assertThat(h.code()).as(h.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(h.err()).contains("pt").doesNotContain("bug");
        assertThat(tmp.resolve("a")).doesNotExist();
        assertThat(tmp.resolve("h")).doesNotExist();
    }
}
