package org.realitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.ProgressSink;
import org.realitycheck.validation.RealityCheck;
import org.realitycheck.validation.Suite;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.ThresholdResult;
import org.realitycheck.validation.stats.Sizing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck plan}: how many held-out samples a policy needs. A pilot run gates the domain's
 * conventional method (wrapped as a model) at the policy's sample count and seed; each threshold's
 * interval gives the statistic's per-sample standard deviation ({@link Sizing#perSampleSd}). For every
 * threshold with bounds it prints the conventional method's value, the effect the threshold is meant
 * to catch, the samples at which (a) the method PASSes with probability 0.95 and (b) a model with the
 * effect FAILs with probability 0.95, and the two probabilities at the configured count.
 *
 * <p>Effects: {@code --effect GLOB=VALUE}; by default 1.5 for resolution ratios (1.5 times the method's
 * resolution) and otherwise the value as far past the bound as the method is inside it. Normal
 * approximation; a ratio's standard deviation is scaled with its value (constant relative error).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Sample sizes from a power calculation, for each threshold of a policy.",
            "Per threshold: the held-out samples that let the conventional method PASS, and a model with the threshold's effect FAIL, each with probability 0.95; and the power of the configured count.",
            "It runs one pilot validation of the conventional method.", "",
            "Example:", "  realitycheck plan --domain hep --samples 20000"})
final class PlanCommand implements Callable<Integer> {
    static final double LEVEL = 0.95;
    static final double WANTED = 0.95;

