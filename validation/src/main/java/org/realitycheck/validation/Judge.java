package org.realitycheck.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.realitycheck.validation.stats.Binomial;

/**
 * Applies a check's policy thresholds to what it measured. The rules, for a threshold with bounds on
 * a metric with a confidence interval [lo, hi]:
 * <ul>
 *   <li>the whole interval violates a bound → the threshold's severity (FAIL or WARN);</li>
 *   <li>a bound lies inside the interval → WARN, "undecided at this sample size" (more samples
 *       decide it; a coin flip is not a verdict);</li>
 *   <li>otherwise PASS. A metric without an interval is judged on its value; an undefined (NaN)
 *       metric raises the severity, since it cannot be shown to hold.</li>
 * </ul>
 * {@code mostly}: the fraction of the metric's cases inside the bounds must reach the fraction; with
 * {@value #MIN_CASES_FOR_INTERVAL} or more cases it gets a Clopper–Pearson 95% interval and the same
 * three-way rule, with fewer (bins, observables) it is compared as is. When each case has an interval of its
 * own (a bin's bootstrap CI), a case counts as inside only when its whole interval is, as outside only when
 * its whole interval is, and as undecided otherwise: the fraction then runs from the decided-inside cases
 * to those not decided outside (each end widened by Clopper–Pearson from {@value #MIN_CASES_FOR_INTERVAL}
 * cases), and the same three-way rule applies, so one bin of 14 samples whose interval straddles the bound
 * cannot fail a check on its own. {@code change}: the move
 * against the baseline run's value in the {@code worse} direction must not exceed the allowance;
 * without a baseline value the threshold is SKIPPED.
 */
public final class Judge {
    /** Cases from which a {@code mostly} fraction gets a confidence interval. */
    public static final int MIN_CASES_FOR_INTERVAL = 20;
    private static final double LEVEL = 0.95;

    private Judge() {
    }

