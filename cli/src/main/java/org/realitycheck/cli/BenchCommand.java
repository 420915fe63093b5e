package org.realitycheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.realitycheck.cli.bench.BenchReport;
import org.realitycheck.cli.bench.BenchSuite;
import org.realitycheck.cli.bench.Isolated;
import org.realitycheck.cli.bench.PytorchPeer;
import org.realitycheck.cli.bench.Measurement;
import org.realitycheck.cli.bench.OpProfile;
import org.realitycheck.core.io.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code realitycheck bench [--json FILE] [--vs-pytorch] [--reps R]}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput on this machine: simulation, conventional methods, GAN training and "
            + "inference for both domains, with medians over repeated runs after a warm-up that lasts until the "
            + "rate is steady, achieved GFLOP/s against the CPU's fp32 peak, and each benchmark's peak memory. "
            + "Each benchmark runs in a fresh JVM. Rows of kind 'network' time a GAN's network alone (the graph "
            + "the PyTorch peer runs); rows of kind 'model' the shipped model with its pre- and postprocessing. "
            + "--vs-pytorch also runs bench/pytorch_reference.py (needs 'apt-get install python3-torch') and "
            + "reports DL4J/PyTorch ratios for the network rows.",
            "",
            "--list prints the benchmarks of the domains on the classpath."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--reps", defaultValue = "5", paramLabel = "R", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--vs-pytorch", description = "Run the PyTorch peer on the same networks and report ratios.")
    boolean vsPytorch;

    @Option(names = "--only", split = ",", paramLabel = "PREFIX",
            description = "Run only the benchmarks whose names start with these prefixes, e.g. hep.gan or "
                    + "astro.gan.train,hep.fit (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--profile-ops", description = "Also show where a GAN training step's time goes: time per "
            + "libnd4j op type against the time spent around the ops (one epoch after three warm-up epochs).")
    boolean profileOps;

    @Option(names = "--list", description = "Print the benchmarks' names, one a line, and exit.")
    boolean list;

    @Option(names = "--in-process", description = "Run every benchmark in this JVM, one after the other, instead "
            + "of one fresh JVM each (to see order effects).")
    boolean inProcess;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "EXE",
            description = "Python with torch for --vs-pytorch (default: ${DEFAULT-VALUE}).")
    String python;

    @Override
    public Integer call() throws Exception {
        if (reps < 1) {
            throw new UsageException("--reps must be >= 1, got " + reps);
        }
        if (vsPytorch || spec.commandLine().getParseResult().hasMatchedOption("--python")) {
            checkPython(python);
        }
        if (json != null) {
            Outputs.checkFile(json, "--json");
        }
        BenchSuite suite;
        try {
            suite = new BenchSuite(reps, line -> {
                spec.commandLine().getErr().println("bench " + line);
                spec.commandLine().getErr().flush();
            }, only).profileOps(profileOps);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (list) {
            suite.names().forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        var err = spec.commandLine().getErr();
        // The peer runs first: once ND4J has run, its OpenMP threads keep spinning for a while and
        // would steal a core from PyTorch (seen here: the idle JVM at 50% CPU during the peer's run).
        JsonNode torch = null;
        if (vsPytorch) {
            try {
                torch = PytorchPeer.run(python, locateScript(), reps, suite.peerSpecs(), line -> {
                    err.println(line);
                    err.flush();
                });
            } catch (IllegalStateException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<Measurement> results;
        List<OpProfile> profiles = new ArrayList<>();
        if (inProcess) {
            results = LibraryOutput.quietly(suite::run);
            profiles.addAll(suite.profiles());
        } else {
            results = Isolated.run(suite.selected(), reps, profileOps, line -> {
                err.println(line);
                err.flush();
            }, profiles);
        }
        BenchReport report = BenchReport.of(results, torch).withProfiles(profiles).isolated(!inProcess);
        spec.commandLine().getOut().print(report.table());
        for (OpProfile p : profiles) {
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().print(p.table(12));
        }
        spec.commandLine().getOut().flush();
        if (json != null) {
            AtomicFiles.writeString(json, report.json());
        }
        return ExitCode.OK;
    }

    /**
     * {@code --python} must name an executable file (a path), or a program on {@code PATH} (a bare
     * name): checked before minutes of benchmarks, not when the peer is started.
     */
    static void checkPython(String exe) {
        if (exe.isBlank()) {
            throw new UsageException("--python: empty; expected the Python executable, e.g. /usr/bin/python3");
        }
        if (exe.indexOf('/') >= 0) {
            Path p = Path.of(exe);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new UsageException("--python " + exe + ": " + (Files.exists(p) ? "not an executable file" : "no such file")
                        + "; expected the Python executable, e.g. /usr/bin/python3");
            }
            return;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe)) && Files.isRegularFile(Path.of(dir, exe))) {
                return;
            }
        }
        throw new UsageException("--python " + exe + ": not found on PATH; expected the Python executable, e.g. /usr/bin/python3");
    }

    private static Path locateScript() {
        Path[] candidates = {Path.of("bench", "pytorch_reference.py"),
            Path.of(System.getProperty("realitycheck.home", "."), "bench", "pytorch_reference.py")};
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new UsageException("bench/pytorch_reference.py not found; run from the project folder");
    }

}
