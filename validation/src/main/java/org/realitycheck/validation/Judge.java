package org.realitycheck.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


/**
 * Applies a check's policy thresholds to what it measured. For a threshold with bounds on a metric with
 * a 95% confidence interval [lo, hi]:
 * <ul>
 *   <li>the whole interval violates a bound: the threshold's severity (FAIL or WARN);</li>
 *   <li>a bound lies inside the interval: WARN, "undecided at this sample size" (more samples decide
 *       it; a coin flip is not a verdict);</li>
 *   <li>otherwise PASS.</li>
 * </ul>
 * A metric without an interval is judged on its value. An undefined (NaN) value raises the severity,
 * since it cannot be shown to hold. An interval the check could not compute is reported as
 * [-inf, +inf] (the only statement that holds with certainty) and is WARN "undecided: interval
 * undefined", never a decision on the point value.
 *
 * <p><b>Worst-of-cases metrics.</b> A metric named {@code worst_*} (or {@code *.worst_*}) that carries
 * the per-case values and intervals it is the worst of is judged from every case's interval: the
 * threshold's severity when any case is decisively past a bound, WARN when any case's interval
 * straddles a bound or is undefined, PASS otherwise. The interval of the case with the worst point value
 * alone would hide a case that is decisively out while the worst one straddles the bound. "Decisively"
 * allows for the number of cases k: each case's interval is widened by {@code z(1-0.025/k)/z(0.975)}
 * (Bonferroni) for the FAIL decision, so that a model with every case on the bound fails with
 * probability at most 2.5%; a case past the bound by its 95% interval only is WARN.
 *
 * <p><b>{@code mostly}.</b> The fraction of the metric's cases within the bounds must reach the
 * required fraction. What a case is decides how the fraction is bounded:
 * <ul>
 *   <li>Cases with intervals of their own (covariate bins with their bootstrap CIs) are counted as
 *       surely inside (whole interval within the bounds), surely outside (whole interval past a bound)
 *       or undecided (a bound inside the interval, or the interval undefined). The fraction lies
 *       between surely-inside/n and (n - surely-outside)/n: PASS when the first reaches the required
 *       fraction, the severity when the second falls short, WARN otherwise.</li>
 *   <li>Cases that are exchangeable samples (metric names ending in {@value #SAMPLE_CASES_SUFFIX}: each
 *       case one held-out sample) are Bernoulli draws: the fraction inside gets a Clopper–Pearson 95%
 *       interval and the three-way rule.</li>
 *   <li>Other cases without intervals (fixed cells: bins, observables) are counted by their values;
 *       a binomial interval over fixed cells would describe a sampling that did not happen.</li>
 * </ul>
 *
 * <p><b>{@code change}.</b> The worsening against the baseline run, minus the allowance, is judged with
 * its interval: each run's 95% interval gives the run's standard error on each side (its half-width over
 * 1.96), and the two runs are taken as independent (different held-out draws), so the two sides add in
 * quadrature. When both runs score the same held-out samples the runs are positively correlated and the
 * interval is conservative (wider than needed). Without intervals the points are compared; without a
 * baseline value the threshold is SKIPPED.
 */
public final class Judge {
    /** Metric-name suffix marking per-case values that are exchangeable samples, not fixed cells. */
    public static final String SAMPLE_CASES_SUFFIX = "_per_sample";
    private static final double LEVEL = 0.95;

    private Judge() {
    }

    /**
     * @param section the check's policy section
     * @param baseline the check's result in the baseline run, or null
     * @return the judged result
     */
    public static CheckResult judge(Check check, Evidence ev, Policy.CheckPolicy section, CheckResult baseline) {
        return judge(check, ev, section, baseline, 1);
    }

