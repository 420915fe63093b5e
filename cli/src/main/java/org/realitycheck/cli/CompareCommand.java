package org.realitycheck.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.realitycheck.core.io.AtomicFiles;

import org.realitycheck.reports.ComparisonReport;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck compare A/result.json B/result.json --out DIR}: writes {@code DIR/compare.html}
 * and {@code DIR/compare.md} (every metric A → B, regressions first) and exits 1 when B regressed
 * against A under B's policy ({@link ComparisonReport}), else 0.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two validation runs; exit 1 when run B regressed against run A.",
            "A regression: a metric moved beyond a 'change' threshold of B's policy, or a check's status got worse."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.json", description = "The reference run's result.json.")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "The run judged against A.")
    Path b;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for compare.html and compare.md.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException(out + ": --out must be a folder");
        }
        Inputs.regularFile(a, "A.json");
        Inputs.regularFile(b, "B.json");
        Path html = Outputs.checkFile(out.resolve("compare.html"), "--out");
        Path md = Outputs.checkFile(out.resolve("compare.md"), "--out");
        SuiteResult ra = ResultJson.read(a);
        SuiteResult rb = ResultJson.read(b);
        ComparisonReport c = ComparisonReport.of(ra, a.toString(), rb, b.toString());
        // both files or neither; the folder's other files are left alone
        Map<Path, AtomicFiles.StreamWriter> files = new LinkedHashMap<>();
        files.put(html, w -> w.write(c.html().getBytes(StandardCharsets.UTF_8)));
        files.put(md, w -> w.write(c.markdown().getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeAll(files);
        long metricRegressions = c.metrics().stream()
                .filter(m -> m.status() == org.realitycheck.validation.Status.FAIL).count();
        long checkRegressions = c.checks().stream().filter(ComparisonReport.CheckDelta::regressed).count();
        spec.commandLine().getOut().printf("%s: %d check(s) worse, %d metric regression(s); wrote %s and %s%n",
                c.regressed() ? "REGRESSED" : "no regression", checkRegressions, metricRegressions,
                out.resolve("compare.html"), out.resolve("compare.md"));
        return c.regressed() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }
}
