package org.realitycheck.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.realitycheck.core.Range;
import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.core.ModelCard;
import org.realitycheck.reports.internal.Templates;
import org.realitycheck.reports.internal.Text;
import org.realitycheck.reports.internal.Views;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.ThresholdResult;

/**
 * The review report: one self-contained HTML5 file (inline CSS, PNG data URIs, no script, no
 * network) that a reviewer reads before a model is allowed near science. In order: the verdict
 * banner with model, domain, data and date; the table of checks; each check's evidence (thresholds,
 * metrics, figures drawn from its artifacts, notes); provenance, with the command that reproduces the
 * run; and the changes against the baseline run, regressions first.
 *
 * <p>Everything is rendered from the {@link SuiteResult} alone, so a report re-rendered from
 * {@code result.json} is the same file. The same result gives the same bytes: the only time in the
 * file is the run's own timestamp.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * @param result the run, never null
     * @return the HTML document
     */
    public static String render(SuiteResult result) {
        Objects.requireNonNull(result, "result");
        return Templates.render("report.mustache", view(result));
    }

    /** Renders and writes the report atomically (a temp file renamed over {@code file}). */
    public static void write(SuiteResult result, Path file) throws IOException {
        AtomicFiles.writeString(file, render(result));
    }

    static Map<String, Object> view(SuiteResult r) {
        SuiteResult.Provenance p = r.provenance();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("verdict", r.verdict().label());
        v.put("verdictClass", Views.verdictClass(r.verdict()));
        v.put("verdictGlyph", Views.glyph(r.verdict()));
        v.put("model", p.model());
        v.put("domain", p.domain());
        v.put("data", p.data() + " (" + p.dataSamples() + " samples)");
        v.put("date", p.timestamp());
        v.put("tool", p.tool());
        v.put("counts", counts(r));
        List<Map<String, Object>> checks = new ArrayList<>();
        int i = 0;
        for (CheckResult c : r.checks()) {
            checks.add(check(r, c, ++i));
        }
        v.put("checks", checks);
        v.put("provenance", provenance(r));
        v.put("command", p.command().isEmpty() ? "" : Text.shellCommand(p.command()));
        v.put("hasCommand", !p.command().isEmpty());
        v.put("ranges", ranges(p.trainingRanges(), p.applicationRanges()));
        v.put("card", card(p.card()));
        List<Map<String, Object>> changes = changes(r.changes());
        v.put("changes", changes);
        v.put("hasChanges", !changes.isEmpty());
        v.put("baseline", p.baseline());
        return v;
    }

    private static String counts(SuiteResult r) {
        List<String> parts = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
            total += e.getValue();
            if (e.getValue() > 0) {
                parts.add(e.getValue() + " " + e.getKey());
            }
        }
        return total + (total == 1 ? " check: " : " checks: ") + String.join(", ", parts);
    }

    private static Map<String, Object> check(SuiteResult r, CheckResult c, int index) {
        Map<String, Object> m = new LinkedHashMap<>(Views.badge(c.status()));
        m.put("anchor", "check-" + index);
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("protectsAgainst", c.protectsAgainst());
        m.put("reason", c.reason());
        m.put("headline", Text.headline(c));
        m.put("threshold", Text.headlineRule(r, c));
        List<Map<String, Object>> ts = new ArrayList<>();
        List<ThresholdResult> sorted = new ArrayList<>(c.thresholds());
        // violations first: the reader looks for what went wrong
        sorted.sort(Comparator.comparingInt((ThresholdResult t) -> -t.status().severity()));
        for (ThresholdResult t : sorted) {
            Map<String, Object> tv = new LinkedHashMap<>(Views.badge(t.status()));
            tv.put("metric", t.metric());
            tv.put("rule", Text.rule(t, Text.policyThreshold(r, c.id(), t)));
            tv.put("observed", Judge.fmt(t.observed()));
            tv.put("against", t.against());
            tv.put("severity", t.severity());
            tv.put("reason", t.reason());
            ts.add(tv);
        }
        m.put("thresholds", ts);
        m.put("hasThresholds", !ts.isEmpty());
        m.put("thresholdCount", ts.size());
        // what decided a failing or warning check, shown open above its figures; everything else behind a click
        List<Map<String, Object>> decided = ts.stream().filter(t -> !Status.PASS.name().equals(t.get("status"))
                && !Status.SKIPPED.name().equals(t.get("status"))).toList();
        m.put("decided", decided);
        m.put("hasDecided", !decided.isEmpty());
        List<Map<String, Object>> ms = new ArrayList<>();
        for (Metric x : c.metrics()) {
            Map<String, Object> mv = new LinkedHashMap<>();
            mv.put("name", x.name());
            mv.put("value", Judge.fmt(x.value()));
            mv.put("ci", Text.interval(x));
            mv.put("unit", x.unit());
            mv.put("description", x.description());
            mv.put("headline", x.name().equals(Text.headlineMetric(c)));
            ms.add(mv);
        }
        m.put("metrics", ms);
        m.put("hasMetrics", !ms.isEmpty());
        m.put("metricCount", ms.size());
        List<Map<String, Object>> as = new ArrayList<>();
        java.util.Optional<ThresholdResult> decisive = Text.decisive(c);
        for (Artifact a : c.artifacts()) {
            as.add(Views.artifact(a));
            if (a instanceof Artifact.Curves cv && decisive.isPresent()) {
                ThresholdResult t = decisive.get();
                Views.judgedRatio(cv, t, Text.rule(t, Text.policyThreshold(r, c.id(), t))).ifPresent(as::add);
            }
        }
        m.put("artifacts", as);
        m.put("notes", c.notes());
        m.put("hasNotes", !c.notes().isEmpty());
        return m;
    }

    private static List<Map<String, Object>> provenance(SuiteResult r) {
        SuiteResult.Provenance p = r.provenance();
        List<Map<String, Object>> rows = new ArrayList<>();
        row(rows, "model file", p.model());
        row(rows, "model SHA-256", p.modelSha256().isEmpty() ? "(not a file)" : p.modelSha256());
        row(rows, "domain", p.domain());
        row(rows, "held-out data", p.data());
        row(rows, "data SHA-256", p.dataSha256());
        row(rows, "held-out samples", Integer.toString(p.dataSamples()));
        row(rows, "seed", Long.toString(p.seed()));
        if (!p.policy().isEmpty()) {
            row(rows, "policy", p.policy());
        }
        for (var f : p.importFidelity()) {
            row(rows, "import fidelity", f.describe());
        }
        if (!p.baseline().isEmpty()) {
            row(rows, "baseline run", p.baseline());
        }
        row(rows, "realitycheck", p.tool());
        row(rows, "DL4J / ND4J", p.dl4j());
        row(rows, "Java", p.java());
        row(rows, "OS", p.os());
        row(rows, "CPU", p.cpu());
        row(rows, "finished", p.timestamp());
        row(rows, "result schema", Integer.toString(r.schemaVersion()));
        return rows;
    }

    private static List<Map<String, Object>> card(ModelCard c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (c == null) {
            row(rows, "card", "(none)");
            return rows;
        }
        row(rows, "domain", c.domain());
        row(rows, "generator", String.valueOf(c.architecture().generator()));
        row(rows, "discriminator", String.valueOf(c.architecture().discriminator()));
        var t = c.training();
        row(rows, "training", t.epochs() + " epochs, batch " + t.batchSize() + ", loss " + t.loss() + " (L1 weight "
                + Judge.fmt(t.l1Weight()) + "), Adam lr " + Judge.fmt(t.learningRate()) + " β1 " + Judge.fmt(t.beta1())
                + ", D steps per G step " + t.discriminatorSteps());
        row(rows, "training seed", Long.toString(c.seed()));
        row(rows, "training samples", Integer.toString(c.trainingSamples()));
        row(rows, "training data SHA-256", c.trainingDataSha256());
        row(rows, "shapes", "condition " + java.util.Arrays.toString(c.conditionShape()) + " → output "
                + java.util.Arrays.toString(c.targetShape()));
        row(rows, "training time", Judge.fmt(c.trainingSeconds()) + " s, " + c.steps() + " generator steps");
        StringBuilder losses = new StringBuilder();
        for (Map.Entry<String, Double> e : new TreeMap<>(c.finalLosses()).entrySet()) {
            losses.append(losses.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ").append(Judge.fmt(e.getValue()));
        }
        row(rows, "final losses", losses.length() == 0 ? "(none recorded)" : losses.toString());
        var cp = c.provenance();
        if (c.architecture().generator() instanceof org.realitycheck.core.nn.ExternalSpec) {
            row(rows, "trained with", cp.tool()); // an import: the card knows the framework, not our stack
            return rows;
        }
        row(rows, "trained with", "realitycheck " + cp.tool() + ", DL4J " + cp.dl4j() + ", Java " + cp.java() + ", "
                + cp.os() + ", " + cp.cpu());
        return rows;
    }

    private static void row(List<Map<String, Object>> rows, String key, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value == null ? "" : value);
        rows.add(m);
    }

    private static List<Map<String, Object>> ranges(Map<String, Range> training, Map<String, Range> application) {
        TreeMap<String, Object> names = new TreeMap<>();
        training.keySet().forEach(k -> names.put(k, k));
        application.keySet().forEach(k -> names.put(k, k));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String k : names.keySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("covariate", k);
            m.put("training", range(training.get(k)));
            m.put("application", range(application.get(k)));
            Range tr = training.get(k);
            Range ap = application.get(k);
            m.put("beyond", tr != null && ap != null && (ap.min() < tr.min() || ap.max() > tr.max()));
            rows.add(m);
        }
        return rows;
    }

    private static String range(Range r) {
        return r == null ? "—" : "[" + Judge.fmt(r.min()) + ", " + Judge.fmt(r.max()) + "]";
    }

    static List<Map<String, Object>> changes(List<SuiteResult.MetricChange> changes) {
        List<SuiteResult.MetricChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt((SuiteResult.MetricChange c) -> -rank(c.status())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SuiteResult.MetricChange c : sorted) {
            Map<String, Object> m = new LinkedHashMap<>(Views.badge(c.status()));
            m.put("check", c.check());
            m.put("metric", c.metric());
            m.put("before", Judge.fmt(c.before()));
            m.put("after", Judge.fmt(c.after()));
            m.put("change", (c.change() > 0 ? "+" : "") + Judge.fmt(c.change()));
            m.put("reason", c.reason());
            m.put("judged", c.status() != Status.SKIPPED);
            rows.add(m);
        }
        return rows;
    }

    private static int rank(Status s) {
        return s == Status.FAIL || s == Status.ERROR ? 2 : s == Status.WARN ? 1 : 0;
    }
}
