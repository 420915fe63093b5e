package org.realitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck validate}: runs the reality checks on a model and writes the verdict. Exit 0
 * when the gate passed, 1 when it failed, 2 for bad usage or input, 3 for an internal error.
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

    @Option(names = "--baseline", paramLabel = "OLD/result.json", description = "The last accepted run, to compare every metric with.")
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

    @Option(names = "--force", description = "Replace --out even when it is a folder of other files (they are deleted).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (samples != null && samples < 1) {
            throw new UsageException("--samples must be >= 1, got " + samples);
        }
        if (data != null) {
            Inputs.dataFolder(data, "--data");
        }
        Inputs.regularFile(model, "--model");
        if (policy != null) {
            Inputs.regularFile(policy, "--policy");
        }
        if (baseline != null) {
            Inputs.regularFile(baseline, "--baseline");
        }
        OutputFolder.checkReplaceable(out, "--out", force);
        if (domain == null) {
            domain = cardDomain();
        }
        Domain d = Domains.byName(domain);
        dataOptions = Inputs.canonicalOptions(d, dataOptions, err);
        if (samples != null) {
            Limits.checkCount(d, samples, 1, java.util.Map.of(), "--samples");
        }
        List<Check> checks = Suite.checks();
        Policy p = policy == null ? PolicyParser.defaults(d, checks) : PolicyParser.parse(policy, checks, d);
        if (samples != null) {
            p = p.withSamples(samples);
        }
        SuiteResult base = baseline == null ? null : ResultJson.read(baseline);
        RealityCheck rc = card == null ? RealityCheck.of(model) : RealityCheck.of(model, card);
        SampleSet held = null;
        if (data != null) {
            Progress.note(err, "loading " + data);
            held = d.data().load(data, dataOptions);
            if (held.isEmpty()) {
                throw new UsageException("--data " + data + ": no usable samples");
            }
        }
        long s = seed != null ? seed : p.seed() != null ? p.seed() : 42L;
        rc.domain(d).policy(p).checks(checks).seed(s)
                .policySource(policy == null ? "the " + d.name() + " domain's default policy"
                        : policy + " (SHA-256 " + RealityCheck.sha256(policy) + ")")
                .data(held, data == null ? null : data.toString())
                .baseline(base, baseline == null ? null : baseline.toString())
                .command(command())
                .progress(quiet ? org.realitycheck.validation.ProgressSink.NONE : new StepNotes(err, "  "));
        SuiteResult r = LibraryOutput.quietly(rc::run);
        RunOutputs.write(r, out, failOnWarn);
        printTable(spec.commandLine().getOut(), r, out);
        return r.passed(failOnWarn) ? ExitCode.OK : ExitCode.GATE_FAILED;
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
