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

    @Test
    void mostlyCountsCasesWithAnExactIntervalFromTwentyCases() {
        double[] good = new double[100];
        java.util.Arrays.fill(good, 1.0);
        good[0] = 50;
        Threshold t = new Threshold(null, 3.0, 0.9, null, Severity.fail);
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 1, "", ""), good), Map.of("rate", t)).status())
                .isEqualTo(Status.PASS);
        double[] half = new double[100];
        for (int i = 0; i < 50; i++) {
            half[i] = 10;
        }
        CheckResult bad = judge(Evidence.create().metric(Metric.of("rate", 1, "", ""), half), Map.of("rate", t));
        assertThat(bad.status()).isEqualTo(Status.FAIL);
        assertThat(bad.reason()).contains("50 of 100 cases");
        // 91 of 100 passing: Clopper-Pearson 95% [0.836, 0.958] holds 0.9 -> undecided
        double[] edge = new double[100];
        for (int i = 0; i < 9; i++) {
            edge[i] = 10;
        }
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 1, "", ""), edge), Map.of("rate", t)).status())
                .isEqualTo(Status.WARN);
        // 5 bins, 4 within: compared as is (no interval below 20 cases), 0.8 < 0.9
        assertThat(judge(Evidence.create().metric(Metric.of("rate", 1, "", ""), new double[] {1, 1, 1, 1, 9}),
                Map.of("rate", t)).status()).isEqualTo(Status.FAIL);
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
