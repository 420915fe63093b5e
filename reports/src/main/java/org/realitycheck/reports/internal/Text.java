package org.realitycheck.reports.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.ThresholdResult;

/** Text the reports share: numbers with intervals, thresholds, commands, Markdown escaping. */
public final class Text {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Text() {
    }

    /** @return {@code value unit}, 4 significant digits ({@link Judge#fmt}) */
    public static String value(Metric m) {
        return Judge.fmt(m.value()) + unit(m.unit());
    }

    /** @return {@code [lo, hi]} or empty when the metric has no interval */
    public static String interval(Metric m) {
        return m.hasInterval() ? "[" + Judge.fmt(m.low()) + ", " + Judge.fmt(m.high()) + "]" : "";
    }

    /** @return {@code value [lo, hi] unit} */
    public static String withInterval(Metric m) {
        String ci = m.hasInterval() ? " " + interval(m) : "";
        return Judge.fmt(m.value()) + ci + unit(m.unit());
    }

    private static String unit(String u) {
        return u == null || u.isEmpty() ? "" : " " + u;
    }

    /** @return an axis label {@code label [unit]}, or {@code label (dimensionless)} without a unit */
    public static String axis(String label, String unit) {
        String l = label == null || label.isBlank() ? "value" : label;
        return unit == null || unit.isBlank() ? l + " (dimensionless)" : l + " [" + unit + "]";
    }

    /**
     * @return the policy threshold behind a threshold result, read from the result's effective policy
     *     (it keeps both bounds of a range, which {@link ThresholdResult#bound()} does not)
     */
    public static Optional<Policy.Threshold> policyThreshold(SuiteResult r, String check, ThresholdResult t) {
        if (r.policy() == null) {
            return Optional.empty();
        }
        return r.policy().check(check).map(c -> c.thresholds().get(t.rule()));
    }

    /** @return the rule in words, e.g. {@code ≤ 0.05}, {@code in [0.9, 1.1]}, {@code ≥ 95% of cases in [...]} */
    public static String rule(ThresholdResult t, Optional<Policy.Threshold> p) {
        if ("change".equals(t.kind())) {
            if (p.isPresent() && p.get().change() != null) {
                Policy.Change c = p.get().change();
                String allow = c.absolute() != null ? Judge.fmt(c.absolute()) : Judge.fmt(100 * c.relative()) + "%";
                return c.worse() + " ≤ " + allow + " vs baseline";
            }
            return "change ≤ " + Judge.fmt(t.bound()) + " vs baseline";
        }
        if (p.isPresent() && (p.get().lower() != null || p.get().upper() != null)) {
            Policy.Threshold th = p.get();
            String b = th.lower() != null && th.upper() != null
                    ? "in [" + Judge.fmt(th.lower()) + ", " + Judge.fmt(th.upper()) + "]"
                    : th.lower() != null ? "≥ " + Judge.fmt(th.lower()) : "≤ " + Judge.fmt(th.upper());
            return th.mostly() != null ? "≥ " + Judge.fmt(100 * th.mostly()) + "% of cases " + b : b;
        }
        return switch (t.kind()) {
            case "lower" -> "≥ " + Judge.fmt(t.bound());
            case "upper" -> "≤ " + Judge.fmt(t.bound());
            case "mostly" -> "≥ " + Judge.fmt(100 * t.bound()) + "% of cases";
            default -> t.kind() + " " + Judge.fmt(t.bound());
        };
    }

    /**
     * @return the threshold that decided a check's status when it is not a pass: among the thresholds with
     *     the check's own status (FAIL, else WARN), the one its reason quotes, else the first; empty for a
     *     passing or skipped check, whose headline is the check's own
     */
    public static Optional<ThresholdResult> decisive(CheckResult c) {
        Status want = c.status() == Status.ERROR ? Status.FAIL : c.status();
        if (want != Status.FAIL && want != Status.WARN) {
            return Optional.empty();
        }
        List<ThresholdResult> same = c.thresholds().stream().filter(t -> t.status() == want).toList();
        return same.stream().filter(t -> !t.reason().isEmpty() && c.reason().contains(t.reason())).findFirst()
                .or(() -> same.stream().findFirst());
    }

    /** @return the name of the metric the summary shows for a check: the decisive one ({@link #decisive}), else its headline */
    public static String headlineMetric(CheckResult c) {
        return decisive(c).map(ThresholdResult::metric).orElse(c.headline());
    }

    /**
     * @return the thresholds shown next to a check's headline in the summary table: the one that decided a
     *     failing or warning check; else those on the headline metric (a glob such as *.rate may cover it
     *     without naming it), bounds before changes
     */
    public static String headlineRule(SuiteResult r, CheckResult c) {
        Optional<ThresholdResult> d = decisive(c);
        if (d.isPresent()) {
            return rule(d.get(), policyThreshold(r, c.id(), d.get())) + " (" + d.get().severity() + ")";
        }
        List<ThresholdResult> on = c.thresholds().stream()
                .filter(t -> !c.headline().isEmpty() && t.metric().equals(c.headline()) && !"change".equals(t.kind()))
                .toList();
        if (on.isEmpty() && !c.headline().isEmpty()) {
            on = c.thresholds().stream()
                    .filter(t -> PolicyParser.matches(t.rule(), c.headline()) && !"change".equals(t.kind())).toList();
        }
        StringBuilder sb = new StringBuilder();
        for (ThresholdResult t : on) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(rule(t, policyThreshold(r, c.id(), t))).append(" (").append(t.severity()).append(')');
        }
        return sb.toString();
    }

    /**
     * @return the metric that decided a failing or warning check ({@link #decisive}), else the check's headline
     *     metric, with its interval; empty when there is neither
     */
    public static String headline(CheckResult c) {
        Optional<ThresholdResult> d = decisive(c);
        if (d.isPresent()) {
            ThresholdResult t = d.get();
            return switch (t.kind()) {
                case "mostly" -> t.metric() + ": " + Judge.fmt(100 * t.observed()) + "% of cases within the bounds";
                case "change" -> t.metric() + ": " + (t.observed() > 0 ? "+" : "") + Judge.fmt(t.observed()) + " against the baseline";
                default -> c.metric(t.metric()).map(m -> m.name() + " = " + withInterval(m))
                        .orElse(t.metric() + " = " + Judge.fmt(t.observed()));
            };
        }
        return c.metric(c.headline()).map(m -> m.name() + " = " + withInterval(m)).orElse("");
    }

    /** @return the command line as one string a POSIX shell runs as given (arguments quoted where needed) */
    public static String shellCommand(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(SHELL_SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /**
     * Escapes text for a Markdown table cell (GitHub-flavoured): backslash-escapes the characters that
     * start Markdown or end a cell, turns {@code <} and {@code >} into entities so no HTML passes
     * through, and folds line breaks into spaces.
     */
    public static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\', '|', '`', '*', '_', '[', ']', '#', '~', '!', '(', ')' -> sb.append('\\').append(ch);
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** @return {@code s} cut to {@code max} characters with an ellipsis */
    public static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** @return a count without a trailing {@code .0} */
    public static String count(double n) {
        return Judge.fmt(n);
    }
}
