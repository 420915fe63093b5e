package org.realitycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import java.util.List;

import org.realitycheck.reports.internal.Text;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.ThresholdResult;
import org.realitycheck.validation.SuiteResult;

/** summary.md and the two-run comparison. */
class SummaryAndComparisonTest {
    @Test
    void summaryIsAShortEscapedVerdictTable() {
        String md = MarkdownSummary.render(Fixtures.hostile());
        assertThat(md).startsWith("### realitycheck: ").contains("**FAILED**");
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(1 + 6);
        assertThat(md).doesNotContain("<script>").contains("&lt;script&gt;");
        // a pipe in a reason cannot end the cell: every table row has exactly the 6 unescaped pipes
        md.lines().filter(l -> l.startsWith("| ")).forEach(l ->
                assertThat(l.replace("\\|", "").chars().filter(ch -> ch == '|').count()).as(l).isEqualTo(6));
        assertThat(md.length()).isLessThan(4000);
    }

    @Test
    void comparisonFlagsWorseChecksAndChangeThresholdsRegressionsFirst() {
        SuiteResult a = Fixtures.astroPassing();
        SuiteResult b = Fixtures.astroFailing();
        ComparisonReport c = ComparisonReport.of(a, "a/result.json", b, "b/result.json");
        assertThat(c.regressed()).isTrue();
        assertThat(c.checks().get(0).regressed()).isTrue();
        assertThat(c.checks()).filteredOn(ComparisonReport.CheckDelta::regressed)
                .extracting(ComparisonReport.CheckDelta::check).contains("hallucination.empty-fields", "ood.covariate");
        assertThat(ComparisonReport.of(a, "a", a, "a").regressed()).isFalse();

        // hep: a change threshold (warn) on pt.bias in B's policy, statuses unchanged
        ComparisonReport h = ComparisonReport.of(Fixtures.hepBaseline(), "old", Fixtures.hep(null), "new");
        assertThat(h.metrics().get(0).metric()).isEqualTo("pt.bias");
        assertThat(h.metrics().get(0).status()).isEqualTo(Status.WARN);
        assertThat(h.metrics().get(1).status()).isEqualTo(Status.SKIPPED);
        assertThat(h.checks().get(0).regressed()).isTrue(); // PASS -> WARN

        var doc = Jsoup.parse(c.html());
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("header.verdict .word").text()).contains("REGRESSED");
        assertThat(c.markdown()).contains("REGRESSED").contains("| hallucination.empty-fields |");
    }

    /**
     * A failing check whose own headline metric passes: the summary and the report's table show the metric
     * that failed it and that metric's threshold, never the passing headline beside a FAIL.
     */
    @Test
    void theHeadlineIsTheMetricThatDecidedTheVerdict() {
        SuiteResult r = Fixtures.astroFailing();
        CheckResult fail = r.checks().stream().filter(c -> c.status() == Status.FAIL).findFirst().orElseThrow();
        ThresholdResult failing = fail.thresholds().stream().filter(t -> t.status() == Status.FAIL).findFirst().orElseThrow();
        ThresholdResult passing = fail.thresholds().stream().filter(t -> t.status() == Status.PASS).findFirst().orElse(null);
        String passingName = passing != null ? passing.metric() : fail.metrics().stream()
                .map(org.realitycheck.validation.Metric::name)
                .filter(n -> fail.thresholds().stream().noneMatch(t -> t.metric().equals(n))).findFirst().orElseThrow();
        CheckResult misled = new CheckResult(fail.id(), fail.title(), fail.protectsAgainst(), fail.status(), failing.reason(),
                passingName, fail.metrics(), fail.thresholds(), fail.artifacts(), fail.notes());
        List<CheckResult> checks = new java.util.ArrayList<>(r.checks());
        checks.set(checks.indexOf(fail), misled);
        SuiteResult s = new SuiteResult(r.schemaVersion(), r.verdict(), r.counts(), r.provenance(), r.policy(), checks, r.changes());

        String row = MarkdownSummary.render(s).lines().filter(l -> l.contains("| " + Text.md(fail.id()) + " |")).findFirst().orElseThrow();
        assertThat(row).contains(Text.md(failing.metric()) + " = ").doesNotContain(Text.md(passingName) + " = ");
        var doc = Jsoup.parse(HtmlReport.render(s));
        var cells = doc.select("#checks tbody tr").stream().filter(tr -> tr.text().contains(fail.id())).findFirst().orElseThrow().select("td");
        assertThat(cells.get(2).text()).startsWith(failing.metric() + " = ");
        assertThat(cells.get(3).text()).contains("(fail)").contains(Judge.fmt(failing.bound()));
        // a passing check keeps its own headline
        CheckResult pass = Fixtures.astroPassing().checks().stream().filter(c -> c.status() == Status.PASS && !c.headline().isEmpty())
                .findFirst().orElseThrow();
        assertThat(Text.headline(pass)).startsWith(pass.headline() + " = ");
    }
}
