package org.realitycheck.validation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.validation.Policy.Change;
import org.realitycheck.validation.Policy.CheckPolicy;
import org.realitycheck.validation.Policy.Severity;
import org.realitycheck.validation.Policy.Threshold;
import org.realitycheck.validation.testing.FakeCheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeTest {
    private static final FakeCheck CHECK = new FakeCheck("fake", List.of("rate", "a.bias", "b.bias"), c -> null);

    private static CheckResult judge(Evidence ev, Map<String, Threshold> t) {
        return judge(ev, t, null);
    }

    private static CheckResult judge(Evidence ev, Map<String, Threshold> t, CheckResult baseline) {
        return Judge.judge(CHECK, ev, new CheckPolicy(true, Map.of(), t), baseline);
    }

    private static Threshold upper(double u, Severity s) {
        return new Threshold(null, u, null, null, s);
    }

    @Test
    void intervalBelowTheUpperBoundPasses() {
        CheckResult r = judge(Evidence.create().metric(Metric.of("rate", 0.01, 0.0, 0.03, "", "")),
                Map.of("rate", upper(0.05, Severity.fail)));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.thresholds()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(Status.PASS));
    }

    @Test
    void intervalAboveTheBoundRaisesTheSeverityAndTheReasonNamesMetricAndBound() {
        CheckResult fail = judge(Evidence.create().metric(Metric.of("rate", 0.4, 0.3, 0.5, "", "")),
                Map.of("rate", upper(0.05, Severity.fail)));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.reason()).contains("rate = 0.4").contains("<= 0.05").contains("fail");
        CheckResult warn = judge(Evidence.create().metric(Metric.of("rate", 0.4, 0.3, 0.5, "", "")),
                Map.of("rate", upper(0.05, Severity.warn)));
        assertThat(warn.status()).isEqualTo(Status.WARN);
    }

    @Test
    void boundInsideTheIntervalIsUndecidedNotACoinFlip() {
        for (double value : new double[] {0.04, 0.06}) {
            CheckResult r = judge(Evidence.create().metric(Metric.of("rate", value, 0.02, 0.08, "", "")),
                    Map.of("rate", upper(0.05, Severity.fail)));
            assertThat(r.status()).isEqualTo(Status.WARN);
            assertThat(r.reason()).contains("undecided at this sample size");
        }
    }

    @Test
    void metricWithoutIntervalIsJudgedOnItsValueAndNaNCannotPass() {
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 0.06, "", "")), Map.of("rate", upper(0.05, Severity.fail)))
                .status()).isEqualTo(Status.FAIL);
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 0.05, "", "")), Map.of("rate", upper(0.05, Severity.fail)))
                .status()).isEqualTo(Status.PASS);
        CheckResult nan = judge(Evidence.create().metric(Metric.of("rate", Double.NaN, "", "")),
                Map.of("rate", upper(0.05, Severity.fail)));
        assertThat(nan.status()).isEqualTo(Status.FAIL);
        assertThat(nan.reason()).contains("undefined");
    }

    @Test
    void globAppliesToEveryMatchingMetric() {
        Evidence ev = Evidence.create().metric(Metric.of("a.bias", 0.01, "", "")).metric(Metric.of("b.bias", 0.2, "", ""));
        CheckResult r = judge(ev, Map.of("*.bias", new Threshold(-0.05, 0.05, null, null, Severity.fail)));
        assertThat(r.thresholds()).hasSize(2);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.reason()).startsWith("b.bias");
    }

    /** Cases that are samples (names ending in _per_sample) are Bernoulli draws: Clopper-Pearson at any n. */
    @Test
    void mostlyOverSamplesUsesAnExactBinomialInterval() {
        double[] good = new double[100];
        java.util.Arrays.fill(good, 1.0);
        good[0] = 50;
        Threshold t = new Threshold(null, 3.0, 0.9, null, Severity.fail);
        String name = "rate" + Judge.SAMPLE_CASES_SUFFIX;
        assertThat(judge(Evidence.create().metric(Metric.of(name, 1, "", ""), good), Map.of(name, t)).status())
                .isEqualTo(Status.PASS);
        double[] half = new double[100];
        for (int i = 0; i < 50; i++) {
            half[i] = 10;
        }
        CheckResult bad = judge(Evidence.create().metric(Metric.of(name, 1, "", ""), half), Map.of(name, t));
        assertThat(bad.status()).isEqualTo(Status.FAIL);
        assertThat(bad.reason()).contains("50 of 100 cases");
        // 91 of 100 samples passing: Clopper-Pearson 95% [0.836, 0.958] holds 0.9 -> undecided
        double[] edge = new double[100];
        for (int i = 0; i < 9; i++) {
            edge[i] = 10;
        }
        CheckResult r = judge(Evidence.create().metric(Metric.of(name, 1, "", ""), edge), Map.of(name, t));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.thresholds().get(0).against()).contains("Clopper-Pearson");
        // the same 91 of 100 as fixed cells (no sampling behind them) are what they are: 0.91 >= 0.9
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 1, "", ""), edge), Map.of("rate", t)).status())
                .isEqualTo(Status.PASS);
        // 5 cells, 4 within: 0.8 < 0.9
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 1, "", ""), new double[] {1, 1, 1, 1, 9}),
                Map.of("rate", t)).status()).isEqualTo(Status.FAIL);
    }

    /**
     * 20 bins, 5 of them decisively past the bound: at most 75% can be inside, short of 90%. A binomial
     * interval over the 20 bins (upper end 0.913 for 15 of 20) made this WARN at any number of samples per bin.
     */
    @Test
    void mostlyOverBinsCountsEachBinByItsOwnIntervalNeverByABinomialOverBins() {
        int n = 20;
        double[] v = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            boolean bad = i < 5;
            v[i] = bad ? 3.0 : 1.0;
            lo[i] = bad ? 2.9 : 0.95;
            hi[i] = bad ? 3.1 : 1.05;
        }
        Threshold t = new Threshold(null, 1.3, 0.9, null, Severity.fail);
        CheckResult r = judge(Evidence.create().metric(Metric.of("x.resolution_ratio_per_bin", 3, "", ""), v, lo, hi),
                Map.of("*.resolution_ratio_per_bin", t));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.reason()).contains("15 surely inside, 5 surely outside, 0 undecided");
        // the same 20 bins without intervals are counted by their values: still FAIL
        assertThat(judge(Evidence.create().metric(Metric.of("x.resolution_ratio_per_bin", 3, "", ""), v),
                Map.of("*.resolution_ratio_per_bin", t)).status()).isEqualTo(Status.FAIL);
    }

    /** A bin whose bootstrap interval is undefined (a resample with zero MAD) is undecided, not judged on its value. */
    @Test
    void undefinedCaseIntervalIsUndecidedNeverAPointDecision() {
        Threshold t = new Threshold(null, 1.3, 1.0, null, Severity.fail);
        double[] v = {1.0, 1.1, 1.0, 1.05};
        double[] lo = {0.9, 1.0, 0.9, Double.NaN};
        double[] hi = {1.1, 1.2, 1.1, Double.NaN};
        CheckResult r = judge(Evidence.create().metric(Metric.of("a.resolution_ratio_per_bin", 1.1, "", ""), v, lo, hi),
                Map.of("a.resolution_ratio_per_bin", t));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.reason()).contains("undecided: interval undefined for 1 of 4 cases");
        // an undefined interval on a single metric, reported as [-inf, inf]: WARN, whatever the value
        for (double value : new double[] {0.5, 2.0}) {
            CheckResult m = judge(Evidence.create().metric(Metric.of("rate", value, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, "", "")), Map.of("rate", upper(1.3, Severity.fail)));
            assertThat(m.status()).isEqualTo(Status.WARN);
            assertThat(m.reason()).contains("undecided: interval undefined");
        }
    }

    /**
     * The worst bin 1.6 [1.2, 2.0] straddles 1.3, but another bin, 1.5 [1.4, 1.6], is decisively past it:
     * FAIL. The worst bin's interval alone said WARN.
     */
    @Test
    void worstOfBinsIsJudgedFromEveryBinsInterval() {
        Threshold t = upper(1.3, Severity.fail);
        String name = "flux.worst_resolution_ratio_in_application_range";
        double[] v = {1.0, 1.5, 1.6, 1.1};
        double[] lo = {0.9, 1.4, 1.2, 1.0};
        double[] hi = {1.1, 1.6, 2.0, 1.2};
        CheckResult r = judge(Evidence.create().metric(Metric.of(name, 1.6, 1.2, 2.0, "", ""), v, lo, hi), Map.of(name, t));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.reason()).contains("case 2 = 1.5 [1.4, 1.6] violates <= 1.3", "1 of 4 cases past it");
        // past the bound by its own 95% CI, but not after allowing for 4 bins (widened 1.274x: 1.5 - 0.18 * 1.274 =
        // 1.27 < 1.3): with every bin on the bound, one of four would be out by chance 10% of the time -> WARN
        double[] loWide = {0.9, 1.32, 1.2, 1.0};
        double[] hiWide = {1.1, 1.68, 2.0, 1.2};
        assertThat(judge(Evidence.create().metric(Metric.of(name, 1.6, 1.2, 2.0, "", ""), v, loWide, hiWide),
                Map.of(name, t)).status()).isEqualTo(Status.WARN);
        // no bin decisively out, one straddling: WARN; every bin inside: PASS
        double[] lo2 = {0.9, 1.2, 1.2, 1.0};
        assertThat(judge(Evidence.create().metric(Metric.of(name, 1.6, 1.2, 2.0, "", ""), v, lo2, hi), Map.of(name, t))
                .status()).isEqualTo(Status.WARN);
        double[] ok = {1.0, 1.1, 1.0, 1.1};
        double[] okLo = {0.9, 1.0, 0.9, 1.0};
        double[] okHi = {1.1, 1.25, 1.2, 1.2};
        assertThat(judge(Evidence.create().metric(Metric.of(name, 1.1, 1.0, 1.25, "", ""), ok, okLo, okHi), Map.of(name, t))
                .status()).isEqualTo(Status.PASS);
        // an undefined bin interval: undecided
        double[] loNaN = {0.9, 1.0, Double.NaN, 1.0};
        double[] hiNaN = {1.1, 1.25, Double.NaN, 1.2};
        CheckResult u = judge(Evidence.create().metric(Metric.of(name, 1.1, 1.0, 1.25, "", ""), ok, loNaN, hiNaN),
                Map.of(name, t));
        assertThat(u.status()).isEqualTo(Status.WARN);
        assertThat(u.reason()).contains("interval undefined");
    }

    /**
     * The baseline 0.10 [0.06, 0.14] and now 0.16 [0.12, 0.20] against an allowed increase of 0.05: the point
     * difference 0.06 exceeds it, but with both runs' uncertainty (excess 0.01, 95% CI -0.047 to 0.067) it is
     * undecided. A decisive move fails; a decisive hold passes.
     */
    @Test
    void changeJudgesTheDifferenceWithBothRunsUncertainty() {
        Threshold inc = new Threshold(null, null, null, new Change(0.05, null, "increase"), Severity.fail);
        CheckResult before = judge(Evidence.create().metric(Metric.of("rate", 0.10, 0.06, 0.14, "", "")), Map.of());
        CheckResult r = judge(Evidence.create().metric(Metric.of("rate", 0.16, 0.12, 0.20, "", "")), Map.of("rate", inc),
                before);
        assertThat(r.status()).isEqualTo(Status.WARN);
        // excess 0.01 - hypot(0.04, 0.04) = -0.04657; + 0.05657
        assertThat(r.reason()).contains("undecided", "-0.04657", "0.06657");
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 0.30, 0.27, 0.33, "", "")), Map.of("rate", inc),
                before).status()).isEqualTo(Status.FAIL);
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 0.08, 0.05, 0.11, "", "")), Map.of("rate", inc),
                before).status()).isEqualTo(Status.PASS);
        // relative: a decrease of at most 10% of 0.10; 0.085 [0.083, 0.087] against 0.10 [0.099, 0.101]: excess
        // 0.9 * 0.1 - 0.085 = 0.005 > hypot(0.002, 0.9 * 0.001) = 0.0022 -> a decided regression
        Threshold rel = new Threshold(null, null, null, new Change(null, 0.1, "decrease"), Severity.warn);
        CheckResult b2 = judge(Evidence.create().metric(Metric.of("rate", 0.10, 0.099, 0.101, "", "")), Map.of());
        CheckResult d = judge(Evidence.create().metric(Metric.of("rate", 0.085, 0.083, 0.087, "", "")), Map.of("rate", rel), b2);
        assertThat(d.status()).isEqualTo(Status.WARN);
        assertThat(d.reason()).startsWith("regression: rate 0.1 -> 0.085");
    }

    /**
     * Bins with intervals of their own (the hep default at 100 held-out tracks: 7 bins of ~14, one bias point
     * just past 0.3 with a CI straddling it, which failed the check by its point value alone): a case counts as
     * out only when its whole interval is.
     */
    @Test
    void mostlyCountsABinByItsOwnIntervalWhenItHasOne() {
        Threshold t = new Threshold(null, 0.3, 0.85, null, Severity.fail);
        double[] v = {0.05, 0.1, 0.02, 0.35, 0.08, 0.12};
        double[] lo = {0.0, 0.0, 0.0, 0.1, 0.0, 0.0};
        double[] hi = {0.2, 0.25, 0.15, 0.6, 0.2, 0.28};
        // by the values alone 5 of 6 (83%) < 85%: FAIL; the stray bin's CI holds 0.3: undecided
        assertThat(judge(Evidence.create().metric(Metric.of("b", 0.35, "", ""), v), Map.of("b", t)).status())
                .isEqualTo(Status.FAIL);
        CheckResult r = judge(Evidence.create().metric(Metric.of("b", 0.35, "", ""), v, lo, hi), Map.of("b", t));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.reason()).contains("undecided", "5 of 6 cases");
        // the same bin wholly past the bound is decided: FAIL, as it should be for a broken model
        double[] loOut = lo.clone();
        loOut[3] = 0.31;
        assertThat(judge(Evidence.create().metric(Metric.of("b", 0.35, "", ""), v, loOut, hi), Map.of("b", t)).status())
                .isEqualTo(Status.FAIL);
        // every bin surely inside: PASS; one in-range bin whose CI reaches past the bound makes it undecided
        double[] ok = {0.05, 0.1, 0.02, 0.1, 0.08, 0.12};
        double[] okLo = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
        assertThat(judge(Evidence.create().metric(Metric.of("b", 0.12, "", ""), ok, okLo, hi.clone()), Map.of("b", t))
                .status()).isEqualTo(Status.WARN);
        double[] okHi = {0.2, 0.25, 0.15, 0.2, 0.2, 0.28};
        assertThat(judge(Evidence.create().metric(Metric.of("b", 0.12, "", ""), ok, okLo, okHi), Map.of("b", t))
                .status()).isEqualTo(Status.PASS);
        assertThatThrownBy(() -> Evidence.create().metric(Metric.of("b", 0, "", ""), v, new double[2], hi))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changeAgainstTheBaselineFlagsRegressionsOnlyInTheWorseDirection() {
        CheckResult before = judge(Evidence.create().metric(Metric.of("rate", 0.10, "", "")), Map.of());
        Threshold inc = new Threshold(null, null, null, new Change(0.05, null, "increase"), Severity.fail);
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 0.20, "", "")), Map.of("rate", inc), before).status())
                .isEqualTo(Status.FAIL);
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 0.14, "", "")), Map.of("rate", inc), before).status())
                .isEqualTo(Status.PASS);
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 0.01, "", "")), Map.of("rate", inc), before).status())
                .isEqualTo(Status.PASS);
        Threshold rel = new Threshold(null, null, null, new Change(null, 0.1, "decrease"), Severity.warn);
        CheckResult r = judge(Evidence.create().metric(Metric.of("rate", 0.085, "", "")), Map.of("rate", rel), before);
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.reason()).startsWith("regression: rate 0.1 -> 0.085");
        CheckResult none = judge(Evidence.create().metric(Metric.of("rate", 0.2, "", "")), Map.of("rate", inc), null);
        assertThat(none.status()).isEqualTo(Status.PASS);
        assertThat(none.thresholds()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(Status.SKIPPED));
    }

    /**
     * Family-wise control over a run of 50 thresholds: 0.4 [0.31, 0.49] against upper 0.3 is past the bound by
     * its 95% CI, but widened by z(1 - 0.025/50)/z(0.975) = 3.29/1.96 = 1.68 it reaches 0.25: WARN, not FAIL.
     * A metric far past the bound still fails; PASS is unchanged.
     */
    @Test
    void familyOfARunWidensOnlyTheFailDecision() {
        Map<String, Threshold> t = Map.of("rate", upper(0.3, Severity.fail));
        Evidence near = Evidence.create().metric(Metric.of("rate", 0.4, 0.31, 0.49, "", ""));
        assertThat(Judge.judge(CHECK, near, new CheckPolicy(true, Map.of(), t), null, 1).status()).isEqualTo(Status.FAIL);
        CheckResult fam = Judge.judge(CHECK, near, new CheckPolicy(true, Map.of(), t), null, 50);
        assertThat(fam.status()).isEqualTo(Status.WARN);
        assertThat(fam.reason()).contains("not decisively for a run of 50 thresholds");
        Evidence far = Evidence.create().metric(Metric.of("rate", 0.6, 0.5, 0.7, "", ""));
        assertThat(Judge.judge(CHECK, far, new CheckPolicy(true, Map.of(), t), null, 50).status()).isEqualTo(Status.FAIL);
        Evidence in = Evidence.create().metric(Metric.of("rate", 0.1, 0.05, 0.15, "", ""));
        assertThat(Judge.judge(CHECK, in, new CheckPolicy(true, Map.of(), t), null, 50).status()).isEqualTo(Status.PASS);
        assertThatThrownBy(() -> Judge.judge(CHECK, in, new CheckPolicy(true, Map.of(), t), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skippedEvidenceKeepsItsReason() {
        CheckResult r = judge(Evidence.skipped("the data has no truth"), Map.of("rate", upper(0.05, Severity.fail)));
        assertThat(r.status()).isEqualTo(Status.SKIPPED);
        assertThat(r.reason()).isEqualTo("the data has no truth");
    }

    @Test
    void numbersAreFormattedWithFourSignificantDigits() {
        assertThat(Judge.fmt(0.123456)).isEqualTo("0.1235");
        assertThat(Judge.fmt(3)).isEqualTo("3");
        assertThat(Judge.fmt(1.5e-7)).isEqualTo("1.500e-07");
        assertThat(Judge.fmt(Double.NaN)).isEqualTo("NaN");
    }
}