    /**
     * @param section the check's policy section
     * @param baseline the check's result in the baseline run, or null
     * @return the judged result
     */
    public static CheckResult judge(Check check, Evidence ev, Policy.CheckPolicy section, CheckResult baseline) {
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
                    out.add(t.mostly() == null ? bounds(m, rule, t) : mostly(m, ev.cases(m.name()), ev.caseIntervals(m.name()), rule, t));
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

    private static ThresholdResult bounds(Metric m, String rule, Policy.Threshold t) {
        String kind = t.lower() != null && t.upper() != null ? "range" : t.lower() != null ? "lower" : "upper";
        double bound = t.upper() != null ? t.upper() : t.lower();
        String want = boundText(t);
        String sev = t.severity().name();
        if (Double.isNaN(m.value())) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), "", sev, t.severity().status(),
                    m.name() + " is undefined (NaN); required " + want);
        }
        double lo = m.hasInterval() ? m.low() : m.value();
        double hi = m.hasInterval() ? m.high() : m.value();
        String against = m.hasInterval() ? "95% CI [" + fmt(lo) + ", " + fmt(hi) + "]" : "value " + fmt(m.value());
        boolean violated = (t.lower() != null && hi < t.lower()) || (t.upper() != null && lo > t.upper());
        boolean undecided = !violated && ((t.lower() != null && lo < t.lower()) || (t.upper() != null && hi > t.upper()));
        if (violated) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, t.severity().status(),
                    describe(m) + " violates " + want + " (" + sev + ")");
        }
        if (undecided) {
            return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, Status.WARN,
                    describe(m) + ": undecided at this sample size against " + want);
        }
        return new ThresholdResult(m.name(), rule, kind, bound, m.value(), against, sev, Status.PASS,
                describe(m) + " within " + want);
    }

    private static ThresholdResult mostly(Metric m, Optional<double[]> casesOpt, Optional<double[][]> intervals,
            String rule, Policy.Threshold t) {
        String sev = t.severity().name();
        String want = "at least " + fmt(100 * t.mostly()) + "% of cases " + boundText(t);
        if (casesOpt.isEmpty()) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), Double.NaN, "", sev, t.severity().status(),
                    m.name() + " has no per-case values, so 'mostly' cannot be judged; required " + want);
        }
        double[] cases = casesOpt.get();
        int k = 0;
        for (double c : cases) {
            if (!Double.isNaN(c) && (t.lower() == null || c >= t.lower()) && (t.upper() == null || c <= t.upper())) {
                k++;
            }
        }
        int n = cases.length;
        double f = n == 0 ? Double.NaN : (double) k / n;
        String got = m.name() + ": " + k + " of " + n + " cases (" + fmt(100 * f) + "%) " + boundText(t);
        if (n == 0) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), f, "", sev, t.severity().status(),
                    m.name() + ": no cases to judge; required " + want);
        }
        // with per-case intervals: surely inside (whole interval within the bounds) and possibly inside (not
        // wholly outside); without them each case is decided by its value
        int surely = k;
        int possibly = k;
        String against = k + "/" + n;
        if (intervals.isPresent()) {
            double[] cl = intervals.get()[0];
            double[] ch = intervals.get()[1];
            surely = 0;
            possibly = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(cases[i])) {
                    continue;
                }
                double a = Double.isNaN(cl[i]) ? cases[i] : cl[i];
                double b = Double.isNaN(ch[i]) ? cases[i] : ch[i];
                boolean inside = (t.lower() == null || a >= t.lower()) && (t.upper() == null || b <= t.upper());
                boolean outside = (t.lower() != null && b < t.lower()) || (t.upper() != null && a > t.upper());
                surely += inside ? 1 : 0;
                possibly += outside ? 0 : 1;
            }
            against += " (by their intervals: " + surely + " surely, " + possibly + " possibly inside)";
        }
        double lo = (double) surely / n;
        double hi = (double) possibly / n;
        if (n >= MIN_CASES_FOR_INTERVAL) {
            lo = Binomial.clopperPearson(surely, n, LEVEL).low();
            hi = Binomial.clopperPearson(possibly, n, LEVEL).high();
            against += ", 95% CI [" + fmt(lo) + ", " + fmt(hi) + "]";
        }
        if (hi < t.mostly()) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), f, against, sev, t.severity().status(),
                    got + " violates " + want + " (" + sev + ")");
        }
        if (lo < t.mostly()) {
            return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), f, against, sev, Status.WARN,
                    got + ": undecided at this sample size against " + want);
        }
        return new ThresholdResult(m.name(), rule, "mostly", t.mostly(), f, against, sev, Status.PASS, got + " (" + want + ")");
    }

    private static ThresholdResult change(Metric m, String rule, Policy.Threshold t, Optional<Metric> before) {
        Policy.Change c = t.change();
        String sev = t.severity().name();
        double allowed = c.absolute() != null ? c.absolute() : c.relative();
        if (before.isEmpty() || Double.isNaN(before.get().value())) {
            return new ThresholdResult(m.name(), rule, "change", allowed, Double.NaN, "no baseline", sev,
                    Status.SKIPPED, m.name() + ": no baseline value to compare with");
        }
        double b = before.get().value();
        double worsening = "increase".equals(c.worse()) ? m.value() - b : b - m.value();
        double limit = c.absolute() != null ? c.absolute() : c.relative() * Math.abs(b);
        String allow = c.absolute() != null ? fmt(c.absolute()) : fmt(100 * c.relative()) + "% of the baseline";
        String text = m.name() + " " + fmt(b) + " -> " + fmt(m.value()) + " (baseline -> now); an " + c.worse()
                + " of at most " + allow + " is allowed";
        Status s = Double.isNaN(m.value()) || worsening > limit ? t.severity().status() : Status.PASS;
        return new ThresholdResult(m.name(), rule, "change", allowed, m.value() - b, "baseline " + fmt(b), sev, s,
                s == Status.PASS ? text : "regression: " + text + " (" + sev + ")");
    }

    private static String boundText(Policy.Threshold t) {
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
