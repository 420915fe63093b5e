package org.realitycheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.ModelCard;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.ProgressSink;
import org.realitycheck.validation.RealityCheck;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.Suite;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.JUnitXml;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck demo [--train] [--out DIR]}: the whole idea in a few minutes. Simulates a
 * held-out set per domain, gates every model of the manifest ({@value DemoManifest#FILE} in the
 * models folder: shipped defaults that pass and flawed models that must fail for their designed
 * reason) with the demo's policies, writes each run's outputs under {@code DIR/<domain>-<model>/}
 * and an {@code index.html} linking them, and prints the verdict table. Exit 0 when every model got
 * the verdict the manifest expects, 1 otherwise. The output folder is written as one unit.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Gate the shipped models on simulated held-out data: defaults that pass, flawed ones the gate must catch.",
            "Writes a report per model and an index.html, and prints the verdict table.",
            "Exit 0 when every model got the verdict models/demo.yaml expects, 1 otherwise."},
        footer = {"", "Examples:",
            "  realitycheck demo                          # writes ./realitycheck-out/index.html",
            "  realitycheck demo --out /tmp/demo --only astro-default,hep-default",
            "  realitycheck demo --train                  # retrain every model from models/<name>.yaml first"})
final class DemoCommand implements Callable<Integer> {
    /** System property the launcher sets to the project folder, where {@code models/} lives. */
    static final String HOME_PROPERTY = "realitycheck.home";

    @Spec
    CommandSpec spec;

    @Option(names = "--train", description = "Retrain every model from its recipe (models/<name>.yaml) first, into DIR/models/.")
    boolean train;

