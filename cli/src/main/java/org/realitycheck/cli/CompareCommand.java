package org.realitycheck.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.realitycheck.core.io.AtomicFiles;

import org.realitycheck.reports.ComparisonReport;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;
import org.realitycheck.validation.io.RunPairs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck compare A B [--out DIR]}: A and B are two runs, each its folder or its
 * {@code result.json}. Prints the comparison in Markdown to stdout, or writes {@code DIR/compare.html}
 * and {@code DIR/compare.md} (both or neither; nothing at all on an error), and exits 1 when B
 * regressed against A under B's policy ({@link ComparisonReport}), else 0. Two runs of different
 * domains, or judged by different policies or application ranges, are refused (exit 2) by the rule
 * {@code validate --baseline} applies ({@link RunPairs}), unless {@code --allow-policy-change}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two validation runs; exit 1 when run B regressed against run A.",
            "A regression: a metric moved beyond a 'change' threshold of B's policy, or a check's status got worse."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The reference run: its folder or its result.json.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The run judged against A: its folder or its result.json.")
    Path b;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for compare.html and compare.md (default: print "
            + "the Markdown to stdout).")
    Path out;

    @Option(names = "--allow-policy-change", description = "Compare runs judged by different policies or application "
            + "ranges (the changes are listed); without it they are refused.")
    boolean allowPolicyChange;

    @Override
    public Integer call() throws Exception {
        Path fa = Inputs.regularFile(ResultJson.resultFile(a), "A");
        Path fb = Inputs.regularFile(ResultJson.resultFile(b), "B");
        Path html = null;
        Path md = null;
        if (out != null) {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UsageException("--out " + out + ": exists and is not a folder; expected a folder for compare.html "
                        + "and compare.md");
            }
            Map<String, Path> inputs = new LinkedHashMap<>();
            inputs.put("A", fa);
            inputs.put("B", fb);
            html = Outputs.checkFile(out.resolve("compare.html"), "--out");
            md = Outputs.checkFile(out.resolve("compare.md"), "--out");
            Inputs.checkApart(html, "--out", inputs);
            Inputs.checkApart(md, "--out", inputs);
            Outputs.checkOurs(html, out.resolve("compare.html"), "--out", Outputs.Written.COMPARISON);
            Outputs.checkOurs(md, out.resolve("compare.md"), "--out", Outputs.Written.COMPARISON);
        }
        SuiteResult ra = ResultJson.read(fa);
        SuiteResult rb = ResultJson.read(fb);
        List<String> changes = RunPairs.check(ra, fa.toString(), rb.provenance().domain(), rb.policy(),
                rb.provenance().applicationRanges(), fb.toString(), allowPolicyChange, "--allow-policy-change");
        ValidateCommand.listChanges(spec.commandLine().getErr(), changes);
        ComparisonReport c = ComparisonReport.of(ra, fa.toString(), rb, fb.toString());
        // rendered before anything is written: a failure leaves no folder and no file
        String htmlText = c.html();
        String mdText = c.markdown();
        long metricRegressions = c.metrics().stream()
                .filter(m -> m.status() == org.realitycheck.validation.Status.FAIL).count();
        long checkRegressions = c.checks().stream().filter(ComparisonReport.CheckDelta::regressed).count();
        String verdict = String.format("%s: %d check(s) worse, %d metric regression(s)",
                c.regressed() ? "REGRESSED" : "no regression", checkRegressions, metricRegressions);
        if (out == null) {
            spec.commandLine().getOut().print(mdText);
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println(verdict);
        } else {
            boolean created = !Files.exists(out);
            Map<Path, AtomicFiles.StreamWriter> files = new LinkedHashMap<>();
            files.put(html, w -> w.write(htmlText.getBytes(StandardCharsets.UTF_8)));
            files.put(md, w -> w.write(mdText.getBytes(StandardCharsets.UTF_8)));
            try {
                AtomicFiles.writeAll(files);
            } catch (java.io.IOException | RuntimeException e) {
                if (created) {
                    deleteIfEmpty(out);
                }
                throw e;
            }
            spec.commandLine().getOut().printf("%s; wrote %s and %s%n", verdict, out.resolve("compare.html"),
                    out.resolve("compare.md"));
        }
        spec.commandLine().getOut().flush();
        return c.regressed() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (java.io.IOException e) {
            // not empty (another run wrote into it) or not ours to remove: leave it
        }
    }
}
