package org.realitycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.realitycheck.validation.Status;
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
}
