package org.realitycheck.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.reports.internal.Text;
import org.realitycheck.reports.internal.Views;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;

/**
 * {@code summary.md}: the verdict and one table row per check, short enough for a pull-request
 * comment. Every string from the result is Markdown-escaped ({@link Text#md}); reasons are cut at
 * {@value #MAX_REASON} characters (the HTML report has them whole).
 */
public final class MarkdownSummary {
    /** Longest reason shown in a row. */
    public static final int MAX_REASON = 400;

    private MarkdownSummary() {
    }

    /** @return the Markdown text */
    public static String render(SuiteResult r) {
        Objects.requireNonNull(r, "result");
        var p = r.provenance();
        StringBuilder sb = new StringBuilder();
        sb.append("### realitycheck: ").append(Views.glyph(r.verdict())).append(" **").append(r.verdict().label())
                .append("**\n\n");
        sb.append("Model ").append(Text.md(p.model())).append(" · domain ").append(Text.md(p.domain()))
                .append(" · data ").append(Text.md(p.data())).append(" (").append(p.dataSamples())
                .append(" samples) · seed ").append(p.seed()).append(" · ").append(Text.md(p.timestamp())).append("\n\n");
        sb.append("| | check | headline [95% CI] | threshold | reason |\n");
        sb.append("|---|---|---|---|---|\n");
        for (CheckResult c : r.checks()) {
            sb.append("| ").append(Views.glyph(c.status())).append(' ').append(c.status().name())
                    .append(" | ").append(Text.md(c.id()))
                    .append(" | ").append(Text.md(Text.headline(c)))
                    .append(" | ").append(Text.md(Text.headlineRule(r, c)))
                    .append(" | ").append(Text.md(Text.clip(c.reason(), MAX_REASON))).append(" |\n");
        }
        long regressions = r.changes().stream()
                .filter(c -> c.status() == Status.FAIL || c.status() == Status.WARN).count();
        if (!r.changes().isEmpty()) {
            sb.append("\nAgainst the baseline: ").append(regressions == 0 ? "no regressions" : regressions + " regression(s)")
                    .append(" in ").append(r.changes().size()).append(" metrics.\n");
        }
        sb.append("\nThe full evidence is in report.html.\n");
        return sb.toString();
    }

    /** Writes {@code summary.md} atomically. */
    public static void write(SuiteResult r, Path file) throws IOException {
        AtomicFiles.writeString(file, render(r));
    }
}
