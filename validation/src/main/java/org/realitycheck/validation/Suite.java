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
    /** The built-in checks, in the order the report shows them (DESIGN.md). */
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
     * Runs every check the policy names; checks it does not name are SKIPPED.
     *
     * @param baseline the baseline run, or null
     * @return the per-check results, in this suite's order
     */
    public List<CheckResult> run(Evaluations eval, Policy policy, Map<String, Range> trainingRanges,
            Map<String, Range> applicationRanges, SuiteResult baseline, long seed, ProgressSink progress) {
        Objects.requireNonNull(policy, "policy");
        List<CheckResult> out = new ArrayList<>();
        int i = 0;
        for (Check c : checks) {
            i++;
            progress.update("check " + c.id(), i - 1, checks.size());
            CheckPolicy section = policy.check(c.id()).orElse(null);
            if (section == null) {
                out.add(CheckResult.bare(c, Status.SKIPPED, "not in the policy"));
                continue;
            }
            if (!section.enabled()) {
                out.add(CheckResult.bare(c, Status.SKIPPED, "disabled in the policy"));
                continue;
            }
            CheckResult before = baseline == null ? null : baseline.check(c.id()).orElse(null);
            CheckContext ctx = new CheckContext(eval.generator(), eval.domain(), eval,
                    Params.of(c.defaultParams(), section.params()), trainingRanges, applicationRanges, before,
                    Seeds.derive(seed, "check:" + c.id()), progress);
            long t0 = System.nanoTime();
            CheckResult r;
            try {
                r = Judge.judge(c, c.measure(ctx), section, before);
            } catch (Exception e) {
                LOG.debug("check {} failed", c.id(), e);
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                r = CheckResult.bare(c, Status.ERROR, "the check could not run: " + msg.replace('\n', ' '));
            }
            LOG.info("{}: {} in {} s ({})", c.id(), r.status(), String.format("%.1f", (System.nanoTime() - t0) / 1e9),
                    r.reason());
            out.add(r);
        }
        progress.update("checks", checks.size(), checks.size());
        return out;
    }
}
