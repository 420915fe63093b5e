package org.realitycheck.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.reports.internal.Templates;
import org.realitycheck.reports.internal.Text;
import org.realitycheck.reports.internal.Views;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.ThresholdResult;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;

/**
 * Two runs side by side: every metric's change from run A to run B, and every check's status, with
 * regressions first. B regressed against A when
 * <ul>
 *   <li>a metric moved in its worse direction by more than a {@code change} threshold of B's policy
 *       allows (the rule {@link Judge} applies against a baseline; a fail-severity violation is a
 *       regression, a warn-severity one is listed as a warning), or</li>
 *   <li>a check's status got worse (PASS → WARN → FAIL → ERROR), or a check that ran in A did not run
 *       in B (skipped or missing: a gate that stops checking something has lost coverage).</li>
 * </ul>
 * Metrics without a change threshold are listed with their change but not judged.
 */
public final class ComparisonReport {
    private final SuiteResult a;
    private final SuiteResult b;
    private final String aName;
    private final String bName;
    private final List<MetricDelta> metrics;
    private final List<CheckDelta> checks;

    /**
     * One metric from A to B.
     *
     * @param before A's value, NaN when A did not measure it
     * @param after B's value, NaN when B did not measure it
     * @param status FAIL/WARN when a change threshold is violated (by its severity), PASS when it holds,
     *     SKIPPED when no change threshold covers the metric or one run lacks it
     */
    public record MetricDelta(String check, String metric, String unit, double before, double after, Status status,
            String reason) {
        /** @return {@code after - before} */
        public double change() {
            return after - before;
        }
    }

    /**
     * One check from A to B.
     *
     * @param before A's status, or empty when A did not have the check
     * @param after B's status, or empty when B does not have it
     * @param regressed true when B is worse (see the class description)
     */
    public record CheckDelta(String check, Optional<Status> before, Optional<Status> after, boolean regressed,
            String reason) {
    }

    private ComparisonReport(SuiteResult a, String aName, SuiteResult b, String bName) {
        this.a = Objects.requireNonNull(a, "a");
        this.b = Objects.requireNonNull(b, "b");
        this.aName = Objects.requireNonNull(aName, "aName");
        this.bName = Objects.requireNonNull(bName, "bName");
        this.checks = compareChecks(a, b);
        this.metrics = compareMetrics(a, b);
    }

    /**
     * @param a the earlier run (the reference), never null
     * @param aName how to call it, e.g. its result.json path
     * @param b the later run, judged against {@code a} with its own policy
     */
    public static ComparisonReport of(SuiteResult a, String aName, SuiteResult b, String bName) {
        return new ComparisonReport(a, aName, b, bName);
    }

    /** @return true when B regressed against A */
    public boolean regressed() {
        return checks.stream().anyMatch(CheckDelta::regressed)
                || metrics.stream().anyMatch(m -> m.status() == Status.FAIL);
    }

    /** @return every metric's change, regressions (FAIL, then WARN) first, then in check order */
    public List<MetricDelta> metrics() {
        return metrics;
    }

    /** @return every check's status change, regressions first */
    public List<CheckDelta> checks() {
        return checks;
    }

