package org.realitycheck.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.realitycheck.core.Range;
import org.realitycheck.validation.Policy.CheckPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks against one model and judges them: each check in turn measures
 * ({@link Check#measure}), the policy judges ({@link Judge}), and a check that throws becomes ERROR
 * with its message while the others still run. {@link RealityCheck} is the public entry point.
 */
public final class Suite {
    private static final Logger LOG = LoggerFactory.getLogger(Suite.class);
    /** The built-in checks, in the order the report shows them. */
    public static final List<String> BUILT_IN = List.of("hallucination.empty-fields", "ood.covariate",
            "residuals.conventional", "consistency.forward-model", "rare-objects", "distribution.fidelity");

    private final List<Check> checks;

    /** @param checks the checks to run, in order; ids must be unique */
    public Suite(List<Check> checks) {
        Map<String, Check> byId = new LinkedHashMap<>();
        for (Check c : checks) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("two checks have the id '" + c.id() + "': "
                        + byId.get(c.id()).getClass().getName() + " and " + c.getClass().getName());
            }
        }
        this.checks = List.copyOf(checks);
    }

    /**
     * @return every check registered through {@link ServiceLoader}: the built-in ones in
     *     {@link #BUILT_IN} order, then the others by id
     */
    public static List<Check> checks() {
        Map<String, Check> found = new TreeMap<>();
        for (Check c : ServiceLoader.load(Check.class)) {
            Check prev = found.putIfAbsent(c.id(), c);
            if (prev != null && prev.getClass() != c.getClass()) {
                throw new IllegalStateException("two checks have the id '" + c.id() + "': "
                        + prev.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        List<Check> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingInt((Check c) -> {
            int i = BUILT_IN.indexOf(c.id());
            return i < 0 ? BUILT_IN.size() : i;
        }).thenComparing(Check::id));
        return out;
    }

    /** @return the checks this suite runs */
    public List<Check> list() {
        return checks;
    }

    /**
     * Runs every check the policy names; checks it does not name are SKIPPED. Checks with an
     * {@link Check#accumulator accumulator} share one pass over the data ({@link OnePass}); a check that only
     * overrides {@link Check#measure} runs after it on the whole {@link Evaluations}.
     *
     * @param baseline the baseline run, or null
     * @return the per-check results, in this suite's order
     */
    public List<CheckResult> run(Evaluations eval, Policy policy, Map<String, Range> trainingRanges,
            Map<String, Range> applicationRanges, SuiteResult baseline, long seed, ProgressSink progress) {
        Objects.requireNonNull(policy, "policy");
        CheckResult[] out = new CheckResult[checks.size()];
        CheckContext[] ctxs = new CheckContext[checks.size()];
        CheckPolicy[] sections = new CheckPolicy[checks.size()];
        OnePass.Job[] jobs = new OnePass.Job[checks.size()];
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            CheckPolicy section = policy.check(c.id()).orElse(null);
            if (section == null) {
                out[i] = CheckResult.bare(c, Status.SKIPPED, "not in the policy");
                continue;
            }
            if (!section.enabled()) {
                out[i] = CheckResult.bare(c, Status.SKIPPED, "disabled in the policy");
                continue;
            }
            CheckResult before = baseline == null ? null : baseline.check(c.id()).orElse(null);
            ctxs[i] = new CheckContext(eval.generator(), eval.domain(), eval,
                    Params.of(c.defaultParams(), section.params()), trainingRanges, applicationRanges, before,
                    Seeds.derive(seed, "check:" + c.id()), progress);
            sections[i] = withDefaultThresholds(c, eval, section);
            try {
                Accumulator acc = c.accumulator(ctxs[i]);
                if (acc != null) {
                    jobs[i] = new OnePass.Job(c, c.plan(ctxs[i]), acc);
                }
            } catch (RuntimeException e) {
                out[i] = error(c, e);
            }
        }
        List<OnePass.Job> streaming = java.util.Arrays.stream(jobs).filter(Objects::nonNull).toList();
        progress.update("one pass over the data for " + streaming.size() + " checks", 0, checks.size());
        Map<OnePass.Job, RuntimeException> failed = OnePass.feed(eval, streaming);
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            progress.update("check " + c.id(), i, checks.size());
            if (out[i] != null) {
                continue;
            }
            CheckResult before = ctxs[i].baseline().orElse(null);
            long t0 = System.nanoTime();
            CheckResult r;
            try {
                Evidence ev;
                if (jobs[i] == null) {
                    CheckContext ctx = ctxs[i];
                    ev = eval.timed("statistics", () -> {
                        try {
                            return c.measure(ctx);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
                        }
                    });
                } else if (failed.containsKey(jobs[i])) {
                    throw failed.get(jobs[i]);
                } else {
                    ev = OnePass.finish(eval, jobs[i].accumulator(), ctxs[i]);
                }
                r = Judge.judge(c, ev, sections[i], before);
            } catch (RuntimeException e) {
                LOG.debug("check {} failed", c.id(), e);
                r = error(c, e);
            }
            LOG.info("{}: {} in {} s ({})", c.id(), r.status(), String.format("%.1f", (System.nanoTime() - t0) / 1e9),
                    r.reason());
            out[i] = r;
        }
        progress.update("checks", checks.size(), checks.size());
        return List.of(out);
    }

    /** The metric every built-in check reports and the gate judges by default: any non-finite output FAILs. */
    public static final String NON_FINITE_COUNT = "non_finite_count";

    /**
     * @return {@code section} with the default threshold {@code non_finite_count: {upper: 0}} (severity fail)
     *     added when the check reports that metric and the policy sets no threshold that matches it
     */
    static CheckPolicy withDefaultThresholds(Check c, Evaluations eval, CheckPolicy section) {
        List<String> names;
        try {
            names = c.metricNames(eval.domain());
        } catch (RuntimeException e) {
            return section;
        }
        if (!names.contains(NON_FINITE_COUNT)
                || section.thresholds().keySet().stream().anyMatch(k -> PolicyParser.matches(k, NON_FINITE_COUNT))) {
            return section;
        }
        Map<String, Policy.Threshold> t = new LinkedHashMap<>(section.thresholds());
        t.put(NON_FINITE_COUNT, new Policy.Threshold(null, 0.0, null, null, Policy.Severity.fail));
        return new CheckPolicy(section.enabled(), section.params(), t);
    }

    private static CheckResult error(Check c, Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return CheckResult.bare(c, Status.ERROR, "the check could not run: " + msg.replace('\n', ' '));
    }
}