    @Spec
    CommandSpec spec;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "The domain: ${COMPLETION-CANDIDATES}.",
            completionCandidates = DomainNames.class)
    String domain;

    @Option(names = "--policy", paramLabel = "FILE", description = "Validation policy, YAML or JSON (default: the domain's).")
    Path policy;

    @Option(names = "--samples", paramLabel = "N", description = "Pilot and configured sample count (default: the policy's).")
    Integer samples;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the pilot (default: the policy's, else 42).")
    Long seed;

    @Option(names = "--effect", paramLabel = "GLOB=VALUE", description = "The metric value a threshold must catch, "
            + "e.g. '*.resolution_ratio*=1.5'. Repeatable; the first matching glob wins.")
    Map<String, Double> effects = new LinkedHashMap<>();

    /** One threshold's plan. {@code nPass}/{@code nFail} are {@link Integer#MAX_VALUE} when unreachable. */
    record Row(String check, String metric, String rule, String bound, double method, double low, double high,
            double effect, int nPass, int nFail, double pPass, double pFail, String note) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (samples != null && samples < 2) {
            throw new UsageException("--samples must be >= 2, got " + samples);
        }
        if (policy != null) {
            Inputs.regularFile(policy, "--policy");
        }
        Domain d = Domains.byName(domain);
        List<Check> checks = Suite.checks();
        Policy p = policy == null ? PolicyParser.defaults(d, checks) : PolicyParser.parse(policy, checks, d);
        if (samples != null) {
            Limits.checkCount(d, samples, 1, Map.of(), "--samples");
            p = p.withSamples(samples);
        }
        long s = seed != null ? seed : p.seed() != null ? p.seed() : 42L;
        int n = p.samples();
        Progress.note(err, "pilot: the " + d.name() + " conventional method on " + n + " simulated samples, seed " + s);
        Policy pol = p;
        SampleSet held = LibraryOutput.quietly(() -> d.data().simulate(pol.samples(), s, Map.of()));
        RealityCheck rc = RealityCheck.of(new ConventionalGenerator(d, held.conditionShape(), held.targetShape(),
                p.application())).domain(d).policy(p).checks(checks).seed(s).data(held, "pilot: " + n + " simulated")
                .progress(ProgressSink.NONE);
        SuiteResult pilot = LibraryOutput.quietly(rc::run);
        List<Row> rows = rows(pilot, p, n, effects);
        print(spec.commandLine().getOut(), d.name(), n, s, rows);
        return ExitCode.OK;
    }

    /** The plan of every bounded threshold the pilot judged. */
    static List<Row> rows(SuiteResult pilot, Policy policy, int n, Map<String, Double> effects) {
        List<Row> out = new ArrayList<>();
        for (CheckResult c : pilot.checks()) {
            Optional<Policy.CheckPolicy> section = policy.check(c.id());
            for (ThresholdResult t : c.thresholds()) {
                Policy.Threshold th = section.map(x -> x.thresholds().get(t.rule())).orElse(null);
                if (th == null || (th.lower() == null && th.upper() == null)) {
                    continue;
                }
                Optional<Metric> m = c.metric(t.metric());
                if (m.isPresent()) {
                    out.add(row(c.id(), m.get(), t.rule(), th, n, effect(effects, m.get().name(), th)));
                }
            }
        }
        return out;
    }

    static Row row(String check, Metric m, String rule, Policy.Threshold th, int n, Double effectOverride) {
        String bound = (th.lower() != null ? ">= " + Judge.fmt(th.lower()) : "")
                + (th.lower() != null && th.upper() != null ? ", " : "") + (th.upper() != null ? "<= " + Judge.fmt(th.upper()) : "")
                + (th.mostly() != null ? " (mostly " + Judge.fmt(th.mostly()) + ", sized on the worst case)" : "");
        double v = m.value();
        if (!Double.isFinite(v) || !m.hasInterval() || !Double.isFinite(m.low()) || !Double.isFinite(m.high())) {
            String why = !Double.isFinite(v) ? "undefined in the pilot" : "no interval: decided on its value";
            return new Row(check, m.name(), rule, bound, v, m.low(), m.high(), Double.NaN, 0, 0, Double.NaN, Double.NaN, why);
        }
        // the nearer bound on the method's side, and the effect past it
        boolean upper = th.upper() != null && (th.lower() == null || Math.abs(th.upper() - v) <= Math.abs(v - th.lower()));
        double b = upper ? th.upper() : th.lower();
        boolean inside = upper ? v < b : v > b;
        double effect = effectOverride != null ? effectOverride
                : m.name().contains("resolution_ratio") && (upper ? 1.5 > b : 1.5 < b) ? 1.5 : b + (b - v);
        if (!(m.high() > m.low())) {
            return new Row(check, m.name(), rule, bound, v, m.low(), m.high(), effect, Integer.MAX_VALUE, Integer.MAX_VALUE,
                    Double.NaN, Double.NaN, "pilot interval has zero width (the method compared with itself): "
                            + "size this threshold from a pilot of another model");
        }
        // a percentile interval may leave the point outside it: then half the whole width stands for a side
        double half = (m.high() - m.low()) / 2;
        double upSide = m.high() - v > 0 ? m.high() - v : half;
        double downSide = v - m.low() > 0 ? v - m.low() : half;
        double sdPass = Sizing.perSampleSd(upper ? upSide : downSide, n, LEVEL);
        double sdFail = Sizing.perSampleSd(upper ? downSide : upSide, n, LEVEL);
        if (m.name().contains("ratio") && v != 0) {
            sdFail *= Math.abs(effect / v);
        }
        int nPass = Integer.MAX_VALUE;
        double pPass = 0;
        if (inside && sdPass > 0) {
            nPass = Sizing.samplesToDecide(sdPass, Math.abs(b - v), LEVEL, WANTED);
            pPass = Sizing.probabilityToDecide(sdPass, Math.abs(b - v), n, LEVEL);
        }
        boolean past = upper ? effect > b : effect < b;
        int nFail = Integer.MAX_VALUE;
        double pFail = 0;
        if (past && sdFail > 0) {
            nFail = Sizing.samplesToDecide(sdFail, Math.abs(effect - b), LEVEL, WANTED);
            pFail = Sizing.probabilityToDecide(sdFail, Math.abs(effect - b), n, LEVEL);
        }
        String note = !inside ? "the method itself does not meet it" : !past ? "effect not past the bound" : "";
        return new Row(check, m.name(), rule, bound, v, m.low(), m.high(), effect, nPass, nFail, pPass, pFail, note);
    }

    private static Double effect(Map<String, Double> effects, String metric, Policy.Threshold th) {
        for (Map.Entry<String, Double> e : effects.entrySet()) {
            if (PolicyParser.matches(e.getKey(), metric)) {
                return e.getValue();
            }
        }
        return null;
    }

    static void print(PrintWriter out, String domain, int n, long seed, List<Row> rows) {
        out.printf(Locale.ROOT, "plan for %s: pilot of the conventional method at %d samples, seed %d; 95%% intervals, "
                + "probability 0.95 wanted for each decision%n", domain, n, seed);
        out.printf(Locale.ROOT, "%-18s %-52s %-22s %-26s %-9s %9s %9s %8s %8s  %s%n", "check", "metric", "bound",
                "method [95% CI]", "effect", "n PASS", "n FAIL", "P(PASS)", "P(FAIL)", "note");
        int need = 0;
        double spuriousWarn = 0;
        for (Row r : rows) {
            String ci = Judge.fmt(r.method()) + " [" + Judge.fmt(r.low()) + ", " + Judge.fmt(r.high()) + "]";
            out.printf(Locale.ROOT, "%-18s %-52s %-22s %-26s %-9s %9s %9s %8s %8s  %s%n", r.check(), r.metric(), r.bound(), ci,
                    Judge.fmt(r.effect()), count(r.nPass()), count(r.nFail()), prob(r.pPass()), prob(r.pFail()), r.note());
            if (r.nPass() != Integer.MAX_VALUE) {
                need = Math.max(need, r.nPass());
                spuriousWarn += 1 - r.pPass();
            }
            if (r.nFail() != Integer.MAX_VALUE && r.nPass() != Integer.MAX_VALUE) {
                need = Math.max(need, r.nFail());
            }
        }
        out.printf(Locale.ROOT, "samples needed for every threshold the method meets: %s (configured: %d)%n", count(need), n);
        out.printf(Locale.ROOT, "at %d samples, the conventional method is expected to get %.2f WARNs from sample size "
                + "alone%n", n, spuriousWarn);
        out.flush();
    }

    private static String count(int n) {
        return n == Integer.MAX_VALUE ? "-" : n == 0 ? "" : Integer.toString(n);
    }

    private static String prob(double p) {
        return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.3f", p);
    }
}