    private static List<CheckDelta> compareChecks(SuiteResult a, SuiteResult b) {
        Set<String> ids = new LinkedHashSet<>();
        b.checks().forEach(c -> ids.add(c.id()));
        a.checks().forEach(c -> ids.add(c.id()));
        List<CheckDelta> out = new ArrayList<>();
        for (String id : ids) {
            Optional<Status> before = a.check(id).map(CheckResult::status);
            Optional<Status> after = b.check(id).map(CheckResult::status);
            boolean ranBefore = before.isPresent() && before.get() != Status.SKIPPED;
            boolean ranAfter = after.isPresent() && after.get() != Status.SKIPPED;
            boolean regressed;
            String reason;
            if (ranBefore && !ranAfter) {
                regressed = true;
                reason = after.isEmpty() ? "ran in A, missing in B: coverage lost"
                        : "ran in A, skipped in B: coverage lost (" + b.check(id).get().reason() + ")";
            } else if (ranBefore && after.get().severity() > before.get().severity()) {
                regressed = true;
                reason = "status got worse: " + b.check(id).get().reason();
            } else if (before.isPresent() && after.isPresent() && after.get().severity() < before.get().severity()
                    && ranAfter) {
                regressed = false;
                reason = "status improved";
            } else if (before.isEmpty()) {
                regressed = false;
                reason = "new in B";
            } else {
                regressed = false;
                reason = "unchanged";
            }
            out.add(new CheckDelta(id, before, after, regressed, reason));
        }
        List<CheckDelta> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt((CheckDelta d) -> d.regressed() ? 0 : 1));
        return List.copyOf(sorted);
    }

    private static List<MetricDelta> compareMetrics(SuiteResult a, SuiteResult b) {
        List<MetricDelta> out = new ArrayList<>();
        for (CheckResult cb : b.checks()) {
            CheckResult ca = a.check(cb.id()).orElse(null);
            Map<String, Metric> before = new LinkedHashMap<>();
            if (ca != null) {
                ca.metrics().forEach(m -> before.put(m.name(), m));
            }
            for (Metric m : cb.metrics()) {
                Metric old = before.remove(m.name());
                if (old == null) {
                    out.add(new MetricDelta(cb.id(), m.name(), m.unit(), Double.NaN, m.value(), Status.SKIPPED,
                            "not measured in A"));
                    continue;
                }
                out.add(judge(b.policy(), cb.id(), old, m));
            }
            for (Metric old : before.values()) {
                out.add(new MetricDelta(cb.id(), old.name(), old.unit(), old.value(), Double.NaN, Status.SKIPPED,
                        "not measured in B"));
            }
        }
        List<MetricDelta> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt((MetricDelta d) -> -rank(d.status())));
        return List.copyOf(sorted);
    }

    /** B's change thresholds on this metric, each judged by {@link Judge#change}; the worst outcome wins. */
    private static MetricDelta judge(Policy policy, String check, Metric old, Metric now) {
        Optional<Policy.CheckPolicy> section = policy == null ? Optional.empty() : policy.check(check);
        Status worst = Status.SKIPPED;
        String reason = "no change threshold in B's policy";
        for (Map.Entry<String, Policy.Threshold> e : section.map(Policy.CheckPolicy::thresholds).orElse(Map.of())
                .entrySet()) {
            Policy.Change c = e.getValue().change();
            if (c == null || !PolicyParser.matches(e.getKey(), now.name())) {
                continue;
            }
            ThresholdResult r = Judge.change(now, old, e.getKey(), e.getValue());
            Status s = r.status();
            if (worst == Status.SKIPPED || s.severity() > worst.severity()) {
                worst = s;
                reason = r.reason() + " (" + e.getKey() + ", " + e.getValue().severity() + ")";
            }
        }
        return new MetricDelta(check, now.name(), now.unit(), old.value(), now.value(), worst, reason);
    }

    private static int rank(Status s) {
        return s == Status.FAIL || s == Status.ERROR ? 3 : s == Status.WARN ? 2 : 0;
    }

    /** @return the comparison as a self-contained HTML file, in the style of the report */
    public String html() {
        Map<String, Object> v = new LinkedHashMap<>();
        boolean reg = regressed();
        v.put("verdict", reg ? "REGRESSED" : "NO REGRESSION");
        v.put("verdictClass", reg ? "fail" : "pass");
        v.put("verdictGlyph", reg ? "\u2716" : "\u2714");
        v.put("runs", List.of(run("A", aName, a), run("B", bName, b)));
        v.put("summary", summaryLine());
        List<Map<String, Object>> cs = new ArrayList<>();
        for (CheckDelta d : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", d.check());
            m.put("before", d.before().map(Views::badge).orElse(null));
            m.put("after", d.after().map(Views::badge).orElse(null));
            m.put("regressed", d.regressed());
            m.put("reason", d.reason());
            cs.add(m);
        }
        v.put("checks", cs);
        List<Map<String, Object>> ms = new ArrayList<>();
        for (MetricDelta d : metrics) {
            Map<String, Object> m = new LinkedHashMap<>(Views.badge(d.status()));
            m.put("check", d.check());
            m.put("metric", d.metric());
            m.put("before", Judge.fmt(d.before()));
            m.put("after", Judge.fmt(d.after()));
            m.put("change", signed(d.change()));
            m.put("unit", d.unit());
            m.put("reason", d.reason());
            ms.add(m);
        }
        v.put("metrics", ms);
        v.put("hasMetrics", !ms.isEmpty());
        return Templates.render("compare.mustache", v);
    }

    private static Map<String, Object> run(String tag, String name, SuiteResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", tag);
        m.put("name", name);
        m.put("model", r.provenance().model());
        m.put("domain", r.provenance().domain());
        m.put("date", r.provenance().timestamp());
        m.put("verdict", r.verdict().label());
        m.put("verdictClass", Views.verdictClass(r.verdict()));
        return m;
    }

    private String summaryLine() {
        long checkReg = checks.stream().filter(CheckDelta::regressed).count();
        long fail = metrics.stream().filter(m -> m.status() == Status.FAIL).count();
        long warn = metrics.stream().filter(m -> m.status() == Status.WARN).count();
        return checkReg + " check(s) worse, " + fail + " metric regression(s), " + warn + " metric warning(s), "
                + metrics.size() + " metric(s) compared";
    }

    private static String signed(double d) {
        return Double.isNaN(d) ? "—" : (d > 0 ? "+" : "") + Judge.fmt(d);
    }

    /** @return the comparison in Markdown: verdict, checks, and every metric's change, regressions first */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        boolean reg = regressed();
        sb.append("### realitycheck compare: ").append(reg ? "\u2716 **REGRESSED**" : "\u2714 **NO REGRESSION**")
                .append("\n\n");
        sb.append("A: ").append(Text.md(aName)).append(" (").append(Text.md(a.provenance().model())).append(", ")
                .append(a.verdict().label()).append(", ").append(Text.md(a.provenance().timestamp())).append(")  \n");
        sb.append("B: ").append(Text.md(bName)).append(" (").append(Text.md(b.provenance().model())).append(", ")
                .append(b.verdict().label()).append(", ").append(Text.md(b.provenance().timestamp())).append(")\n\n");
        sb.append(Text.md(summaryLine())).append(".\n\n");
        sb.append("| check | A | B | |\n|---|---|---|---|\n");
        for (CheckDelta d : checks) {
            sb.append("| ").append(Text.md(d.check())).append(" | ").append(d.before().map(Status::name).orElse("—"))
                    .append(" | ").append(d.after().map(Status::name).orElse("—")).append(" | ")
                    .append(d.regressed() ? "\u2716 " : "").append(Text.md(d.reason())).append(" |\n");
        }
        sb.append("\n| | check | metric | A → B | change | |\n|---|---|---|---|---|---|\n");
        for (MetricDelta d : metrics) {
            sb.append("| ").append(d.status().name()).append(" | ").append(Text.md(d.check())).append(" | ")
                    .append(Text.md(d.metric())).append(" | ").append(Judge.fmt(d.before())).append(" → ")
                    .append(Judge.fmt(d.after())).append(d.unit().isEmpty() ? "" : " " + Text.md(d.unit()))
                    .append(" | ").append(signed(d.change())).append(" | ").append(Text.md(d.reason())).append(" |\n");
        }
        return sb.toString();
    }

    /** Writes {@code compare.html} and {@code compare.md} into {@code dir}, each atomically. */
    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("compare.html"), html());
        AtomicFiles.writeString(dir.resolve("compare.md"), markdown());
    }
}
