package org.realitycheck.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Provenance;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code realitycheck} command. Errors follow DESIGN.md: one line on stderr with a hint, exit 2
 * for bad usage or input, exit 3 for internal errors, a stack trace only with {@code --debug}.
 */
@Command(name = "realitycheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Reality checks that gate GAN models used in science.", ""},
        subcommands = {DemoCommand.class, SimulateCommand.class, TrainCommand.class, ValidateCommand.class, ReportCommand.class,
            CompareCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 passed, 1 gate failed, 2 bad usage or input, 3 internal error."})
public final class Main implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces and debug logging.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see realitycheck --help)");
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line and returns the exit code, printing to the given writers. Tests call this.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        Logging.configure(debug);
        LibraryOutput.setDebug(debug);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("realitycheck: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            err.println("hint: run '" + c.getCommandSpec().qualifiedName() + " --help' for usage");
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, err, debug));
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error (a broken classpath, out of memory)
            // still gets the one-line treatment and exit 3
            return handle(e, err, debug);
        }
    }

    static int handle(Throwable ex, PrintWriter err, boolean debug) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
        }
        int code;
        String msg;
        if (t instanceof BadInputException) {
            code = ExitCode.BAD_INPUT;
            msg = t.getMessage();
        } else if (t instanceof UsageException || t instanceof IllegalArgumentException) {
            code = ExitCode.BAD_INPUT;
            msg = t.getMessage();
        } else if (t instanceof NoSuchFileException nf) {
            code = ExitCode.BAD_INPUT;
            msg = nf.getFile() + ": no such file or directory";
        } else if (t instanceof java.nio.file.AccessDeniedException ad) {
            code = ExitCode.BAD_INPUT;
            msg = ad.getFile() + ": permission denied";
        } else {
            code = ExitCode.INTERNAL;
            msg = "internal error: " + t + (debug ? "" : " (run again with --debug for the stack trace)");
        }
        err.println("realitycheck: " + oneLine(msg));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Prints the tool, DL4J and Java versions. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Provenance p = Provenance.current();
            return new String[] {"realitycheck " + p.tool(), "DL4J/ND4J " + p.dl4j(), "Java " + p.java(), "OS " + p.os()};
        }
    }
}
