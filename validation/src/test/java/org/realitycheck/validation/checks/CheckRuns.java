package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.RealityCheck;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.ThresholdResult;

/** Runs one check end to end through {@link RealityCheck} and asserts on what the policy judged. */
final class CheckRuns {
    private CheckRuns() {
    }

    static CheckResult run(Check check, Generator g, Domain d, Policy p, long seed) {
        return run(check, g, d, p, seed, null);
    }

    static CheckResult run(Check check, Generator g, Domain d, Policy p, long seed, SampleSet data) {
        SuiteResult r = RealityCheck.of(g).domain(d).policy(p).checks(List.of(check)).data(data, "test data").seed(seed)
                .run();
        return r.check(check.id()).orElseThrow();
    }

    /** @return every threshold line, for failure messages */
    static String describe(CheckResult r) {
        return r.status() + ": " + r.reason() + "\n  " + r.thresholds().stream()
                .map(t -> t.status() + " " + t.reason()).collect(Collectors.joining("\n  "));
    }

    static void assertPasses(CheckResult r) {
        assertThat(r.status()).as(describe(r)).isEqualTo(Status.PASS);
    }

    /** The check FAILs, a threshold on {@code metric} FAILs, and the reason names a metric and a bound. */
    static void assertFailsOn(CheckResult r, String metric) {
        assertThat(r.status()).as(describe(r)).isEqualTo(Status.FAIL);
        List<ThresholdResult> hits = r.thresholds().stream()
                .filter(t -> t.metric().equals(metric) && t.status() == Status.FAIL).toList();
        assertThat(hits).as("a FAIL on %s in%n%s", metric, describe(r)).isNotEmpty();
        assertThat(hits.get(0).reason()).contains(metric).containsPattern("violates (<=|>=|in \\[|at least)");
        assertThat(r.reason()).containsPattern("violates (<=|>=|in \\[|at least)");
    }

    /** Prints the verdict and every metric (for the test log; the report quotes these numbers). */
    static void print(CheckResult r) {
        System.out.println(describe(r));
        r.metrics().forEach(m -> System.out.println("    " + org.realitycheck.validation.Judge.describe(m)));
    }

    static double value(CheckResult r, String metric) {
        return r.metric(metric).orElseThrow(() -> new AssertionError("no metric " + metric + " in " + r.metrics()
                .stream().map(m -> m.name()).toList())).value();
    }
}
