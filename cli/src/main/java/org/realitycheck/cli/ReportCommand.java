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
 * naming the file; the report is written atomically.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the HTML report of a validation run from its result.json alone."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "RESULT.json", description = "The run's result.json.")
    Path result;

    @Option(names = "--out", required = true, paramLabel = "REPORT.html", description = "The HTML file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new UsageException(out + ": --out is a folder; give the HTML file to write, e.g. " + out.resolve("report.html"));
        }
        Inputs.regularFile(result, "--result");
        Outputs.checkFile(out, "--out");
        Outputs.checkDistinct(result, "--result", out, "--out");
        SuiteResult r = ResultJson.read(result);
        HtmlReport.write(r, out);
        spec.commandLine().getOut().printf("wrote %s (%s, %d KB)%n", out, r.verdict().label(), Files.size(out) / 1024);
        return ExitCode.OK;
    }
}