    /**
     * Judges with family-wise control of FAIL over the {@code family} bounded thresholds of a run: a
     * FAIL needs the metric's interval widened by {@code z(1 - 0.025/family)/z(0.975)} (Bonferroni on
     * the one-sided FAIL test, normal approximation) to lie past the bound, so that a model meeting
     * every bound FAILs the run with probability at most 2.5%. A metric past the bound by its 95%
     * interval only is WARN. PASS and WARN are unchanged: each still needs the 95% interval.
     *
     * @param family the number of bounded thresholds judged in the run, {@code >= 1} (1: per threshold)
     */
    public static CheckResult judge(Check check, Evidence ev, Policy.CheckPolicy section, CheckResult baseline,
            int family) {
        if (family < 1) {
            throw new IllegalArgumentException("family must be >= 1, got " + family);
        }
        if (ev.skipReason().isPresent()) {
            return new CheckResult(check.id(), check.title(), check.protectsAgainst(), Status.SKIPPED,
                    ev.skipReason().get(), check.headline(), ev.metrics(), List.of(), ev.artifacts(), ev.notes());
        }
        List<ThresholdResult> out = new ArrayList<>();
        for (Map.Entry<String, Policy.Threshold> e : section.thresholds().entrySet()) {
            String rule = e.getKey();
            Policy.Threshold t = e.getValue();
            List<Metric> hit = ev.metrics().stream().filter(m -> PolicyParser.matches(rule, m.name())).toList();
            if (hit.isEmpty()) {
                out.add(new ThresholdResult(rule, rule, "bounds", Double.NaN, Double.NaN, "", t.severity().name(),
                        Status.SKIPPED, rule + ": not measured in this run"));
                continue;
            }
            for (Metric m : hit) {
                if (t.lower() != null || t.upper() != null) {
                    Optional<double[]> cases = ev.cases(m.name());
                    Optional<double[][]> ci = ev.caseIntervals(m.name());
                    if (t.mostly() != null) {
                        out.add(JudgeCases.mostly(m, cases, ci, rule, t));
                    } else if (isWorstOfCases(m.name()) && cases.isPresent() && ci.isPresent()) {
                        out.add(JudgeCases.worst(m, cases.get(), ci.get(), rule, t, family));
                    } else {
                        out.add(bounds(m, rule, t, family));
                    }
                }
                if (t.change() != null) {
                    out.add(change(m, rule, t, baseline == null ? Optional.empty() : baseline.metric(m.name())));
                }
            }
        }
        Status status = Status.PASS;
        ThresholdResult worst = null;
        for (ThresholdResult r : out) {
            if (r.status() != Status.SKIPPED && r.status().severity() > status.severity()) {
                status = r.status();
                worst = r;
            }
        }
        String reason;
        if (worst != null) {
            reason = worst.reason();
        } else {
            long applied = out.stream().filter(r -> r.status() == Status.PASS).count();
            Optional<Metric> head = ev.metric(check.headline());
            reason = (applied == 0 ? "no thresholds applied" : applied + " of " + applied + " thresholds hold")
                    + head.map(m -> "; " + describe(m)).orElse("");
        }
        return new CheckResult(check.id(), check.title(), check.protectsAgainst(), status, reason, check.headline(),
                ev.metrics(), out, ev.artifacts(), ev.notes());
    }

    /** @return true for {@code worst_*} and {@code *.worst_*} metric names */
    static boolean isWorstOfCases(String name) {
        return name.startsWith("worst_") || name.contains(".worst_");
    }

    /** @return true when an interval was computed but is undefined: NaN on one side only, or [-inf, +inf] */
    static boolean undefinedInterval(double lo, double hi) {
        return Double.isNaN(lo) != Double.isNaN(hi) || (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY);
    }

