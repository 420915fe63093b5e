package org.realitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.Models;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.RealityCheck;
import org.realitycheck.validation.Suite;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;
import org.realitycheck.validation.io.RunPairs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck validate}: runs the reality checks on a model and writes the verdict. Exit 0
 * when the gate passed, 1 when it failed, 2 for bad usage or input, 3 for an internal error.
 *
 * <p>Refused before any work (exit 2): an {@code --out} that is, holds or lies inside an input, or
 * is a data folder ({@link OutputFolder}'s rule; {@code --force} does not override it); a policy with
 * no enabled check (a gate that checks nothing must not say PASSED); sizes beyond what the heap holds
 * ({@link Limits}); {@code --data-option} without {@code --data}; a {@code --baseline} of another
 * domain, or judged by another policy or application range unless {@code --allow-policy-change}
 * ({@link RunPairs}, the rule {@code compare} applies too).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Gate a model: run the reality checks and write the verdict and the report.",
            "Writes result.json, junit.xml, summary.md and report.html into --out.",
            "Without --data the domain simulates a held-out set from --seed.", "",
            "Example:", "  realitycheck validate --model models/astro-default.zip --out out/astro"},
        footer = {"", "Exit codes: 0 gate passed, 1 gate failed, 2 bad usage or input, 3 internal error."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "The domain: ${COMPLETION-CANDIDATES} "
            + "(default: the one the model's card names; given, it must match).", completionCandidates = DomainNames.class)
    String domain;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "The model to gate: an artifact zip, or an ONNX file (docs/onnx.md).")
    Path model;

    @Option(names = "--card", paramLabel = "FILE", description = "The card of an ONNX model, when it is not beside it "
            + "(MODEL.card.json or card.json); docs/onnx.md.")
    Path card;

    @Option(names = "--data", paramLabel = "DIR", description = "Held-out data in the domain's layout (FITS folder, TrackML CSV).")
    Path data;

    @Option(names = "--data-option", paramLabel = "KEY=VALUE", description = {"What the data files do not say, e.g. the "
            + "instrument (astro: psf-fwhm-pix, psf-fwhm-arcsec, pixel-scale, sky-sigma, psf-type, moffat-beta); used "
            + "where the catalog and headers give nothing. Repeatable."})
    java.util.Map<String, String> dataOptions = new java.util.LinkedHashMap<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "Validation policy, YAML or JSON (default: the domain's).")
    Path policy;

    @Option(names = "--baseline", paramLabel = "OLD/result.json", description = "The last accepted run (its result.json or "
            + "its folder), to compare every metric with; of the same domain and policy.")
    Path baseline;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random draw (default: the policy's, else 42).")
    Long seed;

    @Option(names = "--samples", paramLabel = "N", description = "Held-out samples to simulate (default: the policy's).")
    Integer samples;

    @Option(names = "--fail-on-warn", description = "Treat warnings as a failed gate (exit 1, junit failures).")
    boolean failOnWarn;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder; replaced atomically.")
    Path out;

    @Option(names = "--force", description = "Replace --out even when it is a folder of other files (they are deleted); "
            + "never an input of the run nor a folder holding one, never a data folder.")
    boolean force;

    @Option(names = "--allow-policy-change", description = "Compare with a --baseline judged by another policy or "
            + "application range (the changes are listed); without it such a baseline is refused.")
    boolean allowPolicyChange;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (samples != null && samples < 1) {
            throw new UsageException("--samples must be >= 1, got " + samples);
        }
        if (data == null && !dataOptions.isEmpty()) {
            throw new UsageException("--data-option " + dataOptions.keySet() + " applies only with --data (it describes the "
                    + "data files); without --data the held-out set is simulated");
        }
        if (data != null) {
            Inputs.dataFolder(data, "--data");
        }
        Inputs.regularFile(model, "--model");
        if (card != null) {
            Inputs.regularFile(card, "--card");
        }
        if (policy != null) {
            Inputs.regularFile(policy, "--policy");
        }
        Path baseFile = null;
        if (baseline != null) {
            baseFile = Inputs.regularFile(ResultJson.resultFile(baseline), "--baseline");
        }
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--data", data);
        inputs.put("--model", model);
        inputs.put("--card", card);
        inputs.put("--policy", policy);
        inputs.put("--baseline", baseFile);
        OutputFolder.checkReplaceable(out, "--out", force, OutputFolder.Kind.REPORT, inputs);
        if (domain == null) {
            domain = cardDomain();
        }
        Domain d = Domains.byName(domain);
        dataOptions = Inputs.canonicalOptions(d, dataOptions, err);
        List<Check> checks = Suite.checks();
        Policy p = policy == null ? PolicyParser.defaults(d, checks) : PolicyParser.parse(policy, checks, d);
        if (samples != null) {
            p = p.withSamples(samples);
        }
        if (data == null) {
            Limits.checkHeldOut(d, p.samples(), samples != null ? "--samples" : policySamples());
        }
        Limits.checkPolicy(d, p, policy == null ? Path.of("(" + d.name() + " default policy)") : policy);
        if (p.checks().values().stream().noneMatch(Policy.CheckPolicy::enabled)) {
            throw BadInputException.at(policy == null ? Path.of("(" + d.name() + " default policy)") : policy, "checks",
                    "no check is enabled, so nothing would be checked and the gate would pass on nothing; enable at "
                            + "least one of " + checks.stream().map(Check::id).toList());
        }
        SuiteResult base = baseFile == null ? null : ResultJson.read(baseFile);
        List<String> allowed = base == null ? List.of() : RunPairs.check(base, baseFile.toString(), d.name(), p, null,
                "this run", allowPolicyChange, "--allow-policy-change");
        listChanges(err, allowed);
        RealityCheck rc = card == null ? RealityCheck.of(model) : RealityCheck.of(model, card);
        SampleSet held = null;
        if (data != null) {
            Progress.note(err, "loading " + data);
            held = d.data().load(data, dataOptions);
            if (held.isEmpty()) {
                throw new UsageException("--data " + data + ": no usable samples");
            }
            HeldOutGuard.refuseTrainingImages(model, card, data, held);
        }
        long s = seed != null ? seed : p.seed() != null ? p.seed() : 42L;
        var times = new org.realitycheck.validation.io.JUnitXml.CheckTimes(
                quiet ? org.realitycheck.validation.ProgressSink.NONE : new StepNotes(err, "  "));
        rc.domain(d).policy(p).checks(checks).seed(s)
                .policySource(policy == null ? "the " + d.name() + " domain's default policy"
                        : policy + " (SHA-256 " + RealityCheck.sha256(policy) + ")")
                .data(held, data == null ? null : data.toString())
                .baseline(base, baseFile == null ? null : baseFile.toString())
                .command(command())
                .progress(times);
        SuiteResult r = LibraryOutput.quietly(rc::run);
        if (base != null) {
            // the application ranges are known once the card is read: the same rule, on the ranges the run used
            List<String> changes = RunPairs.check(base, baseFile.toString(), d.name(), p, r.provenance().applicationRanges(),
                    "this run", allowPolicyChange, "--allow-policy-change");
            listChanges(err, changes.stream().filter(c -> !allowed.contains(c)).toList());
        }
        RunOutputs.write(r, out, failOnWarn, times.seconds());
        printTable(spec.commandLine().getOut(), r, out);
        return r.passed(failOnWarn) ? ExitCode.OK : ExitCode.GATE_FAILED;
    }

    private String policySamples() {
        return policy == null ? "the default policy's samples" : policy + ": samples";
    }

    /** One {@code note:} line per change the user allowed with {@code --allow-policy-change}. */
    static void listChanges(PrintWriter err, List<String> changes) {
        for (String c : changes) {
            err.println("note: compared across a policy change: " + c);
        }
    }

    /** The domain the model's card names (the model is opened once more by {@link RealityCheck#of}). */
    private String cardDomain() {
        try (Generator g = (card == null ? Models.open(model) : Models.open(model, card)).generator()) {
            return g.card().domain();
        }
    }

    /** The command line that reproduces this run (paths as given). */
    private List<String> command() {
        List<String> c = new ArrayList<>(List.of("realitycheck", "validate", "--domain", domain, "--model", model.toString()));
        if (card != null) {
            c.addAll(List.of("--card", card.toString()));
        }
        if (data != null) {
            c.addAll(List.of("--data", data.toString()));
        }
        dataOptions.forEach((k, v) -> c.addAll(List.of("--data-option", k + "=" + v)));
        if (policy != null) {
            c.addAll(List.of("--policy", policy.toString()));
        }
        if (baseline != null) {
            c.addAll(List.of("--baseline", baseline.toString()));
        }
        if (seed != null) {
            c.addAll(List.of("--seed", seed.toString()));
        }
        if (samples != null) {
            c.addAll(List.of("--samples", samples.toString()));
        }
        if (failOnWarn) {
            c.add("--fail-on-warn");
        }
        if (allowPolicyChange) {
            c.add("--allow-policy-change");
        }
        c.addAll(List.of("--out", out.toString()));
        return c;
    }

    /** Prints the verdict and a line per check to stdout. */
    static void printTable(PrintWriter out, SuiteResult r, Path dir) {
        out.printf("%s  %s  (%s, %s)%n", r.verdict().label(), r.provenance().model(), r.provenance().domain(),
                r.provenance().data());
        for (CheckResult c : r.checks()) {
            String head = c.metric(c.headline()).map(Judge::describe).orElse("");
            out.printf("  %-8s %-27s %s%n", c.status(), c.id(), c.status().name().equals("PASS") && !head.isEmpty() ? head : c.reason());
        }
        out.printf("report: %s%n", dir.resolve("report.html"));
        out.flush();
    }
}
