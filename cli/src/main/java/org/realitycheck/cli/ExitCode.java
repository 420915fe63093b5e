package org.realitycheck.cli;

/** The exit codes scripts and CI depend on (docs/architecture.md, "How data flows through validate"). */
public final class ExitCode {
    /** The gate passed, or the command succeeded. */
    public static final int OK = 0;
    /** The gate failed. */
    public static final int GATE_FAILED = 1;
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** An internal error: a bug in realitycheck or its libraries. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