    @Option(names = "--out", defaultValue = "realitycheck-out", paramLabel = "DIR",
            description = "Output folder, replaced as one unit (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Replace --out even when it is a folder of other files (they are deleted).")
    boolean force;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder with demo.yaml, the policies, recipes and models (default: the project's models/).")
    Path models;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Only these models of the manifest (comma-separated), e.g. astro-default,hep-default.")
    List<String> only;

    @Option(names = "--samples", paramLabel = "N",
            description = "Held-out samples per domain instead of the policies' (a quicker, noisier look).")
    Integer samples;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (without it: a line per model, and per check on a terminal).")
    boolean quiet;

    /** One line of the verdict table. */
    record Row(DemoManifest.ModelEntry model, SuiteResult result, String folder, List<String> files, boolean asExpected) {
        /** @return the file a reader opens first: report.html when written, else result.json */
        String report() {
            return files.contains("report.html") ? "report.html" : "result.json";
        }

        /** @return true when a known gap's designed check now fails the model: the gap closed, the manifest's entry can go */
        boolean gapClosed() {
            return model.knownGap() && result.check(model.designedCheck()).map(c -> c.status() == Status.FAIL).orElse(false);
        }

        /** @return what the manifest expects, e.g. {@code FAILED by ood.covariate} */
        String expected() {
            return model.expectPass() || model.failing() == null ? model.verdict() : model.verdict() + " by " + model.failing();
        }

        List<CheckResult> failing() {
            return result.checks().stream().filter(c -> c.status() == Status.FAIL || c.status() == Status.ERROR).toList();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        // on a terminal: one line per model and per check step; elsewhere (CI, `| tee`): one line per model
        // with the elapsed time, so that a long run never looks hung; --quiet: nothing
        boolean tty = System.console() != null;
        boolean progress = !quiet;
        boolean steps = progress && tty;
        if (!tty) {
            Logging.quiet();
        }
        if (samples != null && samples < 1) {
            throw new UsageException("--samples must be >= 1, got " + samples);
        }
        Path dir = models != null ? models : defaultModels();
        DemoManifest manifest = DemoManifest.read(dir.resolve(DemoManifest.FILE));
        List<DemoManifest.ModelEntry> selected = select(manifest);
        OutputFolder.checkReplaceable(out, "--out", force);
        List<Check> checks = Suite.checks();
        Map<String, Domain> domains = new LinkedHashMap<>();
        Map<String, Policy> policies = new LinkedHashMap<>(); // by policy file
        for (DemoManifest.ModelEntry m : selected) {
            Domain d = domains.computeIfAbsent(m.domain(), Domains::byName);
            if (!policies.containsKey(manifest.policyOf(m))) {
                Policy p = PolicyParser.parse(dir.resolve(manifest.policyOf(m)), checks, d);
                if (samples != null) {
                    Limits.checkCount(d, samples, manifest.seed(), manifest.domains().get(m.domain()).heldout(), "--samples");
                }
                policies.put(manifest.policyOf(m), samples == null ? p : p.withSamples(samples));
            }
            Path source = train ? dir.resolve(m.artifact() + ".yaml") : dir.resolve(m.artifact() + ".zip");
            if (!m.reference() && !Files.isRegularFile(source)) {
                throw new UsageException(source + ": missing; " + (train ? "every model needs its recipe"
                        : "rebuild it with 'realitycheck train --recipe " + dir.resolve(m.artifact() + ".yaml") + " --out " + source
                                + "' or run 'realitycheck demo --train'"));
            }
        }
        if (checks.isEmpty()) {
            Progress.note(err, "note: no reality checks are installed; every model will be reported as PASSED");
        }
        long t0 = System.nanoTime();
        double[] split = new double[4]; // training, simulation, validation, reports
        List<Row> rows = new ArrayList<>();
        Path outAbs = out.toAbsolutePath().normalize();
        OutputFolder.write(out, tmp -> {
            if (train) {
                long t = System.nanoTime();
                if (!quiet) {
                    announceTraining(err, dir, toTrain(selected));
                }
                for (String a : toTrain(selected)) {
                    trainOne(dir.resolve(a + ".yaml"), tmp.resolve("models").resolve(a + ".zip"), progress, steps);
                }
                split[0] = (System.nanoTime() - t) / 1e9;
            }
            Map<String, SampleSet> held = new LinkedHashMap<>();
            for (Map.Entry<String, Domain> e : domains.entrySet()) {
                long t = System.nanoTime();
                // one held-out set per domain, as large as its largest policy asks (a smaller one takes a prefix)
                int n = selected.stream().filter(m -> m.domain().equals(e.getKey()))
                        .mapToInt(m -> policies.get(manifest.policyOf(m)).samples()).max().orElseThrow();
                note(err, progress, "simulating " + n + " held-out " + e.getKey() + " samples (seed " + manifest.seed() + ")");
                held.put(e.getKey(), quietly(() -> e.getValue().data().simulate(n, manifest.seed(),
                        manifest.domains().get(e.getKey()).heldout())));
                split[1] += (System.nanoTime() - t) / 1e9;
            }
            for (DemoManifest.ModelEntry m : selected) {
                Path zip = train ? tmp.resolve("models").resolve(m.artifact() + ".zip") : dir.resolve(m.artifact() + ".zip");
                Domain d = domains.get(m.domain());
                Policy p = policies.get(manifest.policyOf(m));
                String heldName = heldDescription(manifest, m.domain(), p.samples());
                note(err, progress, String.format(Locale.ROOT, "[%d/%d %s] validating %s (%s, %s)", rows.size() + 1,
                        selected.size(), elapsed(t0), m.name(), m.domain(), manifest.policyOf(m)));
                long t = System.nanoTime();
                SampleSet all = held.get(m.domain());
                SampleSet h = all.size() == p.samples() ? all : all.slice(0, p.samples());
                RealityCheck start = m.reference()
                        ? RealityCheck.of(new ConventionalGenerator(d, h.conditionShape(), h.targetShape(), p.application()))
                        : RealityCheck.of(zip);
                Path policyFile = dir.resolve(manifest.policyOf(m));
                JUnitXml.CheckTimes times = new JUnitXml.CheckTimes(steps ? new StepNotes(err, "    ") : ProgressSink.NONE);
                RealityCheck rc = start.domain(d).policy(p).checks(checks).seed(manifest.seed())
                        .policySource(manifest.policyOf(m) + " (SHA-256 " + RealityCheck.sha256(policyFile) + ")")
                        .data(h, heldName)
                        .command(reproduce(m))
                        .progress(times);
                SuiteResult r = quietly(rc::run);
                double secs = (System.nanoTime() - t) / 1e9;
                double sim = rc.lastEvaluations() == null ? 0 : rc.lastEvaluations().seconds().getOrDefault("simulation", 0.0);
                split[1] += sim;
                split[2] += secs - sim;
                t = System.nanoTime();
                String folder = m.folder();
                RunOutputs.write(r, tmp.resolve(folder), false, times.seconds());
                split[3] += (System.nanoTime() - t) / 1e9;
                List<String> files = new ArrayList<>();
                for (String f : List.of("report.html", "result.json", "summary.md", "junit.xml")) {
                    if (Files.isRegularFile(tmp.resolve(folder).resolve(f))) {
                        files.add(f);
                    }
                }
                Row row = new Row(m, r, folder, List.copyOf(files), asExpected(m, r));
                rows.add(row);
                note(err, progress, String.format(Locale.ROOT, "  %s in %.0f s (%s)", r.verdict().label(), secs,
                        row.asExpected() ? "as expected" : "NOT as expected"));
            }
            long t = System.nanoTime();
            Files.writeString(tmp.resolve("index.html"), DemoIndex.html(rows, policies, manifest, train), StandardCharsets.UTF_8);
            split[3] += (System.nanoTime() - t) / 1e9;
        });
        printTable(stdout, rows);
        double total = (System.nanoTime() - t0) / 1e9;
        stdout.printf(Locale.ROOT, "%nindex: %s%n", outAbs.resolve("index.html"));
        stdout.printf(Locale.ROOT, "took %.0f s:%s simulation %.0f s, validation %.0f s, reports %.0f s%n", total,
                train ? String.format(Locale.ROOT, " training %.0f s,", split[0]) : "", split[1], split[2], split[3]);
        long unexpected = rows.stream().filter(r -> !r.asExpected()).count();
        List<String> gaps = rows.stream().filter(r -> r.asExpected() && r.model().knownGap() && !r.gapClosed())
                .map(r -> r.model().name()).toList();
        if (unexpected == 0) {
            stdout.printf("every model got the verdict the demo expects, for the reason it expects (%d models)%s%n", rows.size(),
                    gaps.isEmpty() ? "" : "; known gap" + (gaps.size() == 1 ? " " : "s ") + String.join(", ", gaps)
                            + ": its designed check does not fail it (models/demo.yaml, docs/demo.md)");
        } else {
            stdout.printf("%d of %d models did NOT get the verdict the demo expects (marked !)%n", unexpected, rows.size());
        }
        stdout.flush();
        return unexpected == 0 ? ExitCode.OK : ExitCode.GATE_FAILED;
    }

    /** The project's models folder: {@code $realitycheck.home/models} (the launcher sets it), else {@code ./models}. */
    static Path defaultModels() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? Path.of("models") : Path.of(home, "models");
    }

    private List<DemoManifest.ModelEntry> select(DemoManifest manifest) {
        if (only == null || only.isEmpty()) {
            return manifest.models();
        }
        List<String> known = manifest.models().stream().map(DemoManifest.ModelEntry::name).toList();
        for (String n : only) {
            if (!known.contains(n)) {
                throw new UsageException("--only " + n + ": no such model in the manifest; known: " + String.join(", ", known));
            }
        }
        return manifest.models().stream().filter(m -> only.contains(m.name())).toList();
    }

    /** A model meets the manifest when the gate lets it through (PASSED) or fails it with the named check among the failures. */
    static boolean asExpected(DemoManifest.ModelEntry m, SuiteResult r) {
        boolean passed = r.passed(false);
        if (m.expectPass()) {
            return passed;
        }
        if (passed) {
            return false;
        }
        return m.failing() == null || r.check(m.failing()).map(c -> c.status() == Status.FAIL).orElse(false);
    }

    /** @return the status the row's check got, or "not run" */
    static String statusOf(SuiteResult r, String check) {
        return r.check(check).map(c -> c.status().name()).orElse("not run");
    }

    private static String elapsed(long t0) {
        long s = Math.round((System.nanoTime() - t0) / 1e9);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String heldDescription(DemoManifest manifest, String domain, int n) {
        Map<String, String> o = manifest.domains().get(domain).heldout();
        return "simulated: " + n + " " + domain + " samples, seed " + manifest.seed() + (o.isEmpty() ? "" : ", options " + o);
    }

    /** The command line that reproduces one row's result (paths as given). */
    private List<String> reproduce(DemoManifest.ModelEntry m) {
        List<String> c = new ArrayList<>(List.of("realitycheck", "demo", "--only", m.name()));
        if (models != null) {
            c.addAll(List.of("--models", models.toString()));
        }
        if (samples != null) {
            c.addAll(List.of("--samples", samples.toString()));
        }
        if (train) {
            c.add("--train");
        }
        c.addAll(List.of("--out", out.toString()));
        return c;
    }

    /** @return the model files the selected rows need, each once, in table order */
    private static List<String> toTrain(List<DemoManifest.ModelEntry> selected) {
        return selected.stream().filter(m -> !m.reference()).map(DemoManifest.ModelEntry::artifact).distinct().toList();
    }

    /** Says up front how long retraining takes: the shipped cards' own training times, when the models are there. */
    private void announceTraining(PrintWriter err, Path dir, List<String> selected) {
        double secs = 0;
        int known = 0;
        for (String m : selected) {
            Path zip = dir.resolve(m + ".zip");
            if (Files.isRegularFile(zip)) {
                try (var g = ModelArtifact.load(zip)) {
                    secs += g.card().trainingSeconds();
                    known++;
                } catch (RuntimeException e) {
                    // an unreadable shipped model only loses the estimate
                }
            }
        }
        String estimate = known == 0 ? "several minutes per image model, about a minute per track model"
                : String.format(Locale.ROOT, "about %.0f minutes (the shipped models' cards record %.0f s of training for %d of them on the machine that made them; a loaded machine takes longer)",
                        Math.ceil(secs * selected.size() / known / 60), secs, known);
        Progress.note(err, "retraining " + selected.size() + (selected.size() == 1 ? " model" : " models")
                + " from the recipes in " + dir + ": " + estimate);
    }

    private void trainOne(Path recipe, Path zip, boolean progress, boolean steps) {
        PrintWriter err = spec.commandLine().getErr();
        CommandLine c = new CommandLine(new TrainCommand());
        c.setOut(new PrintWriter(java.io.Writer.nullWriter()));
        c.setErr(steps ? err : new PrintWriter(java.io.Writer.nullWriter()));
        c.setExecutionExceptionHandler((ex, cl, parsed) -> {
            throw ex;
        });
        note(err, progress, "training " + recipe.getFileName() + " ...");
        long t = System.nanoTime();
        int rc = c.execute("--recipe", recipe.toString(), "--out", zip.toString());
        if (rc != ExitCode.OK) {
            throw new IllegalStateException("training from " + recipe + " ended with exit code " + rc);
        }
        note(err, progress, String.format(Locale.ROOT, "  trained %s in %.0f s", zip.getFileName(), (System.nanoTime() - t) / 1e9));
    }

    /**
     * The verdict table on stdout: model, domain, verdict, what the manifest expects, the report (relative to
     * the output folder, whose index.html is printed after the table); under a row its failing checks with their reasons, a known gap's designed check and what it
     * found, and, for a row not as expected, why.
     */
    static void printTable(PrintWriter out, List<Row> rows) {
        int w = Math.max(22, rows.stream().mapToInt(r -> r.model().name().length()).max().orElse(0));
        int we = Math.max(8, rows.stream().mapToInt(r -> r.expected().length()).max().orElse(0));
        String fmt = "%-2s %-" + w + "s %-6s %-20s %-" + we + "s %s%n";
        out.printf(fmt, "", "MODEL", "DOMAIN", "VERDICT", "EXPECTED", "REPORT");
        for (Row r : rows) {
            out.printf(fmt, r.asExpected() ? "" : "!", r.model().name(), r.model().domain(),
                    r.result().verdict().label(), r.expected(), r.folder() + "/" + r.report());
            for (CheckResult c : r.failing()) {
                out.printf("     %-5s %s: %s%n", c.status(), c.id(), oneLine(c.reason()));
            }
            DemoManifest.ModelEntry m = r.model();
            if (!r.asExpected()) {
                out.printf("     NOT AS EXPECTED: %s%n", m.expectPass() ? "expected the gate to pass it"
                        : m.failing() == null ? "expected the gate to fail it"
                        : "expected " + m.failing() + " to FAIL (" + (m.knownGap() ? "the check it honestly fails" : "its designed reason")
                                + "), got " + statusOf(r.result(), m.failing()));
            } else if (r.gapClosed()) {
                out.printf("     known gap closed: %s now FAILs; the row's designed/gap entries in the manifest can go%n", m.designedCheck());
            }
            if (m.knownGap() && !r.gapClosed()) {
                out.printf("     known gap: made to fail %s, which gives %s: %s%n", m.designedCheck(),
                        statusOf(r.result(), m.designedCheck()), m.gap().replaceAll("\\s+", " ").trim());
            }
        }
    }

    /** {@link LibraryOutput#quietly} inside a folder writer, which may throw only I/O and unchecked exceptions. */
    private static <T> T quietly(Callable<T> work) throws java.io.IOException {
        try {
            return LibraryOutput.quietly(work);
        } catch (java.io.IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }

    private static void note(PrintWriter err, boolean progress, String line) {
        if (progress) {
            Progress.note(err, line);
        }
    }

}
