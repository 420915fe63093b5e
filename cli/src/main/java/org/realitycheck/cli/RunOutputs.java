package org.realitycheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.realitycheck.reports.HtmlReport;
import org.realitycheck.reports.MarkdownSummary;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.JUnitXml;
import org.realitycheck.validation.io.ResultJson;

/**
 * The files of one validation run, written together into one folder or not at all:
 * {@code result.json}, {@code junit.xml}, {@code summary.md} and {@code report.html}.
 */
final class RunOutputs {
    private RunOutputs() {
    }

    static void write(SuiteResult r, Path out, boolean failOnWarn) throws IOException {
        write(r, out, failOnWarn, Map.of());
    }

    /** @param seconds each check's wall time for junit.xml ({@link JUnitXml.CheckTimes}) */
    static void write(SuiteResult r, Path out, boolean failOnWarn, Map<String, Double> seconds) throws IOException {
        OutputFolder.write(out, dir -> {
            ResultJson.write(r, dir.resolve("result.json"));
            JUnitXml.write(r, dir.resolve("junit.xml"), failOnWarn, seconds);
            MarkdownSummary.write(r, dir.resolve("summary.md"));
            HtmlReport.write(r, dir.resolve("report.html"));
        });
    }
}
