package org.realitycheck.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code realitycheck simulate astro|hep --count N --seed S --out DIR [--option key=value]...}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate a labelled data set and write it in the domain's file layout.",
            "astro: DIR/catalog.csv, DIR/truth/<id>.fits, DIR/degraded/<id>.fits.",
            "hep: TrackML-style DIR/event<9 digits>-{hits,particles,truth}.csv (mm, GeV)."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain: ${COMPLETION-CANDIDATES}.",
            completionCandidates = DomainNames.class)
    String domain;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of samples (>= 1).")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder, written as one unit; an existing one is replaced only when 'simulate' wrote it.")
    Path out;

    @Option(names = "--force", description = "Replace --out even when it is a folder of other files (they are deleted); "
            + "never a report folder.")
    boolean force;

    @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE",
            description = "A domain option, e.g. z-max=0.1 (astro) or pt-max=20 (hep); repeatable; unknown keys list the known ones.")
    Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new UsageException("--count must be >= 1, got " + count);
        }
        Domain d = Domains.byName(domain);
        Map<String, String> options = Inputs.canonicalOptions(d, this.options, spec.commandLine().getErr());
        OutputFolder.checkReplaceable(out, "--out", force, OutputFolder.Kind.DATA, Map.of());
        Limits.checkCount(d, count, seed, options, "--count");
        Progress.note(spec.commandLine().getErr(), "simulating " + count + " " + d.name() + " samples (seed " + seed + ")");
        OutputFolder.write(out, OutputFolder.Kind.DATA, dir -> d.data().simulateInto(dir, count, seed, options));
        spec.commandLine().getOut().println("wrote " + count + " " + d.name() + " samples to " + out);
        return ExitCode.OK;
    }
}
