package org.realitycheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Provenance;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code realitycheck} command. Errors follow one rule (docs/architecture.md): one line on stderr with a hint, exit 2
 * for bad usage or input, exit 3 for internal errors, a stack trace only with {@code --debug}.
 */
@Command(name = "realitycheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Reality checks that gate GAN models used in science.", ""},
        subcommands = {DemoCommand.class, SimulateCommand.class, TrainCommand.class, ValidateCommand.class, ReportCommand.class,
            CompareCommand.class, BenchCommand.class, PlanCommand.class, CommandLine.HelpCommand.class},
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

    /**
     * The error taxonomy (docs/architecture.md):
     * <ul>
     *   <li>exit 2, the message as it is: {@link BadInputException} (a file, option or policy a user
     *       gave), {@link UsageException}, and I/O failures on the user's files and folders
     *       ({@link IOException}, also wrapped in {@link UncheckedIOException}: missing, not
     *       readable, read-only, disk full), named by their file;</li>
     *   <li>exit 3, "internal error ... this is a bug": everything else, including a bare
     *       {@link IllegalArgumentException} (a contract broken inside realitycheck or a library),
     *       {@link NullPointerException} and {@link Error}s such as {@link OutOfMemoryError}.</li>
     * </ul>
     * The one I/O style: library code lets {@link IOException} propagate (checked), or wraps it in
     * {@link UncheckedIOException} where an interface forbids checked exceptions; the CLI unwraps.
     */
    static int handle(Throwable ex, PrintWriter err, boolean debug) {
        Throwable t = ex;
        String context = null; // what an UncheckedIOException says it was doing, when its cause names no file
        while (t instanceof UncheckedIOException u && u.getCause() != null) {
            if (context == null && u.getMessage() != null && !u.getMessage().equals(u.getCause().toString())) {
                context = u.getMessage();
            }
            t = u.getCause();
        }
        int code;
        String msg;
        if (t instanceof BadInputException || t instanceof UsageException) {
            code = ExitCode.BAD_INPUT;
            msg = t.getMessage();
        } else if (t instanceof IOException io) {
            code = ExitCode.BAD_INPUT;
            msg = context != null && !(io instanceof FileSystemException fs && fs.getFile() != null)
                    ? context + ": " + ioMessage(io) : ioMessage(io);
        } else {
            code = ExitCode.INTERNAL;
            msg = "internal error (this is a bug in realitycheck; please report it): " + t
                    + (debug ? "" : " (run again with --debug for the stack trace)");
        }
        err.println("realitycheck: " + oneLine(msg));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** One line naming the file and what the file system said. */
    static String ioMessage(IOException io) {
        if (io instanceof NoSuchFileException nf) {
            return nf.getFile() + ": no such file or directory";
        }
        if (io instanceof AccessDeniedException ad) {
            return ad.getFile() + ": permission denied";
        }
        if (io instanceof FileAlreadyExistsException fe) {
            return fe.getFile() + ": already exists";
        }
        if (io instanceof NotDirectoryException nd) {
            return nd.getFile() + ": not a folder";
        }
        if (io instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() == null ? io.getClass().getSimpleName() : fs.getReason();
            return fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": " + reason;
        }
        String m = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        Throwable c = io.getCause();
        return c instanceof IOException && c.getMessage() != null && !m.contains(c.getMessage()) ? m + ": " + c.getMessage() : m;
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
