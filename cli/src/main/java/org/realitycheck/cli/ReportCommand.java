package org.realitycheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.realitycheck.reports.HtmlReport;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck report --result DIR/result.json --out report.html}: re-renders the HTML report
 * from a result file alone (no model, no data). A missing or invalid result is exit 2 with one line
 * naming the file; the report is written atomically, and replaces an existing file only when that is
 * a realitycheck report (never {@code --out thesis.tex}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the HTML report of a validation run from its result.json alone."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "RESULT.json", description = "The run's result.json, or its folder.")
    Path result;

    @Option(names = "--out", required = true, paramLabel = "REPORT.html", description = "The HTML file to write; an existing file is replaced only when it is a realitycheck report.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new UsageException(out + ": --out is a folder; give the HTML file to write, e.g. " + out.resolve("report.html"));
        }
        Path file = Inputs.regularFile(ResultJson.resultFile(result), "--result");
        Path abs = Outputs.checkFile(out, "--out");
        Outputs.checkDistinct(file, "--result", out, "--out");
        Inputs.checkApart(out, "--out", java.util.Map.of("--result", file));
        Outputs.checkOurs(abs, out, "--out", Outputs.Written.REPORT);
        SuiteResult r = ResultJson.read(file);
        // the normalised path: 'a/../r.html' names r.html even when 'a' does not exist
        HtmlReport.write(r, abs);
        spec.commandLine().getOut().printf("wrote %s (%s, %d KB)%n", out, r.verdict().label(), Files.size(abs) / 1024);
        return ExitCode.OK;
    }
}