    private static ThresholdResult bounds(Metric m, String rule, Policy.Threshold t, int family) {
        String kind = t.lower() != null && t.upper() != null ? "range" : t.lower() != null ? "lower" : "upper";
        double bound = t.upper() != null ? t.upper() : t.lower();
        String want = boundText(t);
        String sev = t.severity().name();
        if (Double.isNaN(m.value())) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), "", sev, t.severity().status(),
                    m.name() + " is undefined (NaN); required " + want);
        }
        if (undefinedInterval(m.low(), m.high())) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), "95% CI undefined", sev, Status.WARN,
                    m.name() + " = " + fmt(m.value()) + ": undecided: interval undefined (the check could not compute"
                            + " a confidence interval on this sample) against " + want);
        }
        double lo = m.hasInterval() ? m.low() : m.value();
        double hi = m.hasInterval() ? m.high() : m.value();
        String against = m.hasInterval() ? "95% CI [" + fmt(lo) + ", " + fmt(hi) + "]" : "value " + fmt(m.value());
        Side side = Side.of(lo, hi, t);
        double w = JudgeCases.familyWidening(family);
        if (side == Side.OUT && w > 1
                && Side.of(m.value() - w * (m.value() - lo), m.value() + w * (hi - m.value()), t) != Side.OUT) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, Status.WARN,
                    describe(m) + " is past " + want + " by its 95% CI, but not decisively for a run of " + family
                            + " thresholds (interval widened " + fmt(w) + "x to fail)");
        }
        if (side == Side.OUT) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, t.severity().status(),
                    describe(m) + " violates " + want + " (" + sev + ")");
        }
        if (side == Side.UNDECIDED) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, Status.WARN,
                    describe(m) + ": undecided at this sample size against " + want);
        }
        return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, Status.PASS,
                describe(m) + " within " + want);
    }

    /** Where an interval [lo, hi] lies against a threshold's bounds. */
    enum Side {
        IN, OUT, UNDECIDED, UNDEFINED;

        static Side of(double lo, double hi, Policy.Threshold t) {
            if (Double.isNaN(lo) || Double.isNaN(hi) || undefinedInterval(lo, hi)) {
                return UNDEFINED;
            }
            if ((t.lower() != null && hi < t.lower()) || (t.upper() != null && lo > t.upper())) {
                return OUT;
            }
            if ((t.lower() != null && lo < t.lower()) || (t.upper() != null && hi > t.upper())) {
                return UNDECIDED;
            }
            return IN;
        }
    }

    /**
     * The rule of a {@code change} threshold, for every tool that compares two runs ({@code validate --baseline},
     * {@code compare}), so that they cannot disagree: the move of {@code now} against {@code before} in the
     * threshold's {@code worse} direction, less the allowance, judged with both runs' intervals.
     */
    public static ThresholdResult change(Metric now, Metric before, String rule, Policy.Threshold t) {
        return change(now, rule, t, Optional.ofNullable(before));
    }

    private static ThresholdResult change(Metric m, String rule, Policy.Threshold t, Optional<Metric> before) {
        Policy.Change c = t.change();
        String sev = t.severity().name();
        double allowed = c.absolute() != null ? c.absolute() : c.relative();
        if (before.isEmpty() || Double.isNaN(before.get().value())) {
            return new ThresholdResult(m.name(), rule, "change", allowed, Double.NaN, "no baseline", sev,
                    Status.SKIPPED, m.name() + ": no baseline value to compare with");
        }
        Metric bm = before.get();
        double b = bm.value();
        double s = "increase".equals(c.worse()) ? 1 : -1;
        // excess = s (now - b) - allowance, with allowance = absolute or relative |b|: a linear combination
        // a·now + cb·b - abs of the two runs' values, judged with its interval
        double cb = c.absolute() != null ? -s : -s - c.relative() * Math.signum(b);
        double abs = c.absolute() != null ? c.absolute() : 0;
        double excess = s * m.value() + cb * b - abs;
        double[] now = errors(m);
        double[] then = errors(bm);
        double down = Math.hypot(s > 0 ? now[0] : now[1], Math.abs(cb) * (cb > 0 ? then[0] : then[1]));
        double up = Math.hypot(s > 0 ? now[1] : now[0], Math.abs(cb) * (cb > 0 ? then[1] : then[0]));
        double lo = excess - down;
        double hi = excess + up;
        boolean withCi = m.hasInterval() || bm.hasInterval();
        String allow = c.absolute() != null ? fmt(c.absolute()) : fmt(100 * c.relative()) + "% of the baseline";
        String text = m.name() + " " + fmt(b) + " -> " + fmt(m.value()) + " (baseline -> now); an " + c.worse()
                + " of at most " + allow + " is allowed";
        String against = "baseline " + fmt(b) + (withCi ? "; excess over the allowance " + fmt(excess) + ", 95% CI ["
                + fmt(lo) + ", " + fmt(hi) + "]" : "");
        Status st;
        String reason;
        if (Double.isNaN(m.value()) || lo > 0) {
            st = t.severity().status();
            reason = "regression: " + text + (withCi ? " (excess " + fmt(excess) + ", 95% CI " + fmt(lo) + " to "
                    + fmt(hi) + ")" : "") + " (" + sev + ")";
        } else if (hi > 0) {
            st = Status.WARN;
            reason = text + ": undecided at these sample sizes (excess over the allowance " + fmt(excess)
                    + ", 95% CI " + fmt(lo) + " to " + fmt(hi) + ")";
        } else {
            st = Status.PASS;
            reason = text;
        }
        return new ThresholdResult(m.name(), rule, "change", allowed, m.value() - b, against, sev, st, reason);
    }

    /** @return the 95% interval's lower and upper half-widths of a metric, 0 without an interval */
    private static double[] errors(Metric m) {
        if (!m.hasInterval()) {
            return new double[] {0, 0};
        }
        return new double[] {m.value() - m.low(), m.high() - m.value()};
    }

    static String boundText(Policy.Threshold t) {
        if (t.lower() != null && t.upper() != null) {
            return "in [" + fmt(t.lower()) + ", " + fmt(t.upper()) + "]";
        }
        return t.lower() != null ? ">= " + fmt(t.lower()) : "<= " + fmt(t.upper());
    }

    /** @return {@code name = value [lo, hi] unit}, the way reasons quote a metric */
    public static String describe(Metric m) {
        String unit = m.unit().isEmpty() ? "" : " " + m.unit();
        String ci = m.hasInterval() ? " (95% CI " + fmt(m.low()) + " to " + fmt(m.high()) + ")" : "";
        return m.name() + " = " + fmt(m.value()) + unit + ci;
    }

    /** Formats a number with 4 significant digits, the way reasons and reports print it. */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
