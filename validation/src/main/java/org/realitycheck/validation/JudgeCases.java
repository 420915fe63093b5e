package org.realitycheck.validation;

import java.util.Optional;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.realitycheck.validation.Judge.Side;
import org.realitycheck.validation.stats.Binomial;
import org.realitycheck.validation.stats.Interval;

import static org.realitycheck.validation.Judge.boundText;
import static org.realitycheck.validation.Judge.fmt;

/** The {@link Judge}'s rules for metrics judged through their per-case values: {@code mostly} and worst-of-cases. */
final class JudgeCases {
    private static final double LEVEL = 0.95;

    private JudgeCases() {
    }

    /**
     * How much wider a case's interval is made for the FAIL decision of a worst-of-{@code k} statement: the
     * ratio of the Bonferroni quantile {@code z(1 - 0.025/k)} to {@code z(0.975)}, applied to each side's
     * half-width (normal approximation). With it, a model whose every case sits exactly on the bound FAILs
     * with probability at most 2.5% however many cases there are; per-case 95% intervals alone give
     * {@code 1 - 0.975^k} (16% for 7 bins).
     */
    static double familyWidening(int k) {
        if (k <= 1) {
            return 1;
        }
        return STD.inverseCumulativeProbability(1 - 0.025 / k) / STD.inverseCumulativeProbability(0.975);
    }

    private static final NormalDistribution STD = new NormalDistribution(null, 0, 1, 1e-12);

    /** Per-case tallies against a threshold's bounds. */
    private record Tally(int in, int out, int undecided, int undefined, int firstOut, int firstUndecided) {
        static Tally of(double[] cases, double[] lo, double[] hi, Policy.Threshold t) {
            return of(cases, lo, hi, t, 1);
        }

        /** @param widen the FAIL side's widening: a case is out only when its widened interval is */
        static Tally of(double[] cases, double[] lo, double[] hi, Policy.Threshold t, double widen) {
            int in = 0;
            int out = 0;
            int und = 0;
            int undef = 0;
            int firstOut = -1;
            int firstUnd = -1;
            for (int i = 0; i < cases.length; i++) {
                Side s = Double.isNaN(cases[i]) ? Side.UNDEFINED : Side.of(lo[i], hi[i], t);
                if (s == Side.OUT && widen > 1
                        && Side.of(cases[i] - widen * (cases[i] - lo[i]), cases[i] + widen * (hi[i] - cases[i]), t) != Side.OUT) {
                    s = Side.UNDECIDED;
                }
                switch (s) {
                    case IN -> in++;
                    case OUT -> {
                        out++;
                        firstOut = firstOut < 0 ? i : firstOut;
                    }
                    default -> {
                        und++;
                        undef += s == Side.UNDEFINED ? 1 : 0;
                        firstUnd = firstUnd < 0 ? i : firstUnd;
                    }
                }
            }
            return new Tally(in, out, und, undef, firstOut, firstUnd);
        }

        String text(int n) {
            return in + " surely inside, " + out + " surely outside, " + undecided + " undecided"
                    + (undefined > 0 ? " (" + undefined + " with the interval undefined)" : "") + " of " + n;
        }
    }

    /** @param family the run's bounded thresholds (1: per threshold); the cases multiply it */
    static ThresholdResult worst(Metric m, double[] cases, double[][] ci, String rule, Policy.Threshold t, int family) {
        String sev = t.severity().name();
        String kind = t.lower() != null && t.upper() != null ? "range" : t.lower() != null ? "lower" : "upper";
        double bound = t.upper() != null ? t.upper() : t.lower();
        String want = boundText(t);
        int n = cases.length;
        if (n == 0) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), "", sev, t.severity().status(),
                    m.name() + ": no cases to judge; required " + want);
        }
        double widen = familyWidening(n * family);
        Tally k = Tally.of(cases, ci[0], ci[1], t, widen);
        String against = "every case's 95% CI, widened " + fmt(widen) + "x to fail (Bonferroni over " + n * family + "): "
                + k.text(n);
        if (k.out() > 0) {
            int i = k.firstOut();
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, t.severity().status(),
                    m.name() + ": " + caseText(cases, ci, i) + " violates " + want + " (" + k.out() + " of " + n
                            + " cases past it, decisively after allowing for " + n * family + ") (" + sev + ")");
        }
        if (k.undecided() > 0) {
            int i = k.firstUndecided();
            String why = k.undefined() > 0 ? "undecided: interval undefined for " + k.undefined() + " of " + n
                    + " cases (a bootstrap resample on which the statistic is not defined)"
                    : "undecided at this sample size";
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, Status.WARN,
                    m.name() + ": " + why + " against " + want + "; " + k.undecided() + " of " + n
                            + " cases straddle the bound or are undefined, e.g. " + caseText(cases, ci, i));
        }
        return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, Status.PASS,
                m.name() + ": all " + n + " cases within " + want + " by their 95% CIs; " + Judge.describe(m));
    }

    static ThresholdResult mostly(Metric m, Optional<double[]> casesOpt, Optional<double[][]> intervals, String rule,
            Policy.Threshold t) {
        String sev = t.severity().name();
        String want = "at least " + fmt(100 * t.mostly()) + "% of cases " + boundText(t);
        if (casesOpt.isEmpty()) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), Double.NaN, "", sev, t.severity().status(),
                    m.name() + " has no per-case values, so 'mostly' cannot be judged; required " + want);
        }
        double[] cases = casesOpt.get();
        int n = cases.length;
        if (n == 0) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), Double.NaN, "", sev, t.severity().status(),
                    m.name() + ": no cases to judge; required " + want);
        }
        int k = 0;
        for (double c : cases) {
            k += !Double.isNaN(c) && (t.lower() == null || c >= t.lower()) && (t.upper() == null || c <= t.upper()) ? 1 : 0;
        }
        double f = (double) k / n;
        String got = m.name() + ": " + k + " of " + n + " cases (" + fmt(100 * f) + "%) " + boundText(t);
        double lo;
        double hi;
        String against;
        String undecided = "undecided at this sample size";
        if (intervals.isPresent()) {
            Tally c = Tally.of(cases, intervals.get()[0], intervals.get()[1], t);
            lo = (double) c.in() / n;
            hi = (double) (n - c.out()) / n;
            against = "by their 95% CIs: " + c.text(n);
            got += " (" + against + ")";
            if (c.undefined() > 0) {
                undecided = "undecided: interval undefined for " + c.undefined() + " of " + n + " cases";
            }
        } else if (m.name().endsWith(Judge.SAMPLE_CASES_SUFFIX)) {
            Interval cp = Binomial.clopperPearson(k, n, LEVEL);
            lo = cp.low();
            hi = cp.high();
            against = k + "/" + n + " samples, Clopper-Pearson 95% CI [" + fmt(lo) + ", " + fmt(hi) + "]";
        } else {
            lo = f;
            hi = f;
            against = k + "/" + n + " cases by their values";
        }
        if (hi < t.mostly()) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), f, against, sev, t.severity().status(),
                    got + " violates " + want + " (" + sev + ")");
        }
        if (lo < t.mostly()) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), f, against, sev, Status.WARN,
                    got + ": " + undecided + " against " + want);
        }
        return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), f, against, sev, Status.PASS, got + " (" + want + ")");
    }

    private static String caseText(double[] cases, double[][] ci, int i) {
        return "case " + (i + 1) + " = " + fmt(cases[i]) + " [" + fmt(ci[0][i]) + ", " + fmt(ci[1][i]) + "]";
    }
}
