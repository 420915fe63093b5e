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

    @Option(names = "--count", paramLabel = "N", description = "Number of samples (>= 1); required without --from.")
    Integer count;

    @Option(names = "--from", paramLabel = "DIR",
            description = "astro: degrade your own high-resolution FITS cut-outs in DIR instead of simulating "
                    + "(truth = the inputs; DIR/train and DIR/held-out split by content hash; docs/astro-realsky.md).")
    Path from;

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
        Domain d = Domains.byName(domain);
        Map<String, String> options = Inputs.canonicalOptions(d, this.options, spec.commandLine().getErr());
        OutputFolder.checkReplaceable(out, "--out", force, OutputFolder.Kind.DATA,
                from == null ? Map.of() : Map.of("--from", from));
        if (from != null) {
            return degrade(d, options);
        }
        if (count == null) {
            throw new UsageException("--count N is required (or --from DIR to degrade your own images)");
        }
        if (count < 1) {
            throw new UsageException("--count must be >= 1, got " + count);
        }
        Limits.checkCount(d, count, seed, options, "--count");
        Progress.note(spec.commandLine().getErr(), "simulating " + count + " " + d.name() + " samples (seed " + seed + ")");
        OutputFolder.write(out, OutputFolder.Kind.DATA, dir -> d.data().simulateInto(dir, count, seed, options));
        spec.commandLine().getOut().println("wrote " + count + " " + d.name() + " samples to " + out);
        return ExitCode.OK;
    }

    /** {@code --from}: the domain's degrade path on the user's own images. */
    private int degrade(Domain d, Map<String, String> options) throws Exception {
        if (count != null) {
            throw new UsageException("--count applies to simulations; --from degrades every image in " + from);
        }
        Inputs.dataFolder(from, "--from");
        String[] said = new String[1];
        try {
            OutputFolder.write(out, OutputFolder.Kind.DATA, dir -> said[0] = d.data().degradeInto(from, dir, seed, options));
        } catch (UnsupportedOperationException e) {
            throw new UsageException("--from: the " + d.name() + " domain has " + e.getMessage());
        }
        spec.commandLine().getOut().println(said[0] + " in " + out);
        return ExitCode.OK;
    }
}
