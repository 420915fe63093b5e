package org.realitycheck.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Check} measured, before the policy judges it: metrics (with, for {@code mostly}
 * thresholds, the per-case values behind them), artifacts for the report and notes. A check that
 * cannot run on the inputs it was given returns {@link #skipped(String)} with the reason.
 *
 * <p>Per-case values stay in memory only: {@code result.json} keeps aggregates.
 */
public final class Evidence {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, double[]> cases = new LinkedHashMap<>();
    private final Map<String, double[][]> caseIntervals = new LinkedHashMap<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String skipReason;

    private Evidence(String skipReason) {
        this.skipReason = skipReason;
    }

    /** @return empty evidence to add metrics to */
    public static Evidence create() {
        return new Evidence(null);
    }

    /** @return evidence of a check that did not run, with the one-line reason (e.g. "the data has no truth") */
    public static Evidence skipped(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a skip needs a reason");
        }
        return new Evidence(reason);
    }

    /** Adds a metric; a second metric of the same name is an error (a check bug). */
    public Evidence metric(Metric m) {
        if (metrics.putIfAbsent(m.name(), m) != null) {
            throw new IllegalStateException("metric " + m.name() + " reported twice");
        }
        return this;
    }

    /**
     * Adds a metric with the per-case values behind it (per sample, per bin, per observable), which
     * {@code mostly} thresholds judge: "at least this fraction of cases lies within the bounds".
     */
    public Evidence metric(Metric m, double[] perCase) {
        metric(m);
        cases.put(m.name(), perCase.clone());
        return this;
    }

    /**
     * Adds a metric with per-case values and each case's own 95% interval (per bin: a bootstrap CI), so that
     * a {@code mostly} threshold counts a case as in or out only when its interval says so, and as undecided
     * when a bound lies inside it (the {@link Judge}'s rule for one metric, applied to each case).
     *
     * @param low each case's lower limit, same length as {@code perCase}
     * @param high each case's upper limit, same length as {@code perCase}
     */
    public Evidence metric(Metric m, double[] perCase, double[] low, double[] high) {
        if (low.length != perCase.length || high.length != perCase.length) {
            throw new IllegalArgumentException(m.name() + ": " + perCase.length + " cases but " + low.length + " lower and "
                    + high.length + " upper limits");
        }
        metric(m, perCase);
        caseIntervals.put(m.name(), new double[][] {low.clone(), high.clone()});
        return this;
    }

    public Evidence artifact(Artifact a) {
        artifacts.add(Objects.requireNonNull(a, "artifact"));
        return this;
    }

    /** Adds a line the report shows under the check (an assumption made, a sample dropped). */
    public Evidence note(String line) {
        notes.add(Objects.requireNonNull(line, "note"));
        return this;
    }

    public List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** @return the per-case values of a metric, if the check gave them */
    public Optional<double[]> cases(String metric) {
        double[] c = cases.get(metric);
        return c == null ? Optional.empty() : Optional.of(c.clone());
    }

    /** @return each case's lower and upper limit ({@code [2][cases]}), if the check gave them */
    public Optional<double[][]> caseIntervals(String metric) {
        double[][] c = caseIntervals.get(metric);
        return c == null ? Optional.empty() : Optional.of(new double[][] {c[0].clone(), c[1].clone()});
    }

    public List<Artifact> artifacts() {
        return List.copyOf(artifacts);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** @return the reason the check did not run, if it did not */
    public Optional<String> skipReason() {
        return Optional.ofNullable(skipReason);
    }
}
